// Between the meetings, on a topic's page: its history (status changes, notes, 回访 in time
// order), the note form (走访 / 电话 / 微信 / 来访, photos) and, for a 即办完成 topic, the 回访 form.
// An unsatisfied 回访 reopens the topic as a 代办件; the core says so and the page redraws.
// An 已上报 topic also gets the 上报 forms (topic_escalations.js).
import { S } from './strings.js';
import { api } from './api.js';
import { el } from './dom.js';
import { dayTime } from './format.js';
import { renderPhotos, draftPhotoRow } from './photos.js';
import { actorName } from './actor.js';
import { field, options, showError, clearErrors, flash, draftKey } from './forms.js';
import { dateInput, readDate } from './date_input.js';
import { escalationLine, escalationForms } from './topic_escalations.js';

const N = S.topics.notes;

// The closed lists (with today, the default of the date fields), read once.
let vocab = null;
async function caseworkVocab() {
  if (!vocab) {
    const [lists, clock] = await Promise.all([api.caseworkVocab(), api.clockInfo()]);
    vocab = { ...lists, today: clock.today };
  }
  return vocab;
}
const contactMethods = async () => (await caseworkVocab()).methods;
const methodLabel = (value) => (vocab?.methods || []).find((m) => m.value === value)?.label || value;

// The forms under the history that the topic's status calls for.
export async function followThroughForms(t, lines, redraw) {
  const v = await caseworkVocab();
  if (t.status === 'done_on_spot') return [await callbackForm(t, redraw)];
  if (t.status === 'escalated') return escalationForms(t, lines, v, redraw);
  return [];
}

// One <li> per line of the history.
export async function historyList(lines, look) {
  await caseworkVocab();
  const list = el('ol', { class: 'timeline', id: 'timeline' });
  for (const l of lines) list.append(await line(l, look));
  return list;
}

async function line(l, look) {
  const when = el('span', { class: 'when' }, dayTime(l.at));
  const who = el('span', { class: 'who' }, l.actor);
  if (l.kind === 'note') {
    const thumbs = el('div', { class: 'thumbs' });
    const li = el('li', { class: 'topic-note', 'data-id': l.id }, when, ' ', who, ' ',
      el('span', { class: 'what' }, (l.answer ? N.answerLine : N.noteLine)(methodLabel(l.method), l.with_whom)), ' ',
      el('span', { class: 'note' }, l.text), l.photos.length ? thumbs : null);
    if (l.photos.length) await renderPhotos(thumbs, 'topic_note', l.id);
    return li;
  }
  if (l.kind === 'callback') {
    return el('li', { class: 'topic-callback', 'data-id': l.id }, when, ' ', who, ' ',
      el('span', { class: 'what' }, N.callbackLine(methodLabel(l.method), l.satisfied)),
      l.note ? el('span', { class: 'note' }, `：${l.note}`) : null);
  }
  if (l.kind === 'escalation') {
    return el('li', { class: 'topic-escalation', 'data-id': l.id }, when, ' ', who, ' ',
      el('span', { class: 'what' }, escalationLine(l, vocab)));
  }
  const moved = l.from_status !== l.to_status;
  return el('li', {}, when, ' ', who, ' ',
    el('span', { class: 'what' }, look.action(l.to_status) && moved ? look.action(l.to_status) : ''),
    l.note ? el('span', { class: 'note' }, moved ? `：${l.note}` : l.note) : null);
}

// 记一笔: a note on the topic, at any status.
const ANSWER_DUE = ['rejected', 'escalated', 'done_on_spot', 'closed'];

export async function noteForm(t, redraw, answered = false) {
  const key = draftKey();
  const at = dateInput({ name: 'at', id: 'topic-note-at', withTime: true, field: N.at });
  const method = el('select', { id: 'topic-note-method' }, options(await contactMethods(), 'visit'));
  const withWhom = el('input', { type: 'text', id: 'topic-note-with', autocomplete: 'off' });
  const text = el('textarea', { id: 'topic-note-text', rows: 3 });
  // 件件有回音: prompted (ticked) when the topic is rejected, escalated, done on the spot or closed.
  const due = ANSWER_DUE.includes(t.status) && !answered;
  const answer = el('input', { type: 'checkbox', id: 'topic-note-answer', checked: due });
  const form = el('form', { class: 'card note-form', id: 'topic-note-form', novalidate: true });
  form.append(el('h2', {}, N.card), due ? el('p', { class: 'hint answer-due', id: 'answer-due' }, N.answerDue) : '',
    el('div', { class: 'form-grid' }, field(N.at, at, { hint: N.atHint }), field(N.method, method),
      field(N.withWhom, withWhom), field(N.text, text, { wide: true })),
    draftPhotoRow(form, key, { label: N.photos, button: N.addPhoto, buttonId: 'add-topic-note-photo', boxId: 'topic-note-photos' }),
    el('label', { class: 'inline-check' }, answer, N.isAnswer),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'save-topic-note' }, N.save)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      const note = { at: await readDate(at), method: method.value, with_whom: withWhom.value, text: text.value,
        answer: answer.checked, draft_key: key };
      await api.addTopicNote(t.id, note, actorName());
      flash(N.saved);
      await redraw();
    } catch (e) { showError(form, e); }
  });
  return form;
}

// 回访 of a 即办完成 topic.
export async function callbackForm(t, redraw) {
  const at = dateInput({ name: 'at', id: 'callback-at', withTime: true, field: N.callbackAt });
  const method = el('select', { id: 'callback-method' }, options(await contactMethods(), 'phone'));
  const satisfied = el('select', { id: 'callback-satisfied' },
    el('option', { value: 'yes' }, N.satisfied), el('option', { value: 'no' }, N.unsatisfied));
  const note = el('textarea', { id: 'callback-note', rows: 2 });
  const form = el('form', { class: 'card callback-form', id: 'callback-form', novalidate: true });
  form.append(el('h2', {}, N.callbackCard), el('p', { class: 'hint' }, N.callbackHint),
    el('div', { class: 'form-grid' }, field(N.callbackAt, at, { hint: N.atHint }), field(N.method, method),
      field(N.result, satisfied), field(N.callbackNote, note, { wide: true })),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'save-callback' }, N.saveCallback)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      const cb = { at: await readDate(at), method: method.value, satisfied: satisfied.value === 'yes', note: note.value };
      const r = await api.recordCallback(t.id, cb, actorName());
      flash(r.topic_move ? N.reopened(t.title) : N.callbackSaved);
      await redraw();
    } catch (e) { showError(form, e); }
  });
  return form;
}
