// 停用 / 恢复 for places, households and people: a link beside the record that opens one line
// asking for the reason (the core requires it only where a record still points at the row).
// Retired rows stay in 设置's lists, greyed, and leave every picker (`active`).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { flash } from './forms.js';

const T = S.retire;

// What pickers offer: rows still in use, plus the one already chosen on the record being edited.
export function active(list, keepId) {
  return list.filter((x) => !x.retired || x.id === keepId);
}

// The badge a retired row carries in a list (the reason as its title).
export function retiredBadge(row) {
  return row.retired ? el('span', { class: 'badge retired-badge', title: row.retired_reason || '' },
    row.retired_reason ? T.retiredBecause(row.retired_reason) : T.retired) : null;
}

// The 停用 / 恢复 link; `host` is where the reason line opens, `changed()` re-reads the page.
export function retireLink(register, row, name, host, changed) {
  if (row.retired) {
    return el('button', { type: 'button', class: 'link restore', onclick: async () => {
      try { await api.restoreRecord(register, row.id); } catch (e) { flash(e.message); return; }
      flash(T.restored(name));
      await changed();
    } }, T.restore);
  }
  return el('button', { type: 'button', class: 'link retire', onclick: () => ask(register, row, name, host, changed) }, T.retire);
}

function ask(register, row, name, host, changed) {
  const reason = el('input', { type: 'text', class: 'retire-reason', 'aria-label': T.reason, placeholder: T.reasonHint, autocomplete: 'off' });
  const error = el('span', { class: 'form-error', role: 'alert' });
  const go = async () => {
    clear(error);
    try { await api.retireRecord(register, row.id, reason.value); } catch (e) { error.append(e.message); reason.focus(); return; }
    flash(T.done(name));
    await changed();
  };
  reason.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); go(); } });
  clear(host).append(el('span', { class: 'retire-ask' }, T.ask(name), reason,
    el('button', { type: 'button', class: 'primary retire-confirm', onclick: go }, T.confirm),
    el('button', { type: 'button', onclick: () => clear(host) }, T.cancel), error));
  reason.focus();
}
