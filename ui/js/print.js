// Printing a notice from its record (议题公示, 会议通知, 决议公示…): the shell renders the PDF, records
// public notices in the 公示台账, and asks where to save it; “打开” shows it in the PDF viewer.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';

const P = S.meetings.print;

/// Prints `kind` for record `id` and reports into `result` (the saved file and an 打开 button).
export async function printRecord(kind, id, title, result) {
  clear(result).append(P.working);
  try {
    const saved = await api.printMeetingDoc(kind, id, title);
    clear(result);
    if (!saved) return;
    result.append(el('span', { class: 'saved-pdf' }, P.saved(saved.file_name)), ' ',
      el('button', { type: 'button', id: 'open-pdf', onclick: () => api.openMeetingDoc().catch((e) => result.append(el('div', { class: 'form-error' }, e.message))) }, P.open));
  } catch (e) {
    clear(result).append(el('div', { class: 'form-error' }, e.message));
  }
}
