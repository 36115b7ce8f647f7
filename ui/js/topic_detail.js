// One topic: everything about it, its photos, and the timeline in plain Chinese
// (“11月21日 20:15 王秀兰 受理”). Editing goes through the intake form and keeps the history.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { fullDate } from './format.js';
import { renderPhotos } from './photos.js';
import { printRecord, qrSwitch } from './print.js';
import { failedPanel } from './guard.js';
import { actorName } from './actor.js';
import { field, showError, clearErrors, flash } from './forms.js';
import { historyList, noteForm, followThroughForms } from './topic_notes.js';
import { planCard } from './topic_plan.js';

const D = S.topics.detail;

export async function renderDetail(body, look, id, nav) {
  clear(body);
  let t;
  let lines;
  let into = null;
  try {
    [t, lines] = await Promise.all([api.getTopic(id), api.topicHistory(id)]);
    if (t.merged_into_id) into = await api.getTopic(t.merged_into_id);
  } catch (e) {
    body.append(failedPanel(e, () => renderDetail(body, look, id, nav)));
    return;
  }
  const events = lines.filter((l) => l.kind === 'event');
  const redraw = () => renderDetail(body, look, id, nav);
  const F = D.fields;
  const facts = [
    [F.status, el('span', { class: `status status-${t.status}` }, look.status(t.status))],
    [F.note, t.status_note],
    [F.mergedInto, into ? el('a', { href: '#topics', onclick: (ev) => { ev.preventDefault(); nav.detail(into.id); } }, into.title) : ''],
    [F.channel, look.channel(t.channel)],
    [F.raisedBy, t.raised_by_name],
    [F.phone, t.raised_by_phone],
    [F.when, fullDate(t.raised_at)],
    [F.where, look.placePath(t.place_id)],
    [F.category, look.categoryName(t.category_id)],
    [F.handling, look.handling(t.handling_class)],
    [F.scale, look.scale(t.scale)],
  ].filter(([, v]) => v);
  const photos = el('div', { class: 'thumbs large', id: 'detail-photos' });
  const printed = el('span', { class: 'print-result', id: 'print-result', role: 'status' });
  // 议题公示 prints the raiser as 王*兰 unless she ticks this (the resident agreed to be named).
  const fullName = el('input', { type: 'checkbox', id: 'notice-full-name' });
  const qr = qrSwitch('topic-qr');
  const revertRow = el('div', { class: 'revert-row', id: 'revert-row' });
  body.append(
    el('div', { class: 'detail-bar' },
      el('button', { type: 'button', onclick: () => nav.tab('list') }, D.back),
      el('button', { type: 'button', id: 'edit-topic', onclick: () => nav.edit(t) }, D.edit),
      el('button', { type: 'button', id: 'print-topic-notice',
        onclick: () => printRecord('topic', t.id, t.title, printed, { maskNames: !fullName.checked, qr: qr.value() }) }, D.printNotice),
      el('label', { class: 'inline-check', title: D.fullNameHint }, fullName, D.fullName), qr.el,
      revertable(t, events) ? el('button', { type: 'button', id: 'revert-topic', onclick: () => askRevert(revertRow, t, () => renderDetail(body, look, id, nav)) }, D.revert) : null,
      printed),
    revertRow,
    el('article', { class: 'card topic-detail', id: 'topic-detail', 'data-id': t.id },
      el('h2', { class: 'detail-title' }, t.title),
      t.description ? el('p', { class: 'detail-desc' }, t.description) : null,
      el('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]))),
    el('section', { class: 'card' }, el('h2', {}, D.photos), photos),
    await planCard(t, redraw),
    el('section', { class: 'card' }, el('h2', {}, D.timeline), await historyList(lines, look)),
    ...(await followThroughForms(t, lines, redraw)),
    await noteForm(t, redraw, lines.some((l) => l.kind === 'note' && l.answer)));
  const n = await renderPhotos(photos, 'topic', t.id);
  if (!n) photos.append(el('p', { class: 'muted' }, D.noPhotos));
}

const REVIEWED = ['accepted', 'rejected', 'merged', 'escalated', 'done_on_spot'];

// A review decision can be taken back while it is the last thing that happened (the core checks
// the same and says why not).
function revertable(t, events) {
  const last = events[events.length - 1];
  return REVIEWED.includes(t.status) && last && last.from_status === 'collected' && last.to_status === t.status;
}

function askRevert(row, t, redraw) {
  const reason = el('input', { type: 'text', id: 'revert-reason', autocomplete: 'off' });
  const form = el('form', { class: 'card revert-form', novalidate: true },
    el('p', { class: 'hint' }, D.revertHint),
    el('div', { class: 'row' }, field(D.revertReason, reason), el('button', { type: 'submit', class: 'primary', id: 'revert-confirm' }, D.revert)),
    el('div', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    if (!reason.value.trim()) { showError(form, D.needReason); return; }
    try { await api.revertTopic(t.id, actorName(), reason.value); } catch (e) { showError(form, e); return; }
    flash(D.reverted(t.title));
    await redraw().catch(() => {});
  });
  clear(row).append(form);
  reason.focus();
}
