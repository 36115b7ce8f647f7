// Printing a notice from its record (议题公示, 会议通知, 决议公示…): the shell renders the PDF, records
// public notices in the 公示台账, and asks where to save it; the result line offers “打开”.
import { api } from './api.js';
import { savePdf } from './pdf_save.js';

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

const INTERNAL = new Set(['minutes', 'sign_in', 'supervision', 'month_review', 'ballots', 'tally']);
