// 设置 → 名册: people who move (迁入其他户, 迁出本社区, 迁动经过) and households edited or ended
// (编辑, 注销). Every form opens in place below its row; the core checks the dates and says why a
// move is refused (before the last move, into an ended household, someone who has left).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash } from './forms.js';
import { active } from './retire.js';
import { actorName } from './actor.js';

const M = S.moves;

function inlineForm(host, title, fields, onSave) {
  const form = el('form', { class: 'inline-form move-form', novalidate: true },
    el('div', { class: 'form-grid' }, ...fields),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary' }, M.save),
      el('button', { type: 'button', onclick: () => clear(host) }, M.cancel)));
  form.setAttribute('aria-label', title);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try { await onSave(); } catch (e) { showError(form, e); }
  });
  clear(host).append(form);
  form.querySelector('input, select')?.focus();
  return form;
}

// The three actions of a person on the roster, with a host the forms open in.
export function personMoveLinks(p, households, host, changed) {
  const moveIn = () => {
    const to = el('select', { name: 'move-to' }, options(active(households).filter((h) => h.id !== p.household_id)
      .map((h) => ({ value: h.id, label: h.label })), '', M.choose));
    const day = el('input', { type: 'text', name: 'move-day', autocomplete: 'off', placeholder: '2026-11-10' });
    inlineForm(host, M.moveIn, [field(M.toHousehold, to), field(M.moveDay, day)], async () => {
      const saved = await api.movePerson(p.id, { to_household_id: to.value, day: day.value, recorded_by: actorName() });
      flash(M.moved(saved.name, saved.household_label));
      await changed();
    });
  };
  const leave = async () => {
    const vocab = await api.peopleVocab();
    const reason = el('select', { name: 'leave-reason' }, options(vocab.leave_reasons, vocab.leave_reasons[0]?.value));
    const day = el('input', { type: 'text', name: 'leave-day', autocomplete: 'off', placeholder: '2026-11-15' });
    const note = el('input', { type: 'text', name: 'leave-note', autocomplete: 'off' });
    inlineForm(host, M.leave, [field(M.leaveDay, day), field(M.reason, reason), field(M.note, note)], async () => {
      const saved = await api.personLeaves(p.id, { day: day.value, reason: reason.value, note: note.value, recorded_by: actorName() });
      flash(M.left(saved.name));
      await changed();
    });
  };
  const history = async () => {
    const moves = await api.personMoves(p.id);
    clear(host).append(moves.length
      ? el('ul', { class: 'plain-list move-history' }, moves.map((m) => el('li', {},
        el('span', { class: 'nowrap' }, m.day_label), ' ', m.summary, m.note ? `：${m.note}` : '', ' ',
        el('span', { class: 'muted' }, m.recorded_by === S.roster.actorDefault ? '' : M.recordedBy(m.recorded_by)))))
      : el('p', { class: 'muted' }, M.noHistory));
  };
  return [
    p.retired ? null : el('button', { type: 'button', class: 'link', 'data-action': 'move-in', onclick: moveIn }, M.moveIn),
    p.retired ? null : el('button', { type: 'button', class: 'link', 'data-action': 'leave', onclick: leave }, M.leave),
    el('button', { type: 'button', class: 'link', 'data-action': 'history', onclick: history }, M.history),
  ];
}

// 编辑 and 注销 of a household in the households card.
export function householdLinks(h, places, people, host, changed) {
  if (h.retired) return [];
  const edit = () => {
    const label = el('input', { type: 'text', name: 'edit-household-label', value: h.label, autocomplete: 'off' });
    const place = el('select', { name: 'edit-household-place' },
      options(active(places, h.place_id).map((x) => ({ value: x.id, label: x.path })), h.place_id || '', M.choose));
    const members = people.filter((p) => p.household_id === h.id && !p.retired);
    const head = el('select', { name: 'edit-household-head' },
      options(members.map((p) => ({ value: p.id, label: p.name })), h.head_person_id || '', M.noHead));
    inlineForm(host, M.editHousehold, [field(M.householdLabel, label), field(M.householdPlace, place), field(M.head, head)], async () => {
      const saved = await api.updateHousehold(h.id, { label: label.value, place_id: place.value || null, head_person_id: head.value || null });
      flash(M.householdSaved(saved.label));
      await changed();
    });
  };
  const end = () => {
    const day = el('input', { type: 'text', name: 'end-day', autocomplete: 'off', placeholder: '2026-11-10' });
    inlineForm(host, M.endHousehold, [field(M.endDay, day, { hint: M.endHint })], async () => {
      const saved = await api.endHousehold(h.id, day.value);
      flash(M.householdEnded(saved.label));
      await changed();
    });
  };
  return [
    el('button', { type: 'button', class: 'link', 'data-action': 'edit-household', onclick: edit }, M.editHousehold),
    el('button', { type: 'button', class: 'link', 'data-action': 'end-household', onclick: end }, M.endHousehold),
  ];
}
