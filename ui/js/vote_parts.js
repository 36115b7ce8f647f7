// 一户一票 counted in parts: whose vote it is (全体住户, or the households of a building, a unit, a
// 村民小组) and where the ticked households were counted (现场, a ballot box, 线上 typed from the
// WeChat poll, 入户征求 with who took it, how and when). The core computes 应到 for the vote's day
// and refuses a household counted twice; this form only gathers what she typed.
import { S } from './strings.js';
import { el } from './dom.js';

const P = S.meetings.vote.parts;

// The form, and what the panel sends: part(ticks), electorate(), and plain() for the old path.
export function partsForm(places, onScope) {
  const scope = el('select', { name: 'vote_scope' }, el('option', { value: '' }, P.everyone),
    places.filter((p) => !p.retired).map((p) => el('option', { value: p.id }, P.placeHouseholds(p.path))),
    el('option', { value: LIST }, P.listScope));
  // 指定住户: the households ticked 列入 on the list below (those given a choice are listed too).
  const listed = new Set();
  const kind = el('select', { name: 'part_kind' }, P.kinds.map((k) => el('option', { value: k.value }, k.label)));
  const label = el('input', { type: 'text', name: 'part_label', placeholder: P.labelHint, 'aria-label': P.label });
  const by = el('input', { type: 'text', name: 'recorded_by', placeholder: P.byHint, 'aria-label': P.by });
  const how = el('select', { name: 'recorded_how' }, P.hows.map((h) => el('option', { value: h.value }, h.label)));
  const at = el('input', { type: 'text', name: 'recorded_at', placeholder: P.atHint, 'aria-label': P.at });
  const visit = el('div', { class: 'row visit-fields', hidden: true },
    el('label', { class: 'field' }, P.by, by), el('label', { class: 'field' }, P.how, how), el('label', { class: 'field' }, P.at, at));
  kind.addEventListener('change', () => { visit.hidden = kind.value !== 'visit'; });
  scope.addEventListener('change', () => onScope(scope.value));
  const node = el('div', { class: 'vote-parts' },
    el('div', { class: 'row' }, el('label', { class: 'field' }, P.scope, scope), el('label', { class: 'field' }, P.kind, kind),
      el('label', { class: 'field' }, P.label, label)), visit);
  const part = (ticks) => ({
    kind: kind.value,
    label: label.value,
    ticks: ticks.map(([household_id, choice]) => (kind.value === 'visit'
      ? { household_id, choice, recorded_by: by.value, how: how.value, recorded_at: at.value }
      : { household_id, choice })),
  });
  const electorate = () => {
    if (scope.value === LIST) return { kind: 'list', household_ids: [...listed] };
    return scope.value ? { kind: 'place', place_id: scope.value } : { kind: 'community' };
  };
  // Every household and 现场 without a name: a plain 一户一票 as before parts existed.
  const plain = () => !scope.value && kind.value === 'onsite' && !label.value.trim();
  return { node, part, electorate, plain, scope: () => scope.value, listed, isList: () => scope.value === LIST };
}

// The scope value of 指定住户 (never a place id).
export const LIST = 'list';

// Whether a household's place lies within the chosen scope (the place itself or one below it).
export function withinScope(places, placeId, scopeId) {
  if (!scopeId || scopeId === LIST) return true;
  const parent = new Map(places.map((p) => [p.id, p.parent_id]));
  for (let at = placeId, hops = 0; at && hops < 32; at = parent.get(at), hops += 1) {
    if (at === scopeId) return true;
  }
  return false;
}

// “现场 12 户 · 线上 5 户 · 合计 17 户” under a recorded vote counted in parts.
export function partsLine(v) {
  const n = (p) => p.agree + p.oppose + p.abstain;
  return [...v.parts.map((p) => P.partCount(p.label, n(p))), P.partCount(P.total, v.present)].join(' · ');
}
