// 设置 → 议事主体清单 (roster) and 户 (households). Phones are kept whole but the list shows
// them masked (138****5678); the whole number appears only in the edit form.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash } from './forms.js';

const R = S.roster;

export async function rosterCard() {
  const card = el('section', { class: 'card', id: 'roster-card' });
  await fill(card, null);
  return card;
}

async function fill(card, editing) {
  const [people, households, places, vocab] = await Promise.all([
    api.listPeople(), api.listHouseholds(), api.listPlaces(), api.communityVocab(),
  ]);
  // The list first (what the secretary looks up most), the add / edit form under it.
  clear(card).append(el('h2', {}, R.peopleCard),
    people.length ? table(card, people, places) : el('p', { class: 'muted' }, R.noPeople),
    personForm(card, editing, { households, places, vocab }));
}

function roleChips(roles, chosen) {
  return el('div', { class: 'choice role-chips', role: 'group', 'aria-label': R.roles }, roles.map((r) => el('button', {
    type: 'button', class: 'chip', 'data-role': r, 'aria-pressed': String(chosen.includes(r)),
    onclick: (ev) => { const b = ev.currentTarget; b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true')); },
  }, r)));
}

function personForm(card, p, { households, places, vocab }) {
  const extra = (p?.roles || []).filter((r) => !vocab.roles.includes(r));
  const c = {
    name: el('input', { type: 'text', name: 'person-name', value: p?.name || '', autocomplete: 'off' }),
    phone: el('input', { type: 'tel', name: 'person-phone', value: p?.phone || '', autocomplete: 'off' }),
    roles: roleChips([...vocab.roles, ...extra], p?.roles || []),
    household: el('select', { name: 'household' }, options(households.map((h) => ({ value: h.id, label: h.label })), p?.household_id || '', R.noHousehold)),
    place: el('select', { name: 'building' }, options(places.map((x) => ({ value: x.id, label: x.path })), p?.place_id || '', R.noBuilding)),
    core: el('input', { type: 'checkbox', name: 'core', checked: Boolean(p?.is_core_member) }),
    note: el('input', { type: 'text', name: 'note', value: p?.note || '' }),
  };
  const form = el('form', { class: 'person-form', id: 'person-form', novalidate: true },
    el('h3', {}, p ? R.editPerson : R.addPerson),
    el('div', { class: 'form-grid' },
      field(R.personName, c.name), field(R.phone, c.phone),
      field(R.household, c.household), field(R.building, c.place),
      el('div', { class: 'field wide' }, el('span', { class: 'label' }, R.roles), c.roles),
      el('label', { class: 'check' }, c.core, R.core),
      field(R.note, c.note)),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', id: 'save-person' }, p ? R.save : R.addPerson),
      p ? el('button', { type: 'button', onclick: () => fill(card, null) }, R.cancel) : null));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const person = {
      name: c.name.value, phone: c.phone.value,
      roles: [...c.roles.querySelectorAll('[aria-pressed=true]')].map((b) => b.dataset.role),
      household_id: c.household.value || null, place_id: c.place.value || null,
      is_core_member: c.core.checked, note: c.note.value,
    };
    try {
      const saved = p ? await api.updatePerson(p.id, person) : await api.addPerson(person);
      flash(`${R.saved} ${saved.name}`);
      await fill(card, null);
      card.querySelector('input[name=person-name]').focus();
    } catch (e) { showError(form, e); }
  });
  return form;
}

function table(card, people, places) {
  const path = (id) => (places.find((x) => x.id === id) || {}).path || '';
  return el('table', { class: 'grid', id: 'people-table' },
    el('thead', {}, el('tr', {}, R.peopleColumns.map((h) => el('th', {}, h)))),
    el('tbody', {}, people.map((p) => el('tr', { 'data-id': p.id },
      el('td', {}, p.name, p.is_core_member ? el('span', { class: 'badge core' }, R.coreMark) : null),
      el('td', { class: 'phone nowrap' }, p.phone_masked),
      el('td', {}, p.roles.join('、')),
      el('td', {}, p.household_label),
      el('td', {}, path(p.place_id)),
      el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => fill(card, p).then(() => card.querySelector('input[name=person-name]').focus()) }, R.edit))))));
}

export async function householdsCard() {
  const card = el('section', { class: 'card', id: 'households-card' });
  await fillHouseholds(card);
  return card;
}

async function fillHouseholds(card) {
  const [households, places] = await Promise.all([api.listHouseholds(), api.listPlaces()]);
  const path = (id) => (places.find((x) => x.id === id) || {}).path || '';
  const label = el('input', { type: 'text', name: 'household-label' });
  const place = el('select', { name: 'household-place' }, options(places.map((x) => ({ value: x.id, label: x.path })), '', R.noBuilding));
  const form = el('form', { class: 'row-form', novalidate: true },
    field(R.householdLabel, label), field(R.householdPlace, place),
    el('button', { type: 'submit' }, R.addHousehold), el('div', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      await api.addHousehold({ label: label.value, place_id: place.value || null });
      await fillHouseholds(card);
      card.querySelector('input[name=household-label]').focus();
    } catch (e) { showError(form, e); }
  });
  clear(card).append(el('h2', {}, R.householdsCard),
    households.length
      ? el('ul', { class: 'plain-list' }, households.map((h) => el('li', {}, h.label, ' ', el('span', { class: 'muted' }, [path(h.place_id), R.members(h.members)].filter(Boolean).join(' · ')))))
      : el('p', { class: 'muted' }, R.noHouseholds),
    form);
}
