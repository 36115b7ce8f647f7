// 设置 → 参会模式: the saved 3+N of a 小区, a village's 4+N, 六方议事, 7+X — a name, the roles
// whose holders are invited (of a place and the places below it, if one is chosen) and named
// people. 会前 offers them as “按此模式邀请”. A deleted pattern leaves prepared meetings as they are.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, clearErrors, showError, flash } from './forms.js';
import { active } from './retire.js';
import { roleChips } from './roster.js';

const P = S.patterns;

export async function patternsCard(hub) {
  const card = el('section', { class: 'card', id: 'patterns-card' });
  // Roster changes (a new 居民代表) redraw it through the hub; its own writes tell the hub too.
  const draw = async () => fill(card, () => (hub ? hub.changed() : draw()));
  hub?.on(draw);
  await draw();
  return card;
}

async function fill(card, changed) {
  const [patterns, vocab, places, people] = await Promise.all([
    api.participantPatterns(), api.communityVocab(), api.listPlaces(), api.listPeople(),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const pathOf = new Map(places.map((p) => [p.id, p.path]));
  const list = patterns.length
    ? el('ul', { class: 'plain-list', id: 'patterns-list' }, patterns.map((p) => el('li', { 'data-id': p.id },
      el('b', {}, p.name), ' ', P.summary(p.roles, p.people.map((id) => nameOf.get(id) || P.unknownPerson), pathOf.get(p.place_id)),
      ' ', el('button', { type: 'button', class: 'link delete-pattern', onclick: (ev) => remove(ev.currentTarget, p, changed) }, P.delete))))
    : el('p', { class: 'muted' }, P.none);
  clear(card).append(el('h2', {}, P.card), el('p', { class: 'hint' }, P.intro), list, form(vocab, places, people, changed));
}

function form(vocab, places, people, changed) {
  const c = {
    name: el('input', { type: 'text', name: 'pattern-name', placeholder: P.nameHint, autocomplete: 'off' }),
    place: el('select', { name: 'pattern-place' }, options(active(places).map((p) => ({ value: p.id, label: p.path })), '', P.anyPlace)),
    roles: roleChips(vocab.roles, [], P.roles),
    people: el('select', { name: 'pattern-people', multiple: true, size: 6 },
      active(people).map((p) => el('option', { value: p.id }, `${p.name}${p.roles[0] ? `（${p.roles[0]}）` : ''}`))),
  };
  const f = el('form', { class: 'pattern-form', id: 'pattern-form', novalidate: true },
    field(P.name, c.name), field(P.place, c.place, { hint: P.placeHint }),
    el('div', { class: 'field wide', 'data-label': P.roles }, el('span', { class: 'label' }, P.roles), c.roles, el('div', { class: 'field-error' })),
    field(P.people, c.people, { hint: P.peopleHint }),
    el('div', { class: 'form-error', role: 'alert' }),
    el('button', { type: 'submit', id: 'save-pattern' }, P.save));
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(f);
    const roles = [...c.roles.querySelectorAll('[aria-pressed=true]')].map((b) => b.dataset.role);
    const chosen = [...c.people.selectedOptions].map((o) => o.value);
    if (!roles.length && !chosen.length) { showError(f, P.empty); return; }
    try {
      await api.saveParticipantPattern({ name: c.name.value, place_id: c.place.value || null, roles, people: chosen });
    } catch (e) { showError(f, e); return; }
    flash(P.saved(c.name.value.trim()));
    await changed();
  });
  return f;
}

// The first click asks (the button says 确认删除), the second deletes.
async function remove(button, p, changed) {
  if (!button.dataset.armed) {
    button.dataset.armed = '1';
    button.textContent = P.confirmDelete;
    return;
  }
  try {
    await api.deleteParticipantPattern(p.id);
  } catch (e) { flash(e.message); return; }
  flash(P.deleted(p.name));
  await changed();
}
