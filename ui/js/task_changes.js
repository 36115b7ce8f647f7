// Tasks that change after the meeting, on a task's page: 延期 (a later deadline and why) and
// 调整承办 (another unit or person and why). The core keeps the old value and writes a note, so
// the task's history shows each change; a done task refuses both, with the core's message.
import { S } from './strings.js';
import { api } from './api.js';
import { el } from './dom.js';
import { actorName } from './actor.js';
import { field, showError, clearErrors, flash } from './forms.js';
import { dateInput, readDate } from './date_input.js';

const C = S.tasks.changes;

export function changeForms(t, done) {
  if (t.status === 'done') return [];
  return [extendForm(t, done), reassignForm(t, done)];
}

function submitting(form, run, done) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      await run();
      flash(C.saved);
      await done();
    } catch (e) { showError(form, e); }
  });
  return form;
}

function extendForm(t, done) {
  const deadline = dateInput({ name: 'deadline', id: 'extend-deadline', field: C.newDeadline });
  const reason = el('input', { type: 'text', id: 'extend-reason', autocomplete: 'off' });
  const form = el('form', { class: 'card extend-form', id: 'extend-form', novalidate: true },
    el('h2', {}, C.extendCard), el('p', { class: 'hint' }, C.extendHint(t.deadline)),
    field(C.newDeadline, deadline), field(C.extendReason, reason),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'extend-task' }, C.extend)));
  return submitting(form, async () => api.extendTaskDeadline(t.id, await readDate(deadline), reason.value, actorName()), done);
}

function reassignForm(t, done) {
  const unit = el('input', { type: 'text', id: 'reassign-unit', value: t.responsible_unit, autocomplete: 'off' });
  const person = el('input', { type: 'text', id: 'reassign-person', value: t.person_in_charge, autocomplete: 'off' });
  const reason = el('input', { type: 'text', id: 'reassign-reason', autocomplete: 'off' });
  const form = el('form', { class: 'card reassign-form', id: 'reassign-form', novalidate: true },
    el('h2', {}, C.reassignCard), field(C.unit, unit), field(C.person, person), field(C.reassignReason, reason),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'reassign-task' }, C.reassign)));
  return submitting(form, () => api.reassignTask(t.id, unit.value, person.value, reason.value, actorName()), done);
}
