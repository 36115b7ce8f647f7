// 积分: a person's ledger with balance, credits by hand (志愿服务…), 积分超市 redemptions (the
// core refuses one beyond the balance and says so), the yearly ranking with the printed 积分榜
// (names masked as she chooses), and the rules of automatic credit.
// A convention found by search links to #points/<id>: it lives under 办理 → 公约, so go there.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash } from './forms.js';
import { savePdf, printResult } from './pdf_save.js';
import { qrSwitch } from './print.js';
import { guardedFill } from './guard.js';
import { tabBar } from './tabs.js';

const P = S.points;
// 积分 opens on the ranking (what people ask about); a person's ledger is one tab away.
const TABS = ['ranking', 'ledger', 'rules'];
const state = { tab: 'ranking', person: '', year: null, mask: true };

export async function renderPoints(view, { showError: showBanner, target }) {
  if (target) {
    location.replace(`#tasks/conventions/${target[0]}`);
    return;
  }
  // A failed read goes up to route(), which shows it with 重试 instead of a blank panel.
  const [vocab, people] = await Promise.all([api.followupVocab(), api.listPeople()]);
  const ctx = { vocab, people };
  state.year = state.year || Number(ctx.vocab.today.slice(0, 4));
  const { body, mark } = tabBar(view, TABS, P.tabs, (key) => show(key));
  const show = async (key) => {
    state.tab = key;
    mark(key);
    clear(body);
    await guardedFill(body, (b) => ({ ledger: renderLedger, ranking: renderRanking, rules: renderRules }[key](b, ctx)));
  };
  await show(state.tab);
}

async function renderLedger(body, ctx) {
  const person = el('select', { name: 'person', id: 'points-person' },
    options(ctx.people.map((p) => ({ value: p.id, label: p.name })), state.person, P.choose));
  const out = el('div', { id: 'ledger' });
  person.addEventListener('change', () => { state.person = person.value; showLedger(out, ctx); });
  body.append(el('div', { class: 'card filters' }, field(P.person, person)), out);
  await showLedger(out, ctx);
}

async function showLedger(out, ctx) {
  clear(out);
  if (!state.person) { out.append(el('p', { class: 'card empty' }, P.pickFirst)); return; }
  let ledger;
  try { ledger = await api.pointsLedger(state.person); } catch (e) { out.append(el('p', { class: 'form-error' }, e.message)); return; }
  const source = (v) => (ctx.vocab.points_sources.find((s) => s.value === v) || {}).label || v;
  const name = (ctx.people.find((p) => p.id === state.person) || {}).name || '';
  const again = () => showLedger(out, ctx);
  out.append(
    el('div', { class: 'card balance-card' }, el('span', { class: 'figure-label' }, `${name} · ${P.balance}`),
      el('span', { class: 'figure-value', id: 'points-balance' }, String(ledger.balance)), el('span', { class: 'muted' }, P.unit)),
    el('div', { class: 'points-forms' }, creditForm(ctx, name, again), redeemForm(name, again)),
    ledger.lines.length ? el('table', { class: 'grid ledger-grid', id: 'ledger-table' },
      el('thead', {}, el('tr', {}, P.columns.map((h) => el('th', {}, h)))),
      el('tbody', {}, [...ledger.lines].reverse().map((l) => el('tr', { class: l.points < 0 ? 'debit' : 'credit' },
        el('td', { class: 'nowrap' }, l.at.slice(0, 10)), el('td', { class: 'nowrap' }, source(l.source)), el('td', {}, l.reason),
        el('td', { class: 'num' }, l.points > 0 ? `+${l.points}` : String(l.points)), el('td', { class: 'num' }, String(l.balance_after))))))
      : el('p', { class: 'card empty' }, P.noEntries));
}

function numberInput(id) {
  return el('input', { type: 'number', min: 1, step: 1, name: id, id, class: 'count', inputmode: 'numeric' });
}

function creditForm(ctx, name, again) {
  const points = numberInput('credit-points');
  const manual = ctx.vocab.points_sources.filter((s) => s.value === 'volunteer' || s.value === 'manual');
  const source = el('select', { name: 'source', id: 'credit-source' }, options(manual, 'volunteer'));
  const reason = el('input', { type: 'text', name: 'reason', id: 'credit-reason' });
  const form = el('form', { class: 'card', id: 'credit-form' }, el('h3', {}, P.creditCard),
    el('div', { class: 'form-grid' }, field(P.points, points), field(P.source, source), field(P.reason, reason, { hint: P.reasonHint, wide: true })),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'credit' }, P.credit)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      const e = await api.creditPoints(state.person, filled(points), source.value, reason.value);
      flash(P.credited(name, e.points));
      await again();
    } catch (e) { showError(form, e); }
  });
  return form;
}

function redeemForm(name, again) {
  const points = numberInput('redeem-points');
  const what = el('input', { type: 'text', name: 'what', id: 'redeem-what' });
  const form = el('form', { class: 'card', id: 'redeem-form' }, el('h3', {}, P.redeemCard),
    el('div', { class: 'form-grid' }, field(P.redeemPoints, points), field(P.what, what, { hint: P.whatHint, wide: true })),
    el('div', { class: 'form-error', role: 'alert', id: 'redeem-error' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'redeem' }, P.redeem)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      const e = await api.redeemPoints(state.person, filled(points), what.value);
      flash(P.redeemed(name, -e.points, e.reason));
      await again();
    } catch (e) { showError(form, e); }
  });
  return form;
}

async function renderRanking(body, ctx) {
  const thisYear = Number(ctx.vocab.today.slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: `${y}年` }));
  const year = el('select', { name: 'year', id: 'ranking-year' }, options(years, String(state.year)));
  const mask = el('input', { type: 'checkbox', id: 'mask-names', checked: state.mask });
  const result = printResult('points-print-result');
  const qr = qrSwitch('points-qr');
  const out = el('div', { id: 'ranking' });
  year.addEventListener('change', () => { state.year = Number(year.value); showRanking(out); });
  mask.addEventListener('change', () => { state.mask = mask.checked; });
  body.append(el('div', { class: 'card filters' }, field(P.year, year), el('label', { class: 'check wide' }, mask, P.mask),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'primary', id: 'print-points',
      onclick: () => savePdf(result, (omit, format) => api.printPointsTable(state.year, state.mask, omit, format, qr.value()),
        { image: (omit) => api.meetingDocImage('points', String(state.year), omit, { mask_names: state.mask, qr: qr.value() }) }) }, P.print), qr.el)),
  result, el('p', { class: 'hint' }, P.rankingHint), out);
  await showRanking(out);
}

async function showRanking(out) {
  clear(out);
  let lines;
  try { lines = await api.pointsRanking(state.year); } catch (e) { out.append(el('p', { class: 'form-error' }, e.message)); return; }
  if (!lines.length) { out.append(el('p', { class: 'card empty' }, P.noRanking)); return; }
  // Equal points share a place, as on the printed table.
  let place = 0;
  const rows = lines.map((l, i) => {
    if (i === 0 || lines[i - 1].points !== l.points) place = i + 1;
    return el('tr', { 'data-id': l.person_id }, el('td', { class: 'num' }, String(place)), el('td', {}, l.name), el('td', { class: 'num' }, String(l.points)));
  });
  out.append(el('table', { class: 'grid ranking-grid', id: 'ranking-table' },
    el('thead', {}, el('tr', {}, [P.rank, P.name, P.earned].map((h) => el('th', {}, h)))), el('tbody', {}, rows)));
}

async function renderRules(body, hub) {
  let rules;
  try { rules = await api.pointsRules(); } catch (e) { body.append(el('p', { class: 'form-error' }, e.message)); return; }
  const input = (id, value) => el('input', { type: 'number', min: 0, max: 100, step: 1, id, name: id, value, class: 'count' });
  const attendance = input('rule-attendance', rules.attendance);
  const speaking = input('rule-speaking', rules.speaking);
  const form = el('form', { class: 'card', id: 'rules-form' }, el('h3', {}, P.rulesCard), el('p', { class: 'hint' }, P.rulesHint),
    el('div', { class: 'form-grid' }, field(P.attendance, attendance), field(P.speaking, speaking)),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'save-rules' }, P.saveRules)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      await api.savePointsRules({ attendance: Number(attendance.value), speaking: Number(speaking.value) });
      flash(P.rulesSaved);
      hub?.changed();
    } catch (e) { showError(form, e); }
  });
  body.append(form);
}

/// The same rules editor, as a card of the 设置 page (issue: rules are editable in 设置).
export async function pointsRulesCard(hub) {
  const holder = el('div', { id: 'settings-points-rules' });
  await renderRules(holder, hub);
  return holder;
}

// The number typed in a points box; a blank box is an error of its own (Number('') would be 0
// and the core would answer “填写的是 0”).
function filled(input) {
  if (input.value.trim() === '') throw { message: P.pointsBlank };
  return Number(input.value);
}
