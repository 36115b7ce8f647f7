// 打印 from any screen: the shell renders the PDF and asks where to save it (U盘, 桌面…); the
// result line names the file and offers “打开” (the PDF viewer, from which she prints), and the
// same notice as a Word file for the street office, a picture for the WeChat group, or that
// picture on the clipboard (docs/EXPORTS.md).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';

const P = S.tasks.print;

// Runs `request(omit, format)` (a print command; format 'pdf', 'docx' or 'png') and reports into
// `box`; returns the saved file, or null. When characters no font has stop the print, the core's
// message names them and where they are, and one click prints again without them (`omit` true).
// `image(omit)`, where given, returns the notice as PNG bytes for 复制图片.
export async function savePdf(box, request, { omit = false, format = 'pdf', image = null } = {}) {
  clear(box).append(P.working);
  try {
    const saved = await request(omit, format);
    clear(box);
    if (!saved) return null;
    const open = () => api.openSavedPdf().catch((e) => box.append(el('div', { class: 'form-error' }, e.message)));
    box.append(el('span', { class: 'saved-pdf' }, P.saved(saved.file_name)), ' ',
      el('button', { type: 'button', class: 'open-pdf', id: 'open-pdf', onclick: open }, P.open),
      otherFormats(box, request, { omit, image }));
    return saved;
  } catch (e) {
    clear(box).append(el('div', { class: 'form-error' }, e.message));
    if (e.code === 'pdf_missing_glyphs' && !omit) {
      box.append(el('button', { type: 'button', class: 'omit-missing', id: 'omit-missing',
        onclick: () => savePdf(box, request, { omit: true, format, image }) }, P.omitMissing));
    }
    return null;
  }
}

// The same notice in the other formats, offered once the PDF is saved.
function otherFormats(box, request, { omit, image }) {
  const again = (format) => () => savePdf(box, request, { omit, format, image });
  return el('span', { class: 'other-formats' }, ' ', P.also,
    el('button', { type: 'button', class: 'save-docx', id: 'save-docx', onclick: again('docx') }, P.asWord),
    el('button', { type: 'button', class: 'save-png', id: 'save-png', onclick: again('png') }, P.asImage),
    image ? el('button', { type: 'button', class: 'copy-image', id: 'copy-image',
      onclick: () => copyImage(box, () => image(omit)) }, P.copyImage) : null);
}

// Puts the PNG `bytes()` returns on the clipboard (WebView2 and WebKitGTK take image/png through
// the async clipboard API); where the platform refuses, says what to do instead.
export async function copyImage(box, bytes) {
  const note = (cls, text) => { box.querySelector('.copy-note')?.remove(); box.append(el('div', { class: `copy-note ${cls}` }, text)); };
  try {
    const png = await bytes();
    if (!window.ClipboardItem || !navigator.clipboard?.write) throw new Error(P.noClipboard);
    const blob = new Blob([png], { type: 'image/png' });
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    note('form-ok', P.copied);
  } catch (e) {
    note('form-error', typeof e.code === 'string' ? e.message : P.noClipboard);
  }
}

// The result line a print button reports into.
export function printResult(id) {
  return el('div', { class: 'print-result', id, role: 'status' });
}
