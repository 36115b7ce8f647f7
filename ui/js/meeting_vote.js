// 表决: the vote panel of one agenda item. Method (举手 / 一户一票 / 投票), counts, 到会 and 应到
// prefilled from the sign-in and the household roster, the rule and an optional quorum. The
// core counts as she types (evaluate_vote) and says why in words; impossible counts come back
// as its message and cannot be recorded. 一户一票 is ticked off household by household.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { flash } from './forms.js';
import { redraw } from './guard.js';
import { partsForm, partsLine, withinScope } from './vote_parts.js';
import { printRecord } from './print.js';

const V = S.meetings.vote;
const COUNTS = ['agree', 'oppose', 'abstain', 'present', 'eligible'];
// Blank 表决票 printed for a vote by ballot when 到会 is not filled in (docs/BALLOTS.md).
const BLANK_BALLOTS = 30;

export async function renderVote(box, page, item) {
  const [people, households, householdCount, roster, places] = await Promise.all([
    api.meetingParticipants(page.meeting.id), api.listHouseholds().then((hs) => hs.filter((h) => !h.retired)), api.householdCount(),
    api.listPeople(), api.listPlaces(),
  ]);
  // 一户一票: a household one of whose members signed in is 到会 from the start.
  const signedIn = new Set(people.filter((p) => p.attended && p.person_id).map((p) => p.person_id));
  const arrived = new Set(roster.filter((p) => signedIn.has(p.id) && p.household_id).map((p) => p.household_id));
  const where = new Map(places.map((p) => [p.id, p.path]));
  const prefill = {
    // 列席 have no vote: they are never 到会 or 应到 of a vote.
    hands: { present: people.filter((p) => p.attended && !p.observer).length, eligible: people.filter((p) => !p.observer).length },
    household: { present: 0, eligible: householdCount },
  };
  prefill.ballot = prefill.hands;
  let method = 'hands';
  let outcome = null;
  const ticks = new Map();
  // Households already counted in a part of this panel's vote: shown as 已计入, not ticked again.
  const counted = new Set();
  const inputs = Object.fromEntries([...COUNTS, 'quorum'].map((k) => [k,
    el('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric', name: k, class: 'count' })]));
  inputs.quorum.placeholder = V.noQuorum;
  const rule = el('select', { name: 'rule' }, page.vocab.vote_rules.map((r) => el('option', { value: r.value }, r.label)));
  const methods = el('div', { class: 'choice', role: 'group', 'aria-label': V.method });
  const live = el('div', { class: 'vote-live', id: 'vote-live', role: 'status', 'aria-live': 'polite' });
  const record = el('button', { type: 'button', class: 'primary', id: 'record-vote', onclick: () => save() }, V.record);
  const houseBox = el('div', { class: 'household-box' });
  const printed = el('div', { class: 'print-result', id: 'ballots-print-result', role: 'status' });
  // 一户一票: a slip per household of the 表决范围 (“<item>@<place>”); otherwise blank slips, one
  // per person 到会 (“<item>*<n>”).
  const ballotsId = () => {
    // 指定住户: the core prints slips by place only, so a list gets one blank slip per listed household.
    if (method === 'household' && parts.isList()) return `${item.id}*${parts.listed.size || BLANK_BALLOTS}`;
    if (method === 'household') return parts.scope() ? `${item.id}@${parts.scope()}` : item.id;
    const n = Number(inputs.present.value.trim());
    return `${item.id}*${Number.isInteger(n) && n > 0 ? n : BLANK_BALLOTS}`;
  };
  const printBallots = el('button', { type: 'button', id: 'print-ballots',
    onclick: () => printRecord('ballots', ballotsId(), item.title, printed) }, V.printBallots);
  const printTally = el('button', { type: 'button', id: 'print-tally',
    onclick: () => printRecord('tally', item.id, item.title, printed) }, V.printTally);
  // The field names say what is counted: people for hands and ballots, households for 一户一票.
  const labels = Object.fromEntries([...COUNTS, 'quorum'].map((k) => [k, el('span', { class: 'field-name' }, V.fields[k])]));
  const recorded = el('div', { id: 'vote-records' });
  const parts = partsForm(places, () => drawHouseholds());
  const tickedList = () => [...ticks.entries()];

  const numbers = () => {
    const out = {};
    for (const k of COUNTS) {
      const raw = inputs[k].value.trim();
      const n = raw === '' ? 0 : Number(raw);
      if (!Number.isInteger(n) || n < 0) throw { message: V.notANumber(V.fields[k]) };
      out[k] = n;
    }
    const q = inputs.quorum.value.trim();
    const quorum = q === '' ? null : Number(q);
    if (quorum !== null && (!Number.isInteger(quorum) || quorum < 0)) throw { message: V.notANumber(V.fields.quorum) };
    return { method, ...out, rule: rule.value, quorum };
  };
  async function evaluate() {
    try {
      const input = numbers();
      if (input.agree + input.oppose + input.abstain === 0) {
        // Nothing counted yet: no verdict, least of all a red 未通过.
        outcome = null;
        live.dataset.result = 'empty';
        clear(live).append(el('span', { class: 'muted' }, V.fillCounts));
        record.disabled = true;
        return;
      }
      outcome = await api.evaluateVote(input);
      live.dataset.result = outcome.result;
      clear(live).append(el('b', { class: 'vote-result' }, page.label('vote_results', outcome.result)), el('span', {}, outcome.explanation));
    } catch (e) {
      outcome = null;
      live.dataset.result = 'invalid';
      clear(live).append(el('span', { class: 'vote-refused' }, e.message));
    }
    record.disabled = !outcome || page.closed();
  }
  // 一户一票: the ticks decide the counts; the boxes show them.
  function fromTicks() {
    const n = (c) => [...ticks.values()].filter((x) => x === c).length;
    inputs.agree.value = n('agree'); inputs.oppose.value = n('oppose'); inputs.abstain.value = n('abstain');
    inputs.present.value = ticks.size;
  }
  // Households 到会 that have not said 同意, 反对 or 弃权 yet: recorded only once each has.
  const undecided = () => [...ticks.values()].filter((x) => x === PRESENT).length;
  function setMethod(m) {
    method = m;
    for (const b of methods.children) b.setAttribute('aria-pressed', String(b.dataset.method === m));
    // Counts not known yet start empty (read as 0): typing 3 gives 3, not “03”.
    for (const k of COUNTS) inputs[k].value = k in prefill[m] ? prefill[m][k] : '';
    const household = m === 'household';
    for (const k of ['agree', 'oppose', 'abstain', 'present']) inputs[k].readOnly = household;
    for (const k of [...COUNTS, 'quorum']) labels[k].textContent = (household ? V.householdFields : V.fields)[k];
    clear(houseBox);
    if (household) drawHouseholds();
    evaluate();
  }
  // The households of the chosen scope; those signed in (and not yet counted) start as 到会.
  function drawHouseholds() {
    const inScope = households.filter((h) => withinScope(places, h.place_id, parts.scope()));
    ticks.clear();
    for (const h of inScope) if (arrived.has(h.id) && !counted.has(h.id)) ticks.set(h.id, PRESENT);
    // 应到 of a scoped vote is the scope's households (the core counts it again on recording).
    inputs.eligible.value = parts.isList() ? parts.listed.size : parts.scope() ? inScope.length : householdCount;
    const none = households.length && !inScope.length ? el('p', { class: 'muted' }, V.noneInScope) : null;
    const list = parts.isList() ? parts.listed : null;
    const changed = () => { if (list) inputs.eligible.value = list.size; fromTicks(); evaluate(); };
    clear(houseBox).append(parts.node, none || householdList(inScope, { page, ticks, arrived, where, counted, list }, changed));
    fromTicks();
    evaluate();
  }
  // After a part is recorded its households are counted: the next part starts from none ticked.
  function partRecorded() {
    if (method !== 'household') return;
    for (const id of ticks.keys()) counted.add(id);
    drawHouseholds();
  }
  async function save() {
    try {
      const input = numbers();
      if (method === 'household') {
        if (undecided()) throw { message: V.undecided(undecided()) };
        const part = parts.part(tickedList());
        if (parts.plain()) {
          // All households, all counted here: the 应到 she sees and may correct, as before.
          await api.recordHouseholdVote(item.id, part.ticks, input.eligible, input.rule, input.quorum);
        } else {
          // A scope or a part: 应到 is the core's, the scope's households on the meeting's day.
          await api.recordVoteInParts(item.id, { scope: parts.electorate(), rule: input.rule, quorum: input.quorum, parts: [part] });
        }
      } else {
        await api.recordVote(item.id, input);
      }
    } catch (e) {
      clear(live).append(el('span', { class: 'vote-refused' }, e.message));
      live.dataset.result = 'invalid';
      return;
    }
    flash(V.recorded);
    partRecorded();
    await redraw(recorded, drawRecorded);
  }
  async function drawRecorded() {
    const votes = await api.itemVotes(item.id);
    clear(recorded).append(...(votes.length ? [el('h4', {}, V.recordedTitle)] : []),
      ...votes.map((v) => el('div', { class: 'vote-record', 'data-result': v.result },
        el('b', {}, `${page.label('vote_methods', v.method)} · ${page.label('vote_results', v.result)}`),
        el('div', {}, V.summary(v)),
        v.electorate_label ? el('div', {}, V.parts.scopeOf(v.electorate_label)) : null,
        v.parts.length ? el('div', {}, partsLine(v)) : null,
        el('div', { class: 'muted' }, v.explanation),
        v.parts.length && !page.closed() ? el('button', { type: 'button', onclick: () => addPart(v) }, V.parts.addPart) : null)));
  }
  // A part that arrives later: the households ticked now, counted into the recorded vote.
  async function addPart(v) {
    try {
      if (undecided()) throw { message: V.undecided(undecided()) };
      await api.addVotePart(v.id, parts.part(tickedList()));
      flash(V.recorded);
      partRecorded();
      await drawRecorded();
    } catch (e) {
      clear(live).append(el('span', { class: 'vote-refused' }, e.message));
      live.dataset.result = 'invalid';
    }
  }
  for (const m of page.vocab.vote_methods) {
    methods.append(el('button', { type: 'button', class: 'method', 'data-method': m.value, onclick: () => setMethod(m.value) }, m.label));
  }
  if (page.closed()) {
    // A closed meeting's votes are history: show what was recorded, no calculator.
    box.append(el('div', { class: 'vote-panel', id: 'vote-panel' }, el('h3', {}, V.title(item.title)), recorded));
    await drawRecorded();
    if (!recorded.childElementCount) recorded.append(el('p', { class: 'muted' }, V.noneRecorded));
    return;
  }
  for (const k of [...COUNTS, 'quorum']) inputs[k].addEventListener('input', evaluate);
  rule.addEventListener('change', evaluate);
  box.append(el('div', { class: 'vote-panel', id: 'vote-panel' },
    el('h3', {}, V.title(item.title)), methods,
    el('div', { class: 'vote-grid' }, ...[...COUNTS, 'quorum'].map((k) => el('label', { class: 'field' }, labels[k], inputs[k])),
      el('label', { class: 'field rule-field' }, V.rule, rule)),
    live, houseBox, el('div', { class: 'actions' }, record, printBallots, printTally), printed, recorded));
  setMethod(method);
  await drawRecorded();
}

// The value of a household that came but has not voted yet (never sent to the core).
const PRESENT = 'present';

// One row per household, signed-in ones first and 到会; a box above filters by 门牌 or 楼栋.
function householdList(households, { page, ticks, arrived, where, counted, list }, changed) {
  if (households.length === 0) return el('p', { class: 'muted' }, V.noHouseholds);
  const choices = [{ value: '', label: V.notHere }, { value: PRESENT, label: V.present }, ...page.vocab.choices];
  const ordered = [...households].sort((a, b) => Number(arrived.has(b.id)) - Number(arrived.has(a.id)));
  const rows = ordered.map((h) => {
    const building = where.get(h.place_id) || '';
    const start = ticks.get(h.id) || '';
    const label = el('span', { class: 'household-label' }, h.label, building ? el('small', { class: 'muted' }, ` ${building}`) : null);
    if (counted.has(h.id)) {
      return el('div', { class: 'household counted', 'data-id': h.id, 'data-find': `${h.label} ${building}` },
        label, el('span', { class: 'badge ok' }, V.counted));
    }
    // 指定住户: 列入 puts the household on the vote's list; giving it a choice lists it too.
    const inList = list ? el('input', { type: 'checkbox', class: 'in-list', checked: list.has(h.id),
      onchange: (ev) => { if (ev.currentTarget.checked) list.add(h.id); else list.delete(h.id); changed(); } }) : null;
    const pick = (value) => {
      if (value) ticks.set(h.id, value); else ticks.delete(h.id);
      if (list && value && !list.has(h.id)) { list.add(h.id); inList.checked = true; }
      changed();
    };
    return el('div', { class: 'household', 'data-id': h.id, 'data-find': `${h.label} ${building}` },
      label,
      list ? el('label', { class: 'check in-list-label' }, inList, V.parts.inList) : null,
      el('span', { class: 'radios' }, choices.map((c) => el('label', { class: 'radio' },
        el('input', { type: 'radio', name: `hh-${h.id}`, value: c.value, checked: c.value === start,
          onchange: () => pick(c.value) }), c.label))));
  });
  const find = el('input', { type: 'search', id: 'household-find', placeholder: V.findHint, 'aria-label': V.findHint, autocomplete: 'off' });
  find.addEventListener('input', () => {
    const q = find.value.trim();
    for (const r of rows) r.hidden = Boolean(q) && !r.dataset.find.includes(q);
  });
  return el('div', { class: 'household-box-inner' }, households.length > 8 ? find : null,
    el('div', { class: 'household-list', id: 'household-list' }, rows));
}
