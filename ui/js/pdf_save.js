// 打印 from any screen: the shell renders the PDF and asks where to save it (U盘, 桌面…); the
// result line names the file and offers “打开” (the PDF viewer, from which she prints).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';

const P = S.tasks.print;

// Runs `request` (a print command) and reports into `box`; returns the saved file, or null.
export async function savePdf(box, request) {
  clear(box).append(P.working);
  try {
    const saved = await request();
    clear(box);
    if (!saved) return null;
    const open = () => api.openSavedPdf().catch((e) => box.append(el('div', { class: 'form-error' }, e.message)));
    box.append(el('span', { class: 'saved-pdf' }, P.saved(saved.file_name)), ' ',
      el('button', { type: 'button', class: 'open-pdf', id: 'open-pdf', onclick: open }, P.open));
    return saved;
  } catch (e) {
    clear(box).append(el('div', { class: 'form-error' }, e.message));
    return null;
  }
}

// The result line a print button reports into.
export function printResult(id) {
  return el('div', { class: 'print-result', id, role: 'status' });
}
