// One task: its facts (overdue in red), a status change (受阻 needs a reason), a progress note
// with date, text and optional before/after photos, its money (资金: budget, spends, goods and
// labour), and its history of notes with their photos.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash, draftKey } from './forms.js';
import { renderPhotos, draftPhotoRow } from './photos.js';
import { actorName } from './actor.js';
import { dateInput, readDate } from './date_input.js';
import { changeForms } from './task_changes.js';
import { fundsCard } from './task_funds.js';

const P = S.tasks.page;

export async function renderTaskPage(body, ctx, id) {
  clear(body);
  let page;
  let line;
  try {
    [page, line] = await Promise.all([api.taskPage(id), api.taskBoard({ include_done: true }).then((all) => all.find((t) => t.id === id))]);
  } catch (e) {
    body.append(el('p', { class: 'form-error' }, e.message));
    return;
  }
  const t = page.task;
  const reload = () => renderTaskPage(body, ctx, id);
  body.append(
    el('div', { class: 'detail-bar' }, el('a', { href: '#tasks', class: 'button-link', id: 'back-to-board' }, P.back)),
    facts(ctx, t, line),
    el('div', { class: 'task-forms' }, noteForm(ctx, t, reload), statusForm(ctx, t, reload),
      ...changeForms(t, async () => { ctx.refreshBadge(); await reload(); })),
    await fundsCard(ctx, t),
    await history(page.notes));
}

function facts(ctx, t, line) {
  const deadline = t.deadline
    ? [t.deadline, t.overdue && line ? el('span', { class: 'badge overdue-badge' }, S.tasks.board.overdue(line.days_overdue)) : null]
    : S.tasks.board.noDeadline;
  const rows = [
    [P.topic, t.topic_id && line?.topic_title ? el('a', { href: `#topics/${t.topic_id}` }, line.topic_title) : null],
    [P.meeting, line?.meeting_title ? el('a', { href: `#meetings/${line.meeting_id}` }, line.meeting_title) : null],
    [P.unit, t.responsible_unit], [P.person, t.person_in_charge], [P.mode, ctx.taskMode(t.mode)],
    [P.deadline, deadline],
    [S.tasks.changes.firstDeadline, line?.first_deadline || null],
    [P.status, el('span', { class: `status task-${t.status}`, id: 'task-status' }, ctx.taskStatus(t.status))],
  ].filter(([, v]) => v);
  return el('article', { class: `card task-detail${t.overdue ? ' overdue-card' : ''}`, id: 'task-detail', 'data-id': t.id },
    el('h2', { class: 'detail-title' }, t.title),
    el('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
}

// What a write did, in the status line: saved, and where the topic moved.
function report(ctx, r) {
  const moves = (r.topic_moves || []).map((m) => P.moved(m.title, ctx.topicStatus(m.to)));
  flash([P.saved, ...moves].join(' '));
  ctx.refreshBadge();
}

function statusForm(ctx, t, reload) {
  const choices = ctx.vocab.task_statuses.filter((s) => s.value !== t.status);
  // The usual next step first: 已完成 for work under way, else 进行中.
  const next = choices.find((c) => c.value === 'done' && t.status === 'in_progress') || choices.find((c) => c.value === 'in_progress') || choices[0];
  const to = el('select', { name: 'status', id: 'new-status' }, options(choices, next?.value));
  const reason = el('textarea', { name: 'reason', id: 'status-reason', rows: 2 });
  const form = el('form', { class: 'card status-form', id: 'status-form' },
    el('h2', {}, P.statusCard),
    field(P.newStatus, to), field(P.reason, reason, { hint: P.reasonHint }),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'set-status' }, P.setStatus)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      report(ctx, await api.setTaskStatus(t.id, to.value, reason.value, actorName()));
      await reload();
    } catch (e) {
      showError(form, e);
    }
  });
  return form;
}

function noteForm(ctx, t, reload) {
  const key = draftKey();
  const date = dateInput({ name: 'date', id: 'note-date', value: ctx.vocab.today, field: P.date });
  const text = el('textarea', { name: 'text', id: 'note-text', rows: 3 });
  const form = el('form', { class: 'card note-form', id: 'note-form' });
  form.append(el('h2', {}, P.noteCard),
    // One status control on this page (the card beside): a note only notes.
    el('div', { class: 'form-grid' }, field(P.date, date), field(P.text, text, { hint: P.textHint, wide: true })),
    draftPhotoRow(form, key, { label: P.photos, button: P.addPhoto, buttonId: 'add-note-photo', boxId: 'note-photos', added: P.photoAdded }),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'save-note' }, P.saveNote)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      const note = { date: await readDate(date), text: text.value, status: null, draft_key: key };
      report(ctx, await api.addTaskNote(t.id, note, actorName()));
      await reload();
    } catch (e) {
      showError(form, e);
    }
  });
  return form;
}

async function history(notes) {
  const list = el('ol', { class: 'timeline note-list', id: 'task-notes' });
  for (const n of notes) {
    const thumbs = el('div', { class: 'thumbs' });
    list.append(el('li', { class: 'task-note', 'data-id': n.id },
      el('span', { class: 'when' }, n.date), ' ', el('span', { class: 'note-text' }, n.text),
      n.photos.length ? thumbs : null));
    if (n.photos.length) await renderPhotos(thumbs, 'task_note', n.id);
  }
  return el('section', { class: 'card' }, el('h2', {}, P.history),
    notes.length ? list : el('p', { class: 'muted' }, P.noNotes));
}
