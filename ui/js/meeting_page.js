// One meeting: its heading, and three tabs in the order of the evening — 会前 (agenda and
// invitations), 会中 (the bench view), 会后 (close, reopen, print).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { fullDate, clockTime } from './format.js';
import { flash } from './forms.js';
import { renderPrep } from './meeting_prep.js';
import { renderBench } from './meeting_bench.js';
import { failedPanel } from './guard.js';
import { renderClose } from './meeting_close.js';
import { cadenceLine } from './meeting_cadence.js';

const M = S.meetings;
const TABS = { prep: renderPrep, bench: renderBench, close: renderClose };
const DEFAULT_TAB = { planned: 'prep', in_session: 'bench', closed: 'close' };

export async function renderMeeting(view, ctx, id, wanted) {
  let meeting;
  try {
    meeting = await api.getMeeting(id);
  } catch (e) {
    view.append(failedPanel(e, () => ctx.open(id, wanted)), el('button', { type: 'button', class: 'link back', onclick: () => ctx.list() }, M.back));
    return;
  }
  const head = el('div', { class: 'meeting-head' });
  const tabs = el('div', { class: 'tabs', role: 'tablist' });
  const body = el('div', { class: 'tab-body', id: 'meeting-body' });
  view.append(head, tabs, body);
  let current = wanted || DEFAULT_TAB[meeting.status];
  let leave = null;

  const page = {
    ...ctx,
    get meeting() { return meeting; },
    closed: () => meeting.status === 'closed',
    refresh: async () => { meeting = await api.getMeeting(id); drawHead(); },
    tab: (key) => show(key),
  };
  function drawHead() {
    clear(head).append(
      el('button', { type: 'button', class: 'link back', onclick: async () => { if (leave) await leave(); ctx.list(); } }, M.back),
      el('h2', { class: 'meeting-title', id: 'meeting-title' }, meeting.title),
      el('p', { class: 'meta' },
        el('span', { class: 'badge' }, ctx.label('kinds', meeting.kind)),
        fullDate(meeting.starts_at), meeting.place ? ` · ${meeting.place}` : '',
        meeting.host_name ? ` · ${M.host}${meeting.host_name}` : '',
        meeting.recorder_name ? ` · ${M.recorder}${meeting.recorder_name}` : '',
        el('span', { class: `status meeting-${meeting.status}`, id: 'meeting-status' }, ctx.label('statuses', meeting.status)),
        meeting.started_at ? el('span', { class: 'started', id: 'meeting-started' }, M.startedAt(clockTime(meeting.started_at))) : null),
      ...(meeting.status === 'planned' ? [startBar()] : []));
  }
  // 开始会议 is her word, not a side effect of the first sign-in (people arrive early).
  function startBar() {
    return el('div', { class: 'start-bar', id: 'start-bar' },
      el('span', {}, M.notStarted),
      el('button', { type: 'button', class: 'primary', id: 'start-meeting', onclick: async (ev) => {
        ev.currentTarget.disabled = true;
        try { meeting = await api.startMeeting(id); } catch (e) { flash(e.message); ev.currentTarget.disabled = false; return; }
        flash(M.started(clockTime(meeting.started_at)));
        drawHead();
      } }, M.start));
  }
  async function show(key) {
    // Leaving the bench flushes unsaved minutes first (the autosave keeps retrying if it fails).
    if (leave) await leave();
    leave = null;
    current = key;
    for (const b of tabs.children) b.setAttribute('aria-selected', String(b.dataset.tab === key));
    clear(body);
    try {
      leave = (await TABS[key](body, page)) || null;
    } catch (e) {
      clear(body).append(failedPanel(e, () => show(key)));
    }
  }
  drawHead();
  // Below the heading, drawn once: creating the next meeting does not change this one.
  view.insertBefore(await cadenceLine(meeting, (next) => ctx.open(next)), tabs);
  for (const key of Object.keys(TABS)) {
    tabs.append(el('button', { type: 'button', role: 'tab', class: 'tab', 'data-tab': key, onclick: () => show(key) }, M.tabs[key]));
  }
  await show(current);
}
