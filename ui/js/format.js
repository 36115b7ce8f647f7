// Dates and times as the secretary reads them: “11月21日 20:15”, “2026年11月21日”, always in the
// community's time zone (设置 → 社区信息), never in the zone or locale of the webview: a laptop
// set to UTC or to en_US must still show the meeting of 19:30 as 19:30. The zone and today come
// from the core (`clock_info`) before the first screen is drawn.
import { api } from './api.js';

const pad = (n) => String(n).padStart(2, '0');
let clock = { zone: 'Asia/Shanghai', today: '', now: '', zones: [] };
let parts = null;

// Loads the community clock; called at start and after 社区信息 is saved.
export async function loadClock() {
  try {
    clock = await api.clockInfo();
  } catch {
    // No database open: the default zone, the app shows why elsewhere.
  }
  parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: clock.zone, hourCycle: 'h23',
    year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  return clock;
}

export const clockInfo = () => clock;

// The community's wall clock of a stored instant: {y, m, d, hh, mm, ss} as numbers.
function wall(iso) {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime()) || !parts) return null;
  const p = {};
  for (const { type, value } of parts.formatToParts(t)) p[type] = Number(value);
  return { y: p.year, m: p.month, d: p.day, hh: p.hour % 24, mm: p.minute, ss: p.second };
}

// “11月21日 20:15”
export function dayTime(iso) {
  const w = wall(iso);
  return w ? `${w.m}月${w.d}日 ${pad(w.hh)}:${pad(w.mm)}` : '';
}

// “2026年11月21日 20:15”
export function fullDate(iso) {
  const w = wall(iso);
  return w ? `${w.y}年${w.m}月${w.d}日 ${pad(w.hh)}:${pad(w.mm)}` : '';
}

// “20:15”, or with seconds “20:15:07”.
export function clockTime(iso, seconds = false) {
  const w = wall(iso);
  if (!w) return '';
  return seconds ? `${pad(w.hh)}:${pad(w.mm)}:${pad(w.ss)}` : `${pad(w.hh)}:${pad(w.mm)}`;
}

// The value a date-and-time field shows for a stored instant: “2026-11-21 20:15”.
export function inputValue(iso) {
  const w = wall(iso);
  return w ? `${w.y}-${pad(w.m)}-${pad(w.d)} ${pad(w.hh)}:${pad(w.mm)}` : '';
}

// Now, as a date-and-time field shows it: the machine's instant, in the community's zone.
export const nowValue = () => inputValue(new Date().toISOString()) || clock.now;

// Today (ISO date) in the community, the default of date fields.
export const today = () => clock.today || inputValue(new Date().toISOString()).slice(0, 10);

// ¥1,800.00 from whole fen: integer arithmetic only (every amount the core sends is a whole
// number of fen, far below 2^53), so what is shown equals what is printed.
export function money(fen) {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

// The amount as she would type it back into a form: “1800”, “1800.5”, “0.05” (integers only).
export function yuanText(fen) {
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const frac = cents ? `.${String(cents).padStart(2, '0').replace(/0$/, '')}` : '';
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}${frac}`;
}

// Person-days kept in tenths: 25 → “2.5”, 30 → “3”.
export const tenths = (n) => `${Math.floor(n / 10)}${n % 10 ? `.${n % 10}` : ''}`;
