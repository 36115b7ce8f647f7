// 打印 from any screen: the shell renders the PDF and asks where to save it (U盘, 桌面…); the
// result line names the file and offers “打开” (the PDF viewer, from which she prints).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';

const P = S.tasks.print;

// Runs `request(omit)` (a print command) and reports into `box`; returns the saved file, or null.
// When characters no font has stop the print, the core's message names them and where they are,
// and one click prints again without them (`omit` true).
export async function savePdf(box, request, omit = false) {
  clear(box).append(P.working);
  try {
    const saved = await request(omit);
    clear(box);
    if (!saved) return null;
    const open = () => api.openSavedPdf().catch((e) => box.append(el('div', { class: 'form-error' }, e.message)));
    box.append(el('span', { class: 'saved-pdf' }, P.saved(saved.file_name)), ' ',
      el('button', { type: 'button', class: 'open-pdf', id: 'open-pdf', onclick: open }, P.open));
    return saved;
  } catch (e) {
    clear(box).append(el('div', { class: 'form-error' }, e.message));
    if (e.code === 'pdf_missing_glyphs' && !omit) {
      box.append(el('button', { type: 'button', class: 'omit-missing', id: 'omit-missing',
        onclick: () => savePdf(box, request, true) }, P.omitMissing));
    }
    return null;
  }
}

// The result line a print button reports into.
export function printResult(id) {
  return el('div', { class: 'print-result', id, role: 'status' });
}
