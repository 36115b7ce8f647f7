// Printing a notice from its record (议题公示, 会议通知, 决议公示…): the shell renders the PDF, records
// public notices in the 公示台账, and asks where to save it; the result line offers “打开”.
import { api } from './api.js';
import { savePdf } from './pdf_save.js';
import { S } from './strings.js';
import { el } from './dom.js';

/// Prints `kind` for record `id` and reports into `result` (the saved file and an 打开 button).
/// `maskNames` (true/false) overrides the notice's default for names (王*兰); omitted = default.
/// `supervisors` names the group that checked the accounts (资金使用公示 only). `qr` false leaves
/// out 设置's 反馈二维码 (omitted = printed when one is set).
// A picture (复制图片) is offered for public notices; the minutes and the sign-in sheet stay on paper
// and in Word.
export function printRecord(kind, id, title, result, { maskNames, supervisors, qr } = {}) {
  const choices = (format) => ({ mask_names: maskNames ?? null, supervisors: supervisors ?? null, qr: qr ?? null, format });
  const image = INTERNAL.has(kind) ? null : (omit) => api.meetingDocImage(kind, id, omit, choices('png'));
  return savePdf(result, (omit, format) => api.printMeetingDoc(kind, id, title, omit, choices(format)), { image });
}

/// 打印二维码: a checkbox beside a print button, shown only when 设置 holds a 反馈二维码 (read once
/// per screen). `value()` is what the print commands take as `qr`: null (none set), true or false.
/// The composer passes what its draft says (`checked`) and keeps the choice (`onchange`).
export function qrSwitch(id, { checked = true, onchange = null } = {}) {
  const box = el('input', { type: 'checkbox', id, checked, onchange: onchange && ((e) => onchange(e.target.checked)) });
  const label = el('label', { class: 'check inline-check qr-switch', title: S.meetings.print.qrHint, hidden: true }, box, S.meetings.print.qr);
  api.communitySettings().then((s) => { label.hidden = !(s.qr_text || s.qr_picture); }).catch(() => { /* no switch: printed as set */ });
  return { el: label, value: () => (label.hidden ? null : box.checked) };
}

const INTERNAL = new Set(['minutes', 'sign_in', 'supervision', 'month_review', 'ballots', 'tally']);
