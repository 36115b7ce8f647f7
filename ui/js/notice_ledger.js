// 公示台账: every issued notice with its state (待张贴 / 公示中 / 已到期 / 已撤下), 公示期, what it
// refers to and its sha256; print or save it again (the same bytes), record where and when it was
// posted with a photo of the sheet, record when it was taken down, correct and re-issue it.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, flash, showError as showFormError } from './forms.js';
import { renderPhotos } from './photos.js';
import { renderPdf } from './pdf_view.js';
import { newComposer } from './notice_compose.js';
import { copyImage } from './pdf_save.js';

const T = S.notices.ledger;
const P = S.tasks.print;
const cn = (d) => (d ? d.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : '');

export async function renderLedger(body, nav) {
  let list;
  let boards = [];
  try {
    [list, boards] = await Promise.all([api.listNotices(), api.noticeBoards()]);
  } catch (e) {
    nav.showError(e.message);
    return;
  }
  const flagged = list.filter((n) => n.flags.length);
  if (flagged.length) {
    body.append(el('div', { class: 'card notice-flags', role: 'status' }, el('h2', {}, T.flagsTitle),
      el('ul', {}, flagged.map((n) => el('li', { 'data-id': n.id }, el('b', {}, n.title), '：', n.flag_labels.join('，'),
        n.period_to ? `（${T.period}至${cn(n.period_to)}）` : '')))));
  }
  if (!list.length) {
    body.append(el('p', { class: 'empty' }, T.empty));
    return;
  }
  const redraw = () => nav.tab('ledger');
  body.append(el('datalist', { id: 'notice-boards' }, boards.map((b) => el('option', { value: b }))),
    el('ol', { class: 'notice-list plain-list' }, list.map((n) => entryCard(n, nav, redraw))));
}

function entryCard(n, nav, redraw) {
  const pdfBox = el('div', { class: 'pdf-pages' });
  const copied = el('span', { class: 'copy-result', role: 'status' });
  const photos = el('div', { class: 'thumbs' });
  if (n.photo_count) renderPhotos(photos, 'notice', n.id, { onError: nav.showError });
  const toggleView = async (e) => {
    if (pdfBox.childElementCount) { clear(pdfBox); e.target.textContent = T.view; return; }
    e.target.textContent = T.hide;
    try { await renderPdf(pdfBox, await api.noticePdf(n.id), { width: 620 }); } catch (err) { nav.showError(err.message); }
  };
  const act = (fn) => async () => { try { await fn(); } catch (err) { nav.showError(err.message); } };
  const open = !['taken_down'].includes(n.state) && !n.superseded_by;
  return el('li', { class: `card notice-entry state-${n.state}`, 'data-id': n.id },
    el('div', { class: 'notice-head' },
      el('span', { class: 'badge' }, n.kind_label),
      el('b', { class: 'notice-entry-title' }, n.title),
      n.version > 1 ? el('span', { class: 'badge' }, T.version(n.version)) : null,
      el('span', { class: `badge notice-state state-${n.state}` }, n.state_label),
      n.flag_labels.map((f) => el('span', { class: 'badge notice-flag' }, f))),
    el('p', { class: 'meta' },
      `${T.issued} ${cn(n.issued_at.slice(0, 10))} · `,
      n.period_from ? `${T.period} ${cn(n.period_from)}至${cn(n.period_to)}` : T.noPeriod,
      n.superseded_by ? ` · ${T.superseded(n.superseded_by)}` : '',
      n.reference ? ` · ${T.refersTo}${S.notices.refKinds[n.reference.kind] ?? n.reference.kind}` : ''),
    n.posted_at ? el('p', { class: 'meta posted' }, T.posted(n.posted_where, cn(n.posted_at)),
      n.taken_down_at ? ` · ${T.takenDown(cn(n.taken_down_at))}` : '', n.photo_count ? ` · ${T.photos(n.photo_count)}` : '') : null,
    // The checksum matters to whoever checks a reprint, not to her: it waits behind 详情.
    el('details', { class: 'meta sha' }, el('summary', {}, T.details), `${T.sha} `, el('code', {}, n.pdf_sha256)),
    photos,
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'view-pdf', onclick: toggleView }, T.view),
      el('button', { type: 'button', class: 'print', onclick: act(async () => { await api.printNotice(n.id); flash(T.printing); }) }, T.print),
      el('button', { type: 'button', class: 'save-as', onclick: act(async () => {
        const name = await api.saveNoticeAs(n.id);
        if (name) flash(T.savedAs(name));
      }) }, T.saveAs),
      el('button', { type: 'button', class: 'save-docx', onclick: act(async () => {
        const name = await api.saveNoticeAs(n.id, 'docx');
        if (name) flash(T.savedAs(name));
      }) }, P.asWord),
      el('button', { type: 'button', class: 'save-png', onclick: act(async () => {
        const name = await api.saveNoticeAs(n.id, 'png');
        if (name) flash(T.savedAs(name));
      }) }, P.asImage),
      el('button', { type: 'button', class: 'copy-image', onclick: () => copyImage(copied, () => api.noticeImage(n.id)) }, P.copyImage),
      copied,
      n.kind === 'free' && !n.superseded_by ? el('button', { type: 'button', class: 'revise', onclick: act(async () => {
        const content = await api.noticeSpec(n.id);
        nav.setComposer(newComposer(nav.defaults, { id: undefined, content }, { id: n.id, version: n.version }));
        nav.tab('compose');
      }) }, T.revise) : null),
    open ? postingForm(n, nav, redraw) : null,
    pdfBox);
}

function postingForm(n, nav, redraw) {
  const where = el('input', { type: 'text', class: 'post-where', list: 'notice-boards', value: n.posted_where, placeholder: T.whereHint });
  const at = el('input', { type: 'text', class: 'post-at', value: n.posted_at ?? nav.defaults.today });
  const downAt = el('input', { type: 'text', class: 'down-at', value: nav.defaults.today });
  const form = el('form', { class: 'row-form posting', onsubmit: (e) => e.preventDefault() });
  const post = (withPhoto) => async () => {
    try {
      const done = await api.recordNoticePosting(n.id, where.value, at.value, withPhoto);
      if (done) { flash(T.postedOk); redraw(); }
    } catch (e) { showFormError(form, e); }
  };
  const takeDown = async () => {
    try { await api.recordNoticeTakenDown(n.id, downAt.value); flash(T.takenDownOk); redraw(); } catch (e) { showFormError(form, e); }
  };
  form.append(
    field(T.where, where), field(T.at, at),
    el('button', { type: 'button', class: 'record-posting', onclick: post(false) }, T.record),
    el('button', { type: 'button', class: 'record-posting-photo', onclick: post(true) }, n.posted_at ? T.addPhoto : T.recordWithPhoto),
    ...(n.posted_at ? [field(T.takeDownAt, downAt), el('button', { type: 'button', class: 'take-down', onclick: takeDown }, T.takeDown)] : []),
    el('div', { class: 'form-error', role: 'alert' }));
  return el('details', { class: 'posting-box', open: !n.posted_at || n.flags.length > 0 }, el('summary', {}, T.postTitle), form);
}
