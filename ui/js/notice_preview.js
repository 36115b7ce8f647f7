// 预览: the actual PDF of what the composer holds, drawn page by page by pdf.js. Characters the
// fonts cannot print are named (with where they are) before anything is issued or printed, and
// how many phone and ID numbers the notice hides is said above the buttons.
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
  const buttons = el('div', { class: 'actions notice-issue' },
    el('button', { type: 'button', class: 'primary issue-print', disabled: true, onclick: () => issue(c, nav, 'print') }, T.issuePrint),
    el('button', { type: 'button', class: 'issue-save', disabled: true, onclick: () => issue(c, nav, 'save') }, T.issueSave),
    el('small', { class: 'hint' }, T.issueHint));
  body.append(problem, buttons, pages);
  try {
    const check = await api.checkNotice(content);
    const missing = check.missing;
    if (missing) {
      problem.append(el('h3', {}, T.missingTitle), el('p', { class: 'missing-chars' }, T.missing(missing.chars, missing.location)));
      pages.replaceChildren();
      return;
    }
    const masked = T.masked(check.masked_phones, check.masked_ids);
    if (masked) buttons.before(el('p', { class: 'notice-masked', id: 'notice-masked', role: 'status' }, masked));
    const bytes = await api.previewNotice(content);
    const n = await renderPdf(pages, bytes, { pageLabel: (i) => T.page(i) });
    pages.setAttribute('aria-busy', 'false');
    pages.dataset.pages = String(n);
    for (const b of buttons.querySelectorAll('button')) b.disabled = false;
  } catch (e) {
    pages.replaceChildren();
    problem.append(el('p', {}, e.message));
  }
}

async function issue(c, nav, then) {
  try {
    await c.saver.flush();
    const entry = await api.issueNotice(JSON.stringify(c.content), c.draftId, c.replaces?.id ?? null);
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
