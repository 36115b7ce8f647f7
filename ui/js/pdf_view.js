// Shows the actual PDF, page by page, with the vendored pdf.js (ui/vendor/pdfjs, see VERSION there).
// Our PDFs embed subset TrueType fonts with ToUnicode, so no cMaps or standard fonts are loaded;
// eval is off (CSP script-src 'self'), the worker comes from the same origin.
import { el, clear } from './dom.js';

let lib = null;

async function pdfjs() {
  if (!lib) {
    lib = await import('../vendor/pdfjs/pdf.min.mjs');
    lib.GlobalWorkerOptions.workerSrc = new URL('../vendor/pdfjs/pdf.worker.min.mjs', import.meta.url).href;
  }
  return lib;
}

// Renders every page of `bytes` (ArrayBuffer) as a canvas into `box`; returns the page count.
export async function renderPdf(box, bytes, { pageLabel, width = 760 } = {}) {
  const { getDocument } = await pdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableAutoFetch: true,
  });
  const doc = await task.promise;
  clear(box);
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / base.width) * ratio });
      const canvas = el('canvas', { class: 'pdf-page', 'data-page': n, width: Math.floor(viewport.width), height: Math.floor(viewport.height) });
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      box.append(el('figure', { class: 'pdf-sheet' }, canvas, pageLabel ? el('figcaption', {}, pageLabel(n)) : null));
      await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    }
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}
