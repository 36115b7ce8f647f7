// 预览: the actual PDF of what the composer holds, drawn page by page by pdf.js. Characters the
// fonts cannot print are named (with where they are) before anything is issued or printed, and
// one click previews and issues the notice without them; how many phone and ID numbers the
// notice hides is said above the buttons.
import { S } from './strings.js';
import { api } from './api.js';
import { el } from './dom.js';
import { flash } from './forms.js';
import { renderPdf } from './pdf_view.js';

const T = S.notices.preview;

export async function renderPreview(body, nav) {
  const c = nav.composer();
  const k = c.content;
  if (!k.title.trim() && !k.paragraphs.length) {
    body.append(el('p', { class: 'empty' }, T.empty));
    return;
  }
  const content = JSON.stringify(k);
  const problem = el('div', { class: 'notice-problem', role: 'alert' });
  const pages = el('div', { class: 'pdf-pages', 'aria-busy': 'true' }, el('p', { class: 'muted' }, T.working));
  // `omit`: she chose to print without the characters no font has; the preview then shows
  // exactly what is issued.
  let omit = false;
  const buttons = el('div', { class: 'actions notice-issue' },
    el('button', { type: 'button', class: 'primary issue-print', disabled: true, onclick: () => issue(c, nav, 'print', omit) }, T.issuePrint),
    el('button', { type: 'button', class: 'issue-save', disabled: true, onclick: () => issue(c, nav, 'save', omit) }, T.issueSave),
    el('small', { class: 'hint' }, T.issueHint));
  body.append(problem, buttons, pages);
  const show = async () => {
    const bytes = await api.previewNotice(content, omit);
    const n = await renderPdf(pages, bytes, { pageLabel: (i) => T.page(i) });
    pages.setAttribute('aria-busy', 'false');
    pages.dataset.pages = String(n);
    for (const b of buttons.querySelectorAll('button')) b.disabled = false;
  };
  try {
    const check = await api.checkNotice(content);
    const masked = T.masked(check.masked_phones, check.masked_ids);
    if (masked) buttons.before(el('p', { class: 'notice-masked', id: 'notice-masked', role: 'status' }, masked));
    const missing = check.missing;
    if (missing) {
      const without = el('button', { type: 'button', class: 'omit-missing', id: 'omit-missing', onclick: async () => {
        omit = true;
        without.replaceWith(el('p', { class: 'omitted' }, T.omitted(missing.chars)));
        pages.replaceChildren(el('p', { class: 'muted' }, T.working));
        try { await show(); } catch (e) { pages.replaceChildren(); problem.append(el('p', {}, e.message)); }
      } }, T.omitMissing);
      problem.append(el('h3', {}, T.missingTitle), el('p', { class: 'missing-chars' }, T.missing(missing.chars, missing.location)), without);
      pages.replaceChildren();
      return;
    }
    await show();
  } catch (e) {
    pages.replaceChildren();
    problem.append(el('p', {}, e.message));
  }
}

async function issue(c, nav, then, omit) {
  try {
    await c.saver.flush();
    const entry = await api.issueNotice(JSON.stringify(c.content), c.draftId, c.replaces?.id ?? null, omit);
    c.saver.stop();
    nav.fresh();
    flash(S.notices.preview.issued(entry.title));
    if (then === 'print') await api.printNotice(entry.id);
    else {
      const name = await api.saveNoticeAs(entry.id);
      if (name) flash(S.notices.ledger.savedAs(name));
    }
    await nav.tab('ledger');
  } catch (e) {
    nav.showError(e.message);
  }
}
