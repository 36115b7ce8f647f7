// 新议题: the intake form (also the edit form). Keyboard only: the title has focus, Tab walks the
// fields in reading order, Ctrl+Enter saves. A refused save keeps everything typed.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { actorName } from './actor.js';
import { field, options, showError, clearErrors, flash, draftKey } from './forms.js';
import { inputValue, nowValue, fullDate } from './format.js';
import { dateInput } from './date_input.js';
import { renderPhotos } from './photos.js';
import { attachSimilar } from './topic_similar.js';

const T = S.topics.form;

// Radio buttons in a fieldset: Tab enters the group, the arrow keys choose.
function radios(name, choices, selected) {
  return el('div', { class: 'radios', role: 'radiogroup' }, choices.map((c) => el('label', { class: 'radio' },
    el('input', { type: 'radio', name, value: c.value, checked: c.value === selected }), c.label)));
}

function controls(look, t) {
  const local = t ? inputValue(t.raised_at) : nowValue();
  return {
    title: el('input', { type: 'text', name: 'title', value: t?.title || '', autocomplete: 'off', maxlength: '200', placeholder: T.titleHint }),
    description: el('textarea', { name: 'description', rows: '2' }, t?.description || ''),
    channel: el('select', { name: 'channel' }, options(look.vocab.channels, t?.channel || 'phone')),
    raisedBy: el('input', { type: 'text', name: 'raised_by', list: 'roster-names', value: t?.raised_by_name || '', autocomplete: 'off', placeholder: T.raisedByHint }),
    phone: el('input', { type: 'tel', name: 'phone', value: t?.raised_by_phone || '', autocomplete: 'off' }),
    when: dateInput({ name: 'when', value: local, withTime: true, field: T.when }),
    place: el('select', { name: 'place' }, options(look.placeChoices(t?.place_id), t?.place_id || '', T.noPlace)),
    category: el('select', { name: 'category' }, options(look.categoryChoices(), t?.category_id || '', T.noCategory)),
    handling: radios('handling', look.vocab.handling_classes, t?.handling_class || 'community'),
    scale: radios('scale', look.vocab.scales, t?.scale || 'minor'),
  };
}

function collect(form, c, look) {
  const name = c.raisedBy.value.trim();
  const person = look.people.find((p) => p.name === name);
  return {
    title: c.title.value,
    description: c.description.value,
    channel: c.channel.value,
    raised_by_person_id: person ? person.id : null,
    raised_by_name: name,
    raised_by_phone: c.phone.dataset.whole ?? c.phone.value,
    // The community's wall clock as typed; the core reads it in the community's zone.
    raised_at: c.when.value.trim(),
    place_id: c.place.value || null,
    category_id: c.category.value || null,
    handling_class: form.querySelector('input[name=handling]:checked').value,
    scale: form.querySelector('input[name=scale]:checked').value,
  };
}

// Renders the form into `body`; with `topic` it edits that topic instead of registering one.
export async function renderIntake(body, look, nav, topic = null) {
  const c = controls(look, topic);
  const draft = topic ? null : draftKey();
  const photos = el('div', { class: 'thumbs', id: 'intake-photos' });
  const hintLine = el('small', { class: 'hint', id: 'roster-hint' });
  const similar = el('div', { class: 'similar', id: 'similar', 'aria-live': 'polite' });
  const form = el('form', { class: 'card topic-form', id: 'topic-form', novalidate: true },
    topic ? el('h2', {}, T.editTitle) : null,
    el('div', { class: 'form-grid' },
      field(T.title, c.title, { wide: true }),
      similar,
      field(T.description, c.description, { wide: true }),
      field(T.channel, c.channel),
      field(T.raisedBy, c.raisedBy),
      field(T.phone, c.phone, { hint: null }),
      field(T.when, c.when),
      field(T.where, c.place),
      field(T.category, c.category),
      el('fieldset', { class: 'field' }, el('legend', {}, T.handling), c.handling),
      el('fieldset', { class: 'field' }, el('legend', {}, T.scale), c.scale)),
    el('datalist', { id: 'roster-names' }, look.activePeople().map((p) => el('option', { value: p.name }, p.roles.join('、')))),
    hintLine,
    el('div', { class: 'form-error', role: 'alert' }),
    // 保存 and 添加照片 share one row, kept in view at the window's lower edge (sticky-actions).
    el('div', { class: 'actions sticky-actions' },
      el('button', { type: 'submit', class: 'primary', id: 'save-topic' }, topic ? T.saveEdit : T.save),
      topic ? el('button', { type: 'button', onclick: () => nav.detail(topic.id) }, T.cancel) : null,
      el('span', { class: 'hint' }, T.shortcut),
      el('span', { class: 'photo-row' },
        el('span', { class: 'photo-label' }, T.photos),
        el('button', { type: 'button', id: 'add-photo', onclick: () => addPhoto() }, T.addPhoto),
        photos)));
  body.append(form);

  const ownerKind = topic ? 'topic' : 'draft';
  const ownerId = topic ? topic.id : draft;
  const refreshPhotos = () => renderPhotos(photos, ownerKind, ownerId, { editable: !topic, onError: (m) => showError(form, m) });
  async function addPhoto() {
    clearErrors(form);
    try {
      const added = await api.pickPhoto(ownerKind, ownerId);
      if (added) { flash(T.photoAdded(added.file_name)); await refreshPhotos(); }
    } catch (e) { showError(form, e); }
  }

  // Picking someone from the roster fills their phone: the box shows it masked (someone may be
  // looking over her shoulder), the whole number is what is stored. Typing in the box replaces it.
  c.raisedBy.addEventListener('input', () => {
    const p = look.people.find((x) => x.name === c.raisedBy.value.trim());
    hintLine.textContent = p ? T.inRoster(p.phone_masked) : '';
    const filledBefore = c.phone.dataset.whole !== undefined;
    if (p && p.phone && (!c.phone.value || filledBefore)) {
      c.phone.value = p.phone_masked;
      c.phone.dataset.whole = p.phone;
    } else if (!p && filledBefore) {
      c.phone.value = '';
      delete c.phone.dataset.whole;
    }
  });
  c.phone.addEventListener('input', () => { delete c.phone.dataset.whole; });

  async function save(mergeInto) {
    clearErrors(form);
    const data = collect(form, c, look);
    try {
      if (topic) {
        await api.updateTopic(topic.id, data, actorName());
        flash(T.updated);
        await nav.detail(topic.id);
        return;
      }
      const created = await api.createTopic(data, actorName(), draft, mergeInto ? mergeInto.id : null);
      flash(mergeInto ? T.mergedInto(mergeInto.title) : T.saved(created.title));
      clear(body);
      await renderIntake(body, look, nav);
      const done = body.querySelector('#saved-line') || el('p', { class: 'saved-line', id: 'saved-line' });
      done.textContent = mergeInto ? T.mergedInto(mergeInto.title) : T.saved(created.title);
      body.prepend(done);
    } catch (e) {
      showError(form, e);
    }
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); save(null); });
  form.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); save(null); }
  });
  if (!topic) attachSimilar(c.title, similar, look, (target) => save(target));
  await refreshPhotos();
  if (topic) form.prepend(el('p', { class: 'hint' }, fullDate(topic.created_at)));
  c.title.focus();
}
