// Form helpers shared by the screens: labelled fields, and core errors shown next to the field
// they name (the core's messages name the field: “请填写议题标题。”).
import { el, clear } from './dom.js';

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

// Shows `message` under the field whose label it names, else in the form's error box.
export function showError(form, message) {
  clearErrors(form);
  const fields = [...form.querySelectorAll('.field[data-label]')]
    .sort((a, b) => b.dataset.label.length - a.dataset.label.length);
  const target = fields.find((f) => message.includes(f.dataset.label));
  if (target) {
    target.classList.add('invalid');
    target.querySelector('.field-error').append(message);
    const control = target.querySelector('input, select, textarea');
    if (control) control.focus();
  }
  const box = form.querySelector('.form-error');
  if (box && !target) box.append(message);
}

// A short-lived confirmation in the top bar's status line.
export function flash(message) {
  const status = document.getElementById('status');
  if (!status) return;
  status.textContent = message;
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => { status.textContent = ''; }, 6000);
}

export function draftKey() {
  return `draft-${crypto.randomUUID()}`;
}
