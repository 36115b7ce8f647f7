// 打印资金使用公示 with the supervision group that checked the accounts (监督审核 on the notice).
// The group is typed once and offered again: it is the same 居务监督委员会 for every project, so
// it is kept on this computer like the secretary's name (actor.js), not asked for each print.
import { S } from './strings.js';
import { el } from './dom.js';
import { field } from './forms.js';
import { printRecord, qrSwitch } from './print.js';
import { printResult } from './pdf_save.js';

const F = S.funds;
const KEY = 'yishi.supervisors';

function remembered() {
  try { return localStorage.getItem(KEY) || ''; } catch { return ''; }
}

/// The print bar for `target()` → { id, title }: a task or decision's project, or a period such
/// as 2026 or 2026-05 (read at the click, so a year chosen beside it needs no redraw).
export function fundUsePrintBar(target, { buttonId = 'print-fund-use', label = F.printFundUse } = {}) {
  const result = printResult(`${buttonId}-result`);
  const group = el('input', { type: 'text', id: `${buttonId}-supervisors`, value: remembered(), autocomplete: 'off',
    placeholder: F.supervisorsExample });
  const qr = qrSwitch(`${buttonId}-qr`);
  const print = () => {
    const supervisors = group.value.trim();
    try { localStorage.setItem(KEY, supervisors); } catch { /* a full localStorage only loses the suggestion */ }
    const { id, title } = target();
    return printRecord('fund_use', id, title, result, { supervisors, qr: qr.value() });
  };
  return el('div', { class: 'fund-print' },
    field(F.supervisors, group, { hint: F.supervisorsHint }),
    el('div', { class: 'actions print-bar' }, el('button', { type: 'button', id: buttonId, onclick: print }, label), qr.el, result));
}
