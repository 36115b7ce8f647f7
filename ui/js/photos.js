// Photo thumbnails: the stored image, scaled down by CSS (no thumbnails are computed; see the
// attachments module in the core). Bytes come as an ArrayBuffer and are shown through blob URLs.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';

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
export async function renderPhotos(box, ownerKind, ownerId, { editable = false, onError } = {}) {
  clear(box);
  try {
    const list = await api.listAttachments(ownerKind, ownerId);
    const onRemove = editable ? async (a) => {
      try { await api.removeAttachment(a.id); await renderPhotos(box, ownerKind, ownerId, { editable, onError }); } catch (e) { onError?.(e.message); }
    } : null;
    for (const a of list) box.append(await thumb(a, onRemove));
    return list.length;
  } catch (e) {
    onError?.(e.message);
    return 0;
  }
}
