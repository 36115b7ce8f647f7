// Photo thumbnails: the stored image, scaled down by CSS (no thumbnails are computed; see the
// attachments module in the core). Bytes come as an ArrayBuffer and are shown through blob URLs.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { showError, flash } from './forms.js';

async function thumb(a, onRemove) {
  const data = await api.attachmentData(a.id);
  const url = URL.createObjectURL(new Blob([data], { type: a.mime }));
  const img = el('img', { src: url, alt: a.file_name, class: 'thumb-img' });
  return el('figure', { class: 'thumb', 'data-id': a.id },
    img,
    el('figcaption', {}, a.file_name,
      onRemove ? el('button', { type: 'button', class: 'link', onclick: () => onRemove(a) }, S.topics.form.removePhoto) : null));
}

// Fills `box` with the photos of a record; `editable` adds a remove button to each.
// `onCount(n)` hears how many are shown, also after a removal redraws the box.
export async function renderPhotos(box, ownerKind, ownerId, { editable = false, onError, onCount } = {}) {
  clear(box);
  try {
    const list = await api.listAttachments(ownerKind, ownerId);
    const onRemove = editable ? async (a) => {
      try { await api.removeAttachment(a.id); await renderPhotos(box, ownerKind, ownerId, { editable, onError, onCount }); } catch (e) { onError?.(e.message); }
    } : null;
    for (const a of list) box.append(await thumb(a, onRemove));
    onCount?.(list.length);
    return list.length;
  } catch (e) {
    onError?.(e.message);
    return 0;
  }
}

// The photo row of a form whose record does not exist yet: photos are stored as drafts under
// `key` and the record claims them when the form is saved (in the same transaction).
export function draftPhotoRow(form, key, { label, button, buttonId, boxId, added }) {
  const box = el('div', { class: 'thumbs', id: boxId });
  const refresh = () => renderPhotos(box, 'draft', key, { editable: true, onError: (m) => showError(form, m) });
  const add = el('button', { type: 'button', id: buttonId, onclick: async () => {
    try {
      const a = await api.pickPhoto('draft', key);
      if (a) { await refresh(); if (added) flash(added(a.file_name)); }
    } catch (e) { showError(form, e); }
  } }, button);
  return el('div', { class: 'photo-row' }, el('span', { class: 'photo-label' }, label), box, add);
}
