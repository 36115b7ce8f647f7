// 设置 cards about the community: 当前使用人 (this computer), 社区信息, and the places tree.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { actorName, actorIsSet, saveActorName } from './actor.js';
import { propose } from './setup.js';
import { active, retiredBadge, retireLink } from './retire.js';
import { field, options, showError, clearErrors, flash } from './forms.js';
import { clockInfo, loadClock } from './format.js';

const R = S.roster;

export function actorCard() {
  const name = el('input', { type: 'text', id: 'actor-name', value: actorIsSet() ? actorName() : '', autocomplete: 'off' });
  const form = el('form', { class: 'card', id: 'actor-card' },
    el('h2', {}, R.actorCard), el('p', { class: 'hint' }, R.actorHint),
    el('div', { class: 'row' }, field(R.actorName, name), el('button', { type: 'submit' }, R.save)));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); saveActorName(name.value); name.value = actorIsSet() ? actorName() : ''; flash(R.saved); });
  return form;
}

export async function communityCard(hub) {
  const s = await api.communitySettings();
  const c = {
    name: el('input', { type: 'text', name: 'name', value: s.name }),
    issuer: el('input', { type: 'text', name: 'issuer', value: s.issuer }),
    default_place: el('input', { type: 'text', name: 'default_place', value: s.default_place }),
    // The number residents are to call: printed whole on public notices, all others masked.
    public_phone: el('input', { type: 'tel', name: 'public_phone', value: s.public_phone || '', inputmode: 'tel' }),
    // 反馈二维码: what residents scan (a WeChat group link…), printed beside the issuer of public notices.
    qr_text: el('input', { type: 'text', name: 'qr_text', id: 'qr-text', value: s.qr_text || '', autocomplete: 'off' }),
    qr_caption: el('input', { type: 'text', name: 'qr_caption', id: 'qr-caption', value: s.qr_caption || '' }),
    // The community's zone: every date is shown and printed in it, whatever the laptop is set to.
    time_zone: el('select', { name: 'time_zone', id: 'time-zone' }, options(zoneChoices(s.time_zone), s.time_zone)),
  };
  const form = el('form', { class: 'card', id: 'community-card', novalidate: true },
    el('h2', {}, R.communityCard),
    el('div', { class: 'form-grid' }, field(R.name, c.name), field(R.issuer, c.issuer, { hint: R.issuerHint }), field(R.defaultPlace, c.default_place),
      field(S.dates.zone, c.time_zone, { hint: S.dates.zoneHint }),
      field(R.publicPhone, c.public_phone, { hint: R.publicPhoneHint }),
      field(R.qrText, c.qr_text, { hint: R.qrTextHint }), field(R.qrCaption, c.qr_caption, { hint: R.qrCaptionHint })),
    qrPictureRow(s),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, R.save)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      await api.saveCommunitySettings({ name: c.name.value, issuer: c.issuer.value, default_place: c.default_place.value, time_zone: c.time_zone.value, public_phone: c.public_phone.value,
        qr_text: c.qr_text.value, qr_caption: c.qr_caption.value });
      await loadClock();
      flash(R.saved);
      hub?.changed();
    } catch (e) { showError(form, e); }
  });
  return form;
}

// 二维码图片: the uploaded group code with its preview, 上传 and 去掉; saved at once (not by 保存).
function qrPictureRow(s) {
  const preview = el('span', { class: 'qr-preview', id: 'qr-preview' });
  const error = el('div', { class: 'form-error', role: 'alert' });
  const remove = el('button', { type: 'button', id: 'qr-remove' }, R.qrRemove);
  const show = async (has) => {
    clear(preview);
    remove.hidden = !has;
    if (!has) { preview.append(el('span', { class: 'muted' }, R.qrNoPicture)); return; }
    const bytes = await api.feedbackQrPicture();
    preview.append(el('img', { src: URL.createObjectURL(new Blob([bytes])), alt: R.qrPicture, id: 'qr-picture' }));
  };
  const act = (fn, done) => async () => {
    error.textContent = '';
    try {
      const settings = await fn();
      if (!settings) return;
      await show(settings.qr_picture);
      flash(done);
    } catch (e) { error.textContent = e.message; }
  };
  remove.addEventListener('click', act(() => api.clearFeedbackQrPicture(), R.qrRemoved));
  show(s.qr_picture).catch((e) => { error.textContent = e.message; });
  return el('div', { class: 'qr-picture-row field' }, el('span', { class: 'label' }, R.qrPicture), preview,
    el('div', { class: 'actions' }, el('button', { type: 'button', id: 'qr-upload', onclick: act(() => api.uploadFeedbackQrPicture(), R.qrUploaded) }, R.qrUpload), remove),
    el('p', { class: 'hint' }, R.qrPictureHint), error);
}

// The offered zones, plus the stored one if it is not among them (set on another laptop).
function zoneChoices(current) {
  const offered = clockInfo().zones || [];
  const known = offered.some((z) => z.value === current);
  return known || !current ? offered : [...offered, { value: current, label: current }];
}

export async function placesCard(hub) {
  const card = el('section', { class: 'card', id: 'places-card' });
  // After a save the list is re-read and the whole page told; parent and kind stay as they were
  // (she adds 1号楼, 2号楼, 3号楼 under one 小区), the name box is emptied for the next one.
  const changed = async (keep) => {
    await fillPlaces(card, keep, changed);
    hub?.changed();
  };
  await fillPlaces(card, {}, changed);
  return card;
}

async function fillPlaces(card, keep, changed) {
  const [places, vocab] = await Promise.all([api.listPlaces(), api.communityVocab()]);
  const depth = (p) => p.path.split(' / ').length - 1;
  const parentId = places.some((p) => p.id === keep.parent) ? keep.parent : '';
  const c = {
    parent: el('select', { name: 'parent' }, options(active(places).map((p) => ({ value: p.id, label: p.path })), parentId, R.placeTop)),
    kind: el('select', { name: 'kind' }, options(vocab.place_kinds, keep.kind || vocab.place_kinds[0].value)),
    name: el('input', { type: 'text', name: 'place-name', autocomplete: 'off' }),
  };
  const form = el('form', { class: 'row-form', novalidate: true },
    field(R.placeParent, c.parent), field(R.placeKind, c.kind), field(R.placeName, c.name),
    el('button', { type: 'submit', id: 'add-place' }, R.addPlace), el('div', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    let added;
    try {
      added = await api.addPlace({ parent_id: c.parent.value || null, kind: c.kind.value, name: c.name.value });
    } catch (e) { showError(form, e); return; }
    flash(R.placeAdded(added.path || added.name));
    await changed({ parent: c.parent.value, kind: c.kind.value });
    propose(card.querySelector('input[name=place-name]'), added.name);
  });
  const tree = places.length
    ? el('ul', { class: 'tree', id: 'places-tree' }, places.map((p) => {
      const ask = el('span', { class: 'retire-host' });
      return el('li', { class: `depth-${Math.min(depth(p), 4)}${p.retired ? ' is-retired' : ''}`, 'data-id': p.id },
        el('span', { class: 'badge' }, p.kind_label), ' ', el('span', { class: 'place-name' }, p.name), retiredBadge(p),
        p.retired ? null : el('button', { type: 'button', class: 'link', onclick: (ev) => renameInline(ev.currentTarget.parentElement, p, changed) }, R.rename),
        retireLink('place', p, p.path, ask, () => changed({ parent: c.parent.value, kind: c.kind.value })), ask);
    }))
    : el('p', { class: 'muted' }, R.noPlaces);
  clear(card).append(el('h2', {}, R.placesCard), tree, form);
}

function renameInline(li, p, changed) {
  const input = el('input', { type: 'text', value: p.name, 'aria-label': R.placeName });
  const error = el('span', { class: 'form-error' });
  const go = async () => {
    try { await api.renamePlace(p.id, input.value); } catch (e) { clear(error).append(e.message); return; }
    flash(R.saved);
    await changed({});
  };
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); go(); } });
  clear(li).append(input, el('button', { type: 'button', onclick: go }, R.save), error);
  input.focus();
}
