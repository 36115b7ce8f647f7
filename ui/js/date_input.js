// Date fields in Chinese order whatever the system locale. The webview's own date pickers follow
// the locale (under LANG=C they read MM/DD/YYYY and stored “2026-12-20” as 0020-12-12), so a
// date is a plain text box: she types 2026-12-20, 2026年12月20日, 12月20日 or 19:30, and as she
// leaves the field the core reads it back in words (“2026年12月20日（星期日）”) or says what is
// wrong, naming the field.
import { el } from './dom.js';
import { api } from './api.js';
import { S } from './strings.js';

// A text box for a date (`withTime`: a date and a time of day). `field` is its label, used in
// the core's messages.
export function dateInput({ name, id, value = '', withTime = false, field = '' }) {
  const input = el('input', {
    type: 'text', name, id, value, autocomplete: 'off', spellcheck: 'false',
    class: withTime ? 'date-input with-time' : 'date-input',
    placeholder: withTime ? S.dates.dateTimeHint : S.dates.dateHint,
  });
  input.dataset.withTime = withTime ? '1' : '';
  input.dataset.field = field;
  input.addEventListener('change', () => readDate(input).catch(() => {}));
  return input;
}

// The line under the box that echoes what the core read.
function echo(input) {
  if (!input.echo) {
    input.echo = el('small', { class: 'date-echo', 'aria-live': 'polite' });
    input.after(input.echo);
  }
  return input.echo;
}

// The field's value as the core stores it ('' when empty): `2026-12-20` or `2026-12-20 19:30`.
// Rejects with the core's Chinese message when it cannot be read or is out of range.
export async function readDate(input) {
  const text = input.value.trim();
  const line = echo(input);
  if (!text) {
    line.textContent = '';
    input.dispatchEvent(new CustomEvent('dateread', { detail: '' }));
    return '';
  }
  try {
    const r = await api.readDate(input.dataset.field || '', text, input.dataset.withTime === '1');
    input.value = r.value;
    line.textContent = r.label;
    line.classList.remove('error');
    input.removeAttribute('aria-invalid');
    input.dispatchEvent(new CustomEvent('dateread', { detail: r.value }));
    return r.value;
  } catch (e) {
    line.textContent = e.message;
    line.classList.add('error');
    input.setAttribute('aria-invalid', 'true');
    throw e;
  }
}
