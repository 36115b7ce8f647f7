// Form helpers shared by the screens: labelled fields, and core errors shown next to the field
// they are about (the core says which: `err.field` is the field's label, e.g. “议题标题”).
import { el, clear } from './dom.js';
import { S } from './strings.js';

const S_UNDO = S.guard.undo;

let counter = 0;

// A label + control pair; `control` gets an id so the label points at it.
export function field(label, control, { hint, wide } = {}) {
  if (!control.id) control.id = `f${++counter}`;
  return el('div', { class: wide ? 'field wide' : 'field', 'data-label': label },
    el('label', { for: control.id }, label),
    control,
    hint ? el('small', { class: 'hint' }, hint) : null,
    el('div', { class: 'field-error', role: 'alert' }));
}

export function options(choices, selected, empty) {
  const list = empty === undefined ? [] : [el('option', { value: '' }, empty)];
  for (const c of choices) {
    list.push(el('option', { value: c.value, selected: c.value === selected }, c.label));
  }
  return list;
}

// Clears the previous errors of a form.
export function clearErrors(form) {
  for (const box of form.querySelectorAll('.field-error, .form-error')) clear(box);
  for (const f of form.querySelectorAll('.field.invalid')) f.classList.remove('invalid');
}

// Shows a core error under the field it is about (`err.field`, the label the core's validation
// names), else in the form's error box. Takes the error object from api.js, or a plain message
// for errors of the UI itself.
export function showError(form, err) {
  clearErrors(form);
  const message = typeof err === 'string' ? err : err.message;
  const field = typeof err === 'string' ? null : err.field;
  const target = field
    ? [...form.querySelectorAll('.field[data-label]')].find((f) => f.dataset.label === field)
    : null;
  if (target) {
    target.classList.add('invalid');
    target.querySelector('.field-error').append(message);
    const control = target.querySelector('input, select, textarea');
    if (control) control.focus();
  }
  const box = form.querySelector('.form-error');
  if (box && !target) box.append(message);
}

// The one confirmation of every action: a toast at the bottom of the window, large enough to
// read at a glance, also written into the top bar's status line (read by screen readers). With
// `undo`, the toast carries a 撤销 button for as long as it shows (8 s instead of 6 s).
export function flash(message, { undo } = {}) {
  const status = document.getElementById('status');
  if (status) status.textContent = message;
  let toast = document.getElementById('toast');
  if (!toast) {
    toast = el('div', { id: 'toast', class: 'toast', role: 'status', 'aria-live': 'polite' });
    document.body.append(toast);
  }
  clear(toast).append(el('span', { class: 'toast-text' }, message));
  if (undo) {
    toast.append(el('button', { type: 'button', class: 'toast-undo', id: 'toast-undo', onclick: async (ev) => {
      ev.currentTarget.disabled = true;
      hide();
      await undo();
    } }, S_UNDO));
  }
  toast.hidden = false;
  clearTimeout(flash.timer);
  function hide() {
    toast.hidden = true;
    if (status && status.textContent === message) status.textContent = '';
  }
  flash.timer = setTimeout(hide, undo ? 8000 : 6000);
}

export function draftKey() {
  return `draft-${crypto.randomUUID()}`;
}
