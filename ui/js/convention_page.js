// One convention: the editor of its text in chapters and articles (a new version on each save),
// its versions, posting for comment with a period, the residents' opinions with answers,
// adoption by a meeting, and the printout. `id` null: a new draft.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash } from './forms.js';
import { renderTextEditor } from './convention_text.js';
import { dateInput, readDate } from './date_input.js';
import { savePdf, printResult } from './pdf_save.js';
import { qrSwitch } from './print.js';

const C = S.conventions;

export async function renderConventionPage(body, ctx, id) {
  clear(body);
  let page = null;
  let meetings = [];
  try {
    [page, meetings] = await Promise.all([id ? api.conventionPage(id) : null, api.listMeetings()]);
  } catch (e) {
    body.append(el('p', { class: 'form-error' }, e.message));
    return;
  }
  const reload = (newId) => {
    if (!id && newId) { location.hash = `#tasks/conventions/${newId}`; return null; }
    return renderConventionPage(body, ctx, id);
  };
  body.append(el('div', { class: 'detail-bar' }, el('a', { href: '#tasks/conventions', class: 'button-link' }, C.back)));
  if (!page) {
    body.append(editor(ctx, null, reload));
    return;
  }
  const c = page.convention;
  const status = (ctx.vocab.convention_statuses.find((s) => s.value === c.status) || {}).label;
  const result = printResult('convention-print-result');
  const qr = qrSwitch('convention-qr');
  body.append(
    el('div', { class: 'convention-head' },
      el('h2', { class: 'detail-title', id: 'convention-title' }, c.title, ' ', el('span', { class: `status convention-${c.status}`, id: 'convention-status' }, status)),
      el('p', { class: 'meta' }, C.version(c.current.version_no),
        c.posted_from ? ` · ${C.posted(c.posted_from, c.posted_to)}` : '',
        c.adopted_version_no ? ` · ${C.adoptedLine(c.adopted_version_no, (meetings.find((m) => m.id === c.adopted_meeting_id) || {}).title || '')}` : ''),
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'print-convention', onclick: () => savePdf(result, (omit, format) => api.printConvention(c.id, omit, format, qr.value()),
        { image: (omit) => api.meetingDocImage('convention', c.id, omit, { qr: qr.value() }) }) }, C.print), qr.el, result)),
    c.status === 'adopted' ? el('p', { class: 'banner-note' }, C.adoptedHint) : editor(ctx, c, reload),
    c.status === 'adopted' ? null : el('div', { class: 'convention-grid-2' }, postForm(ctx, c, reload), adoptForm(c, page.versions, meetings, reload)),
    feedback(ctx, c, page.feedback, reload),
    versions(c, page.versions));
}

function editor(ctx, c, reload) {
  const title = el('input', { type: 'text', name: 'title', id: 'convention-name', value: c ? c.title : '' });
  const note = el('input', { type: 'text', name: 'note', id: 'version-note' });
  const text = c ? structuredClone({ preamble: c.current.preamble, chapters: c.current.chapters })
    : { preamble: '', chapters: [{ title: '总则', articles: [''] }] };
  const box = el('div', { class: 'convention-text' });
  renderTextEditor(box, text);
  const form = el('form', { class: 'card convention-editor', id: 'convention-editor' },
    c ? null : field(C.title, title, { hint: C.titleHint }),
    box,
    c ? field(C.note, note, { hint: C.noteHint }) : null,
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'save-convention' }, c ? C.saveVersion : C.create)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      if (c) {
        const saved = await api.saveConventionVersion(c.id, text, note.value);
        flash(C.versionSaved(saved.current.version_no));
        await reload();
      } else {
        const created = await api.createConvention(title.value, text);
        flash(C.created);
        await reload(created.id);
      }
    } catch (e) {
      showError(form, e);
    }
  });
  return form;
}

function postForm(ctx, c, reload) {
  const from = dateInput({ name: 'from', id: 'post-from', value: c.posted_from || ctx.vocab.today, field: C.from });
  const to = dateInput({ name: 'to', id: 'post-to', value: c.posted_to || '', field: C.to });
  const form = el('form', { class: 'card', id: 'post-form' }, el('h3', {}, C.postCard),
    el('div', { class: 'row' }, field(C.from, from), field(C.to, to)),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'post-convention' }, C.post)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try { await api.postConvention(c.id, await readDate(from), await readDate(to)); flash(C.postedOk); await reload(); } catch (e) { showError(form, e); }
  });
  return form;
}

function adoptForm(c, list, meetings, reload) {
  const version = el('select', { name: 'version', id: 'adopt-version' },
    options(list.map((v) => ({ value: String(v.version_no), label: C.version(v.version_no) })), String(c.current.version_no)));
  const meeting = el('select', { name: 'meeting', id: 'adopt-meeting' }, options(meetings.map((m) => ({ value: m.id, label: m.title })), meetings[0]?.id));
  const form = el('form', { class: 'card', id: 'adopt-form' }, el('h3', {}, C.adoptCard),
    c.posted_version_no ? null : el('p', { class: 'hint' }, C.needPosting),
    field(C.adoptVersion, version), field(C.adoptMeeting, meeting),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'adopt-convention' }, C.adopt)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try { await api.adoptConvention(c.id, Number(version.value), meeting.value); flash(C.adoptedOk); await reload(); } catch (e) { showError(form, e); }
  });
  return form;
}

function feedback(ctx, c, list, reload) {
  const items = list.map((f) => {
    const answer = el('input', { type: 'text', class: 'feedback-answer', value: f.response, 'aria-label': C.response });
    const row = el('li', { class: 'feedback', 'data-id': f.id },
      el('div', {}, el('span', { class: 'when' }, f.received_on), ' ', el('strong', {}, f.from_name || C.anonymous), ` · ${C.version(f.version_no)}：`, f.text));
    if (c.status !== 'adopted') {
      const error = el('div', { class: 'form-error', role: 'alert' });
      row.append(el('div', { class: 'row feedback-reply' }, answer, el('button', { type: 'button', class: 'small', onclick: async () => {
        clear(error);
        try { await api.respondConventionFeedback(f.id, answer.value); flash(S.tasks.page.saved); } catch (e) { error.append(e.message); }
      } }, C.respond)), error);
    } else if (f.response) {
      row.append(el('div', { class: 'muted' }, `${C.response}：${f.response}`));
    }
    return row;
  });
  const section = el('section', { class: 'card', id: 'feedback' }, el('h3', {}, C.feedbackCard),
    list.length ? el('ol', { class: 'feedback-list' }, items) : el('p', { class: 'muted' }, C.noFeedback));
  if (c.status === 'adopted') return section;
  if (!c.posted_version_no) { section.append(el('p', { class: 'hint' }, C.notPostedHint)); return section; }
  const on = dateInput({ name: 'received_on', id: 'feedback-date', value: ctx.vocab.today, field: C.receivedOn });
  const who = el('input', { type: 'text', name: 'from', id: 'feedback-from' });
  const text = el('textarea', { name: 'text', id: 'feedback-text', rows: 2 });
  const response = el('input', { type: 'text', name: 'response', id: 'feedback-response' });
  const form = el('form', { class: 'row-form', id: 'feedback-form' },
    field(C.receivedOn, on), field(C.fromName, who, { hint: C.fromHint }), field(C.feedbackText, text), field(C.response, response),
    el('div', { class: 'form-error', role: 'alert' }), el('button', { type: 'submit', id: 'add-feedback' }, C.addFeedback));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      const fb = { received_on: await readDate(on), from_name: who.value, text: text.value, response: response.value };
      await api.addConventionFeedback(c.id, fb);
      await reload();
    } catch (e) { showError(form, e); }
  });
  section.append(form);
  return section;
}

function versions(c, list) {
  return el('section', { class: 'card', id: 'versions' }, el('h3', {}, C.versions, ' ', el('span', { class: 'muted' }, C.versionCount(list.length))),
    el('ol', { class: 'version-list' }, [...list].reverse().map((v) => el('li', {},
      el('details', {}, el('summary', {}, C.version(v.version_no), ` · ${v.created_at.slice(0, 10)} · ${v.note}`,
        v.version_no === c.posted_version_no ? el('span', { class: 'badge' }, C.postedTag) : null,
        v.version_no === c.adopted_version_no ? el('span', { class: 'badge ok' }, C.adoptedTag) : null),
      v.preamble ? el('p', { class: 'detail-desc' }, v.preamble) : null,
      chapters(v.chapters))))));
}

// Articles are numbered through the whole convention, as printed.
function chapters(list) {
  let start = 1;
  return list.map((ch, i) => {
    const block = el('div', {}, el('strong', {}, `${C.chapter(i + 1)} ${ch.title}`),
      el('ol', { start }, ch.articles.map((a) => el('li', {}, a))));
    start += ch.articles.length;
    return block;
  });
}
