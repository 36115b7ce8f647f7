// 设置 → 议事主体清单 (roster) and 户 (households). Phones are kept whole but the list shows
// them masked (138****5678); the whole number appears only in the edit form.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash } from './forms.js';
import { propose } from './setup.js';
import { active, retiredBadge, retireLink } from './retire.js';
import { personMoveLinks, householdLinks } from './roster_moves.js';

const R = S.roster;

// The roster card: the table above, the add / edit form below. When another card changes a
// register (a household added, a place renamed) only the table and the form's pick lists are
// re-read: what she is typing in the form stays.
export async function rosterCard(hub) {
  const card = el('section', { class: 'card', id: 'roster-card' });
  const state = { hub, editing: null, form: null };
  await fill(card, state, {});
  hub?.on(() => refreshLists(card, state));
  return card;
}

async function readRegisters() {
  const [people, households, places, vocab, terms] = await Promise.all([
    api.listPeople(), api.listHouseholds(), api.listPlaces(), api.communityVocab(), api.termsInForce(),
  ]);
  return { people, households, places, vocab, terms };
}

async function fill(card, state, keep) {
  const data = await readRegisters();
  state.form = personForm(card, state, data, keep);
  clear(card).append(el('h2', {}, R.peopleCard), peopleList(card, state, data), state.form.node);
}

async function refreshLists(card, state) {
  if (!state.form) return;
  const data = await readRegisters();
  card.querySelector('#people-table, .people-empty')?.replaceWith(peopleList(card, state, data));
  state.form.refill(data);
}

function peopleList(card, state, { people, places, households, terms }) {
  return people.length ? table(card, state, people, places, households, terms || []) : el('p', { class: 'muted people-empty' }, R.noPeople);
}

export function roleChips(roles, chosen, label = R.roles) {
  return el('div', { class: 'choice role-chips', role: 'group', 'aria-label': label }, roles.map((r) => el('button', {
    type: 'button', class: 'chip', 'data-role': r, 'aria-pressed': String(chosen.includes(r)),
    onclick: (ev) => { const b = ev.currentTarget; b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true')); },
  }, r)));
}

// Retired households and places are not offered, but the one a person already has stays.
const householdChoices = (households, keepId) => active(households, keepId).map((h) => ({ value: h.id, label: h.label }));
const placeChoices = (places, keepId) => active(places, keepId).map((x) => ({ value: x.id, label: x.path }));

// Replaces a select's options, keeping the chosen value if it is still offered.
export function refillSelect(select, choices, empty) {
  const value = select.value;
  select.replaceChildren(...options(choices, choices.some((c) => c.value === value) ? value : '', empty));
}

function personForm(card, state, { households, places, vocab }, keep) {
  const p = state.editing;
  const extra = (p?.roles || []).filter((r) => !vocab.roles.includes(r));
  const c = {
    name: el('input', { type: 'text', name: 'person-name', value: p?.name || '', autocomplete: 'off' }),
    phone: el('input', { type: 'tel', name: 'person-phone', value: p?.phone || '', autocomplete: 'off' }),
    roles: roleChips([...vocab.roles, ...extra], p?.roles || []),
    household: el('select', { name: 'household' }, options(householdChoices(households, p?.household_id), p?.household_id || keep.household || '', R.noHousehold)),
    place: el('select', { name: 'building' }, options(placeChoices(places, p?.place_id), p?.place_id || keep.place || '', R.noBuilding)),
    core: el('input', { type: 'checkbox', name: 'core', checked: Boolean(p?.is_core_member) }),
    note: el('input', { type: 'text', name: 'note', value: p?.note || '' }),
    // Any role can be typed (院坝长, 红管家…); the offered ones are the chips above.
    otherRoles: el('input', { type: 'text', name: 'other-roles', value: '', autocomplete: 'off' }),
  };
  // A change of household is a dated move (迁入其他户), not an edit.
  if (p) c.household.disabled = true;
  let known = households;
  // A household lives in a building: choosing it fills 楼栋 (one pick instead of two).
  c.household.addEventListener('change', () => {
    const h = known.find((x) => x.id === c.household.value);
    if (h?.place_id) c.place.value = h.place_id;
  });
  const form = el('form', { class: 'person-form', id: 'person-form', novalidate: true },
    el('h3', {}, p ? R.editPerson : R.addPerson),
    el('div', { class: 'form-grid' },
      field(R.personName, c.name), field(R.phone, c.phone),
      field(R.household, c.household), field(R.building, c.place),
      el('div', { class: 'field wide' }, el('span', { class: 'label' }, R.roles), c.roles),
      field(S.moves.otherRoles, c.otherRoles, { hint: S.moves.otherRolesHint, wide: true }),
      el('label', { class: 'check' }, c.core, R.core),
      field(R.note, c.note)),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', id: 'save-person' }, p ? R.save : R.addPerson),
      p ? el('button', { type: 'button', onclick: () => { state.editing = null; fill(card, state, {}); } }, R.cancel) : null));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const person = {
      name: c.name.value, phone: c.phone.value,
      roles: [...c.roles.querySelectorAll('[aria-pressed=true]')].map((b) => b.dataset.role)
        .concat(c.otherRoles.value.split(/[、，,；;\s]+/).map((r) => r.trim()).filter(Boolean)),
      household_id: c.household.value || null, place_id: c.place.value || null,
      is_core_member: c.core.checked, note: c.note.value,
    };
    let saved;
    try {
      saved = p ? await api.updatePerson(p.id, person) : await api.addPerson(person);
    } catch (e) { showError(form, e); return; }
    flash(p ? R.personUpdated(saved.name) : R.personAdded(saved.name));
    // The next person is often of the same household: 所在户 and 楼栋 stay, the rest is emptied.
    const next = p ? {} : { household: person.household_id, place: person.place_id };
    state.editing = null;
    try {
      await fill(card, state, next);
      card.querySelector('input[name=person-name]').focus();
    } catch { /* the save is done and said; the hub's refresh shows the list or its error */ }
    state.hub?.changed();
  });
  return {
    node: form,
    refill({ households: hs, places: ps }) {
      known = hs;
      refillSelect(c.household, householdChoices(hs, p?.household_id), R.noHousehold);
      refillSelect(c.place, placeChoices(ps, p?.place_id), R.noBuilding);
    },
  };
}

// A role held for a term (推选) reads 院坝长（2026-12-03至2029-12-02）; other roles as they are.
function rolesText(p, terms) {
  const mine = terms.filter((t) => t.person_id === p.id);
  return p.roles.map((r) => {
    const t = mine.find((x) => x.role === r);
    return t ? R.roleTerm(r, t.term_from, t.term_to) : r;
  }).join('、');
}

function table(card, state, people, places, households, terms) {
  const path = (id) => (places.find((x) => x.id === id) || {}).path || '';
  const edit = async (p) => {
    state.editing = p;
    await fill(card, state, {});
    card.querySelector('#person-form').scrollIntoView({ block: 'nearest' });
    card.querySelector('input[name=person-name]').focus();
  };
  return el('table', { class: 'grid', id: 'people-table' },
    el('thead', {}, el('tr', {}, R.peopleColumns.map((h) => el('th', {}, h)))),
    el('tbody', {}, people.map((p) => el('tr', { 'data-id': p.id, class: p.retired ? 'is-retired' : null },
      el('td', {}, p.name, p.is_core_member ? el('span', { class: 'badge core' }, R.coreMark) : null, retiredBadge(p)),
      el('td', { class: 'phone nowrap' }, p.phone_masked),
      el('td', { class: 'roles' }, rolesText(p, terms)),
      el('td', { class: 'nowrap' }, p.household_label),
      el('td', {}, path(p.place_id)),
      actionsCell(card, state, p, edit, households)))));
}

// 修改 and 停用 / 恢复; the reason line opens in the cell itself.
function actionsCell(card, state, p, edit, households) {
  const ask = el('div', { class: 'retire-host' });
  const moveHost = el('div', { class: 'move-host' });
  const changed = async () => { await refreshLists(card, state); state.hub?.changed(); };
  return el('td', { class: 'row-actions' },
    p.retired ? null : el('button', { type: 'button', class: 'link', onclick: () => edit(p) }, R.edit),
    retireLink('person', p, p.name, ask, changed), ...personMoveLinks(p, households, moveHost, changed), ask, moveHost);
}

// The households card: the list with each one's member count, and a one-line add form that keeps
// the building chosen (the households of one building are entered one after another).
export async function householdsCard(hub) {
  const card = el('section', { class: 'card', id: 'households-card' });
  const state = { hub, place: '' };
  await fillHouseholds(card, state);
  // Re-read for a place or person added elsewhere; the typed label and the building stay.
  hub?.on(() => fillHouseholds(card, state, { keepTyping: true }));
  return card;
}

async function fillHouseholds(card, state, { keepTyping = false } = {}) {
  const [households, places, people] = await Promise.all([api.listHouseholds(), api.listPlaces(), api.listPeople()]);
  const typed = keepTyping ? (card.querySelector('input[name=household-label]')?.value || '') : '';
  const old = card.querySelector('input[name=household-label]');
  const hadFocus = keepTyping && old && document.activeElement === old;
  const selection = hadFocus ? [old.selectionStart, old.selectionEnd] : null;
  const path = (id) => (places.find((x) => x.id === id) || {}).path || '';
  const label = el('input', { type: 'text', name: 'household-label', value: typed, autocomplete: 'off' });
  const place = el('select', { name: 'household-place' }, options(placeChoices(places), state.place, R.noBuilding));
  const changed = async () => { await fillHouseholds(card, state); state.hub?.changed(); };
  // A proposed next label belongs to the old building: another building empties it.
  place.addEventListener('change', () => {
    state.place = place.value;
    if (label.value === state.proposal) label.value = '';
  });
  const form = el('form', { class: 'row-form', novalidate: true },
    field(R.householdPlace, place), field(R.householdLabel, label),
    el('button', { type: 'submit', id: 'add-household' }, R.addHousehold), el('div', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    let added;
    try {
      added = await api.addHousehold({ label: label.value, place_id: place.value || null });
    } catch (e) { showError(form, e); return; }
    flash(R.householdAdded(added.label));
    state.place = place.value;
    try {
      await fillHouseholds(card, state);
      state.proposal = propose(card.querySelector('input[name=household-label]'), added.label);
    } catch { /* said above; the hub's refresh retries the list */ }
    state.hub?.changed();
  });
  clear(card).append(el('h2', {}, R.householdsCard),
    households.length
      ? el('ul', { class: 'plain-list', id: 'households-list' }, households.map((h) => {
        const ask = el('span', { class: 'retire-host' });
        const editHost = el('div', { class: 'move-host' });
        const facts = [path(h.place_id), R.members(h.members), h.head_name ? S.moves.headMark(h.head_name) : ''];
        return el('li', { 'data-id': h.id, class: h.retired ? 'is-retired' : null }, h.label, ' ',
          el('span', { class: 'muted' }, facts.filter(Boolean).join(' · ')), retiredBadge(h),
          retireLink('household', h, h.label, ask, changed), ...householdLinks(h, places, people, editHost, changed), ask, editHost);
      }))
      : el('p', { class: 'muted' }, R.noHouseholds),
    form);
  if (hadFocus) { label.focus(); label.setSelectionRange(...selection); }
}
