// 设置 as a first-start checklist: the steps in the order the work goes (社区信息 → 地点 → 户 →
// 名册 → 分类 → 积分规则), each saying what is already done, and a hub through which the cards of
// the page tell each other that a register changed, so a place just added is offered at once in
// 户 and 名册 without leaving 设置.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';

const C = S.setup;

// One per visit of 设置: cards register a refresh, and call `changed()` after a write.
export function setupHub() {
  const listeners = [];
  return {
    on(refresh) { listeners.push(refresh); },
    // Every listener runs even if one fails: a failed re-read must not hide the others' news.
    async changed() {
      await Promise.allSettled(listeners.map((refresh) => refresh()));
    },
  };
}

// What each step counts, read in one go.
async function progress() {
  const [community, places, households, people, categories, rules] = await Promise.all([
    api.communitySettings(), api.listPlaces(), api.listHouseholds(), api.listPeople(),
    api.listCategories(false), api.pointsRules(),
  ]);
  return { community, places, households, people, categories, rules };
}

// “1 个小区 · 2 个楼栋”: places counted by kind, in the order they were first added.
export function placeSummary(places) {
  const counts = new Map();
  for (const p of places) counts.set(p.kind_label, (counts.get(p.kind_label) || 0) + 1);
  return [...counts].map(([kind, n]) => C.placesOfKind(n, kind)).join(' · ');
}

function steps(p) {
  const classes = p.categories.filter((c) => !c.parent_id).length;
  return [
    { key: 'community', card: 'community-card', done: Boolean(p.community.name.trim()), text: p.community.name.trim() || C.communityTodo },
    { key: 'places', card: 'places-card', done: p.places.length > 0, text: p.places.length ? placeSummary(p.places) : C.placesTodo },
    { key: 'households', card: 'households-card', done: p.households.length > 0, text: p.households.length ? C.households(p.households.length) : C.householdsTodo },
    { key: 'people', card: 'roster-card', done: p.people.length > 0, text: p.people.length ? C.people(p.people.length) : C.peopleTodo },
    { key: 'categories', card: 'catalogue-card', done: p.categories.length > 0, text: C.categories(classes, p.categories.length - classes) },
    { key: 'rules', card: 'settings-points-rules', done: true, text: C.rules(p.rules.attendance, p.rules.speaking) },
  ];
}

// The checklist card; it re-reads its counts whenever the hub says something changed.
export async function checklistCard(hub) {
  const card = el('nav', { class: 'card checklist', id: 'setup-checklist', 'aria-label': C.title });
  const fill = async () => {
    let p;
    try { p = await progress(); } catch (e) { clear(card).append(el('p', { class: 'form-error' }, e.message)); return; }
    const list = steps(p);
    const next = list.find((s) => !s.done);
    const summary = [placeSummary(p.places), C.households(p.households.length), C.people(p.people.length)].filter(Boolean).join(' · ');
    clear(card).append(
      el('h2', {}, C.title, el('span', { class: 'summary', id: 'setup-summary' }, summary)),
      el('ol', { class: 'steps' }, list.map((s, i) => el('li', { class: s.done ? 'done' : s === next ? 'next' : 'todo', 'data-step': s.key },
        el('button', { type: 'button', onclick: () => jump(s.card) },
          el('span', { class: 'mark', 'aria-hidden': 'true' }, s.done ? '✓' : String(i + 1)),
          el('span', { class: 'step-name' }, C.names[s.key]),
          el('span', { class: 'step-text' }, s.text),
          s === next ? el('span', { class: 'badge next-badge' }, C.next) : null)))));
  };
  hub.on(fill);
  await fill();
  return card;
}

// Scrolls to a card and puts the cursor in its first box, ready to type.
function jump(id) {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  const box = target.querySelector('input[type=text], input:not([type]), select');
  if (box) box.focus({ preventScroll: true });
}

// The label she will probably type next: the last number in the one just added, plus one
// (“1号楼” → “2号楼”, “3-101” → “3-102”, “01” → “02”); '' when there is no number.
export function nextLabel(label) {
  const m = /^(.*?)(\d+)(\D*)$/.exec(label.trim());
  if (!m) return '';
  const n = String(Number(m[2]) + 1).padStart(m[2].length, '0');
  return `${m[1]}${n}${m[3]}`;
}

// Puts the proposed next label in the box, selected, so typing replaces it and Enter accepts it.
export function propose(input, added) {
  input.value = nextLabel(added);
  input.focus();
  input.select();
  return input.value;
}
