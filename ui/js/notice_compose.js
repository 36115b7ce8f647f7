// 撰写: the free notice composer (停水通知, 活动通知, 温馨提示). What she types is kept in the
// composer's content (the JSON the core renders) and autosaved as a draft; templates start a
// new draft. The 预览 tab shows the PDF of exactly this content.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, flash, draftKey } from './forms.js';
import { DraftSaver } from './notice_saver.js';
import { renderTableEditor } from './notice_table.js';
import { dayTime } from './format.js';
import { qrSwitch } from './print.js';

const T = S.notices.compose;

function blank(defaults) {
  return {
    paper: 'A4', title: '', salutation: T.defaultSalutation, paragraphs: [], table: null,
    closing: T.defaultClosing, issuer: defaults.issuer, date: defaults.today, period: null,
    mask_personal_data: true, photo: null, qr: true,
  };
}

// A composer on a new blank draft, or on a stored draft {id, content}.
export function newComposer(defaults, draft, replaces = null) {
  let content = blank(defaults);
  if (draft) {
    try { content = { ...content, ...JSON.parse(draft.content) }; } catch { /* keep the blank */ }
  }
  // An issued notice's spec holds the code it printed; a correction prints 设置's code of today.
  if (content.qr && typeof content.qr === 'object') content.qr = true;
  const id = draft?.id || draftKey();
  return { draftId: id, content, replaces, saver: new DraftSaver(id, showSaveState) };
}

function showSaveState({ state, at, message }) {
  const box = document.querySelector('.notice-save-state');
  if (!box) return;
  box.dataset.state = state;
  box.textContent = { saved: T.saved(dayTime(at)), saving: T.saving, dirty: T.unsaved, error: T.saveFailed(message) }[state];
}

export async function renderCompose(body, nav) {
  const c = nav.composer();
  const changed = () => c.saver.change(c.content);
  const [drafts, templates] = await Promise.all([
    api.listNoticeDrafts().catch(() => []), api.listNoticeTemplates().catch(() => []),
  ]);
  const reopen = (composer) => { nav.setComposer(composer); nav.tab('compose'); };
  body.append(toolbar(c, drafts, templates, nav, reopen));
  if (c.replaces) {
    body.append(el('p', { class: 'banner-note' }, T.replacing(c.replaces.version + 1), ' ',
      el('button', { type: 'button', class: 'link', onclick: () => { nav.fresh(); nav.tab('compose'); } }, T.cancelReplace)));
  }
  body.append(el('form', { class: 'card notice-form', onsubmit: (e) => e.preventDefault() },
    el('div', { class: 'form-grid' }, ...textFields(c.content, changed)),
    tableSection(c.content, changed),
    photoSection(c, changed, nav),
    el('div', { class: 'form-grid' }, ...signoffFields(c.content, changed)),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary to-preview', onclick: () => nav.tab('preview') }, T.toPreview))));
}

function toolbar(c, drafts, templates, nav, reopen) {
  const draftSelect = drafts.length > 1 || (drafts.length === 1 && drafts[0].id !== c.draftId)
    ? el('select', { 'aria-label': T.drafts, class: 'draft-pick', onchange: (e) => {
      const d = drafts.find((x) => x.id === e.target.value);
      if (d) reopen(newComposer(nav.defaults, d));
    } }, drafts.map((d) => el('option', { value: d.id, selected: d.id === c.draftId }, `${T.drafts}：${d.title || '（无标题）'}`)))
    : null;
  const templatePick = el('select', { 'aria-label': T.fromTemplate, class: 'template-pick', onchange: async (e) => {
    if (!e.target.value) return;
    try {
      const d = await api.startNoticeFromTemplate(e.target.value, draftKey());
      reopen(newComposer(nav.defaults, d));
    } catch (err) { nav.showError(err.message); }
  } }, el('option', { value: '' }, `${T.fromTemplate}…`), templates.map((t) => el('option', { value: t.id }, t.name)));
  const name = el('input', { type: 'text', class: 'template-name', placeholder: T.templateName, 'aria-label': T.templateName });
  const saveTemplate = async () => {
    try {
      const t = await api.saveNoticeTemplate(name.value || c.content.title, JSON.stringify(c.content));
      flash(T.templateSaved(t.name));
      nav.tab('compose');
    } catch (err) { nav.showError(err.message); }
  };
  return el('div', { class: 'notice-toolbar' },
    draftSelect,
    el('button', { type: 'button', class: 'new-blank', onclick: () => { nav.fresh(); nav.tab('compose'); } }, T.newBlank),
    templates.length ? templatePick : null,
    el('span', { class: 'template-save' }, name, el('button', { type: 'button', class: 'save-template', onclick: saveTemplate }, T.saveTemplate)),
    el('span', { class: 'notice-save-state save-state', role: 'status' }));
}

function input(value, onValue, attrs = {}) {
  return el('input', { type: 'text', value: value ?? '', ...attrs, oninput: (e) => onValue(e.target.value) });
}

function textFields(k, changed) {
  const set = (key) => (v) => { k[key] = v; changed(); };
  const paragraphs = el('textarea', { rows: 7, class: 'paragraphs', oninput: (e) => {
    k.paragraphs = e.target.value.split('\n').map((p) => p.trim()).filter(Boolean);
    changed();
  } }, k.paragraphs.join('\n'));
  return [
    field(T.title, input(k.title, set('title'), { class: 'notice-title', maxlength: 100 }), { hint: T.titleHint, wide: true }),
    field(T.salutation, input(k.salutation, (v) => { k.salutation = v.trim() ? v : null; changed(); })),
    field(T.paragraphs, paragraphs, { hint: T.paragraphsHint, wide: true }),
  ];
}

function tableSection(k, changed) {
  const box = el('div', { class: 'table-box' });
  const draw = () => {
    clear(box);
    if (!k.table) {
      box.append(el('button', { type: 'button', class: 'add-table', onclick: () => {
        k.table = { columns: ['', ''], rows: [['', '']] }; changed(); draw();
      } }, T.addTable));
      return;
    }
    const editor = el('div', {});
    renderTableEditor(editor, k.table, changed);
    box.append(editor, el('button', { type: 'button', class: 'link remove-table', onclick: () => { k.table = null; changed(); draw(); } }, T.removeTable));
  };
  draw();
  return el('fieldset', { class: 'notice-table' }, el('legend', {}, T.table), box);
}

function photoSection(c, changed, nav) {
  const box = el('div', { class: 'photo-box' });
  const draw = async () => {
    clear(box);
    const p = c.content.photo;
    if (!p) {
      box.append(el('button', { type: 'button', class: 'add-photo', onclick: async () => {
        try {
          const a = await api.pickPhoto('draft', c.draftId);
          if (a) { c.content.photo = { attachment_id: a.id, caption: '' }; changed(); draw(); }
        } catch (e) { nav.showError(e.message); }
      } }, T.addPhoto));
      return;
    }
    let img = null;
    try {
      const data = await api.attachmentData(p.attachment_id);
      img = el('img', { class: 'thumb-img', alt: T.photo, src: URL.createObjectURL(new Blob([data])) });
    } catch { /* the caption and the remove button still work */ }
    box.append(el('figure', { class: 'thumb' }, img),
      field(T.caption, input(p.caption, (v) => { p.caption = v; changed(); })),
      el('button', { type: 'button', class: 'link', onclick: () => { c.content.photo = null; changed(); draw(); } }, T.removePhoto));
  };
  draw();
  return el('fieldset', { class: 'notice-photo' }, el('legend', {}, T.photo), box);
}

function signoffFields(k, changed) {
  const set = (key) => (v) => { k[key] = v; changed(); };
  const period = (end) => (v) => {
    const p = { from: k.period?.from ?? '', to: k.period?.to ?? '', [end]: v.trim() };
    k.period = p.from || p.to ? p : null;
    changed();
  };
  const paper = el('select', { onchange: (e) => set('paper')(e.target.value) },
    ['A4', 'A3'].map((p) => el('option', { value: p, selected: k.paper === p }, T.papers[p])));
  const mask = el('input', { type: 'checkbox', checked: k.mask_personal_data, onchange: (e) => set('mask_personal_data')(e.target.checked) });
  const qr = qrSwitch('notice-qr', { checked: k.qr !== false, onchange: set('qr') });
  return [
    field(T.closing, input(k.closing, (v) => { k.closing = v.trim() ? v : null; changed(); })),
    field(T.issuer, input(k.issuer, set('issuer'), { class: 'issuer' })),
    field(T.date, input(k.date, set('date'), { class: 'notice-date', placeholder: '2026-12-01' }), { hint: T.dateHint }),
    field(T.paper, paper),
    field(T.periodFrom, input(k.period?.from, period('from'), { class: 'period-from', placeholder: '2026-12-01' }), { hint: T.periodHint }),
    field(T.periodTo, input(k.period?.to, period('to'), { class: 'period-to', placeholder: '2026-12-07' })),
    el('label', { class: 'check wide' }, mask, ' ', T.mask),
    qr.el,
  ];
}
