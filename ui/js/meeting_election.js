// 推选: the election panel of one agenda item (院坝长, 业委会委员, 居民代表…). The role is typed
// or picked from the common ones, candidates come from the roster or are typed, each with its
// votes; the core counts (record_election), names the elected and states a tie, and the
// elected get the role with its term on the roster. 打印选举结果公示 prints the notice.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { flash, showError, clearErrors } from './forms.js';
import { printRecord } from './print.js';

const E = S.meetings.election;

function field(label, control) {
  return el('label', { class: 'field', 'data-label': label },
    el('span', { class: 'label' }, label), control, el('div', { class: 'field-error' }));
}

export async function renderElection(box, page, item) {
  const [people, held, participants] = await Promise.all([
    api.listPeople().then((ps) => ps.filter((p) => !p.retired)), api.itemElections(item.id),
    api.meetingParticipants(page.meeting.id),
  ]);
  const roles = el('datalist', { id: 'election-roles' }, E.commonRoles.map((r) => el('option', { value: r })));
  const role = el('input', { name: 'election-role', list: 'election-roles', placeholder: E.rolePlaceholder });
  const seats = el('input', { type: 'number', min: '1', step: '1', name: 'election-seats', class: 'count', value: '1' });
  const present = el('input', { type: 'number', min: '0', step: '1', name: 'election-present', class: 'count',
    value: String(participants.filter((p) => p.attended && !p.observer).length) });
  const method = el('select', { name: 'election-method' },
    page.vocab.vote_methods.map((m) => el('option', { value: m.value }, m.label)));
  method.value = 'ballot';
  const rule = el('select', { name: 'election-rule' },
    Object.entries(E.rules).map(([value, label]) => el('option', { value }, label)));
  const from = el('input', { name: 'election-from', placeholder: '2026-12-03' });
  const to = el('input', { name: 'election-to', placeholder: '2029-12-02' });
  const rows = el('div', { class: 'election-candidates', id: 'election-candidates' });
  const addRow = () => {
    const pick = el('select', { name: 'candidate-person' }, el('option', { value: '' }, E.fromRoster),
      people.map((p) => el('option', { value: p.id }, p.name)));
    const name = el('input', { name: 'candidate-name', placeholder: E.typed });
    const votes = el('input', { type: 'number', min: '0', step: '1', name: 'candidate-votes', class: 'count', 'aria-label': E.votes });
    const row = el('div', { class: 'candidate-row' }, pick, name, el('label', { class: 'candidate-votes' }, E.votes, votes),
      el('button', { type: 'button', class: 'link', onclick: () => row.remove() }, E.remove));
    rows.append(row);
  };
  addRow();
  addRow();
  const result = el('div', { class: 'election-result', id: 'election-result', role: 'status', 'aria-live': 'polite' });
  const list = el('div', { id: 'election-records' });
  const form = el('form', { class: 'election-form', id: 'election-form', onsubmit: (ev) => { ev.preventDefault(); save(); } },
    roles,
    field(E.role, role),
    el('div', { class: 'row' }, field(E.seats, seats), field(E.present, present)),
    el('div', { class: 'row' }, field(E.method, method), field(E.rule, rule)),
    el('div', { class: 'row' }, field(E.termFrom, from), field(E.termTo, to)),
    el('div', { class: 'field', 'data-label': '候选人姓名' }, el('span', { class: 'label' }, E.candidates), rows,
      el('div', { class: 'field-error' })),
    el('button', { type: 'button', id: 'add-candidate', onclick: () => addRow() }, E.addCandidate),
    el('div', { class: 'form-error', role: 'alert' }),
    el('button', { type: 'submit', class: 'primary', id: 'record-election', disabled: page.closed() || null }, E.record));

  const whole = (input, label) => {
    const raw = input.value.trim();
    const n = raw === '' ? 0 : Number(raw);
    if (!Number.isInteger(n) || n < 0) throw { message: E.notANumber(label), field: label };
    return n;
  };
  async function save() {
    clearErrors(form);
    if (page.closed()) { showError(form, E.closed); return; }
    let election;
    try {
      const candidates = [...rows.querySelectorAll('.candidate-row')].map((r) => {
        const person = r.querySelector('[name=candidate-person]').value;
        return { person_id: person || null, name: r.querySelector('[name=candidate-name]').value,
          votes: whole(r.querySelector('[name=candidate-votes]'), E.votes) };
      }).filter((c) => c.person_id || c.name.trim() || c.votes);
      if (!candidates.length) throw { message: E.noCandidates };
      election = { role: role.value, seats: whole(seats, E.seats), method: method.value, rule: rule.value,
        present: whole(present, E.present), candidates, term_from: from.value, term_to: to.value };
    } catch (e) { showError(form, e); return; }
    try {
      const e = await api.recordElection(item.id, election);
      flash(E.recorded);
      show(result, e);
      held.push(e);
      showHeld();
    } catch (e) { showError(form, e); }
  }
  function showHeld() {
    clear(list);
    if (!held.length) return;
    list.append(el('h3', {}, E.held), ...held.map((e) => {
      const out = el('div', { class: 'print-result' });
      const line = el('div', { class: 'election-record', 'data-id': e.id });
      show(line, e);
      line.append(el('button', { type: 'button', class: 'print-election',
        onclick: () => printRecord('election', e.id, E.printTitle(e.role), out) }, E.print),
      el('button', { type: 'button', class: 'print-election-ballots',
        onclick: () => printRecord('ballots', item.id, E.paperTitle(e.role), out) }, E.printBallots),
      el('button', { type: 'button', class: 'print-election-tally',
        onclick: () => printRecord('tally', item.id, E.paperTitle(e.role), out) }, E.printTally), out);
      return line;
    }));
  }
  showHeld();
  box.append(form, result, list);
}

// The core's words: who is elected, a tie stated, each candidate's votes.
function show(box, e) {
  clear(box).append(el('p', { class: 'election-explanation' }, el('b', {}, e.role), ' ', e.explanation),
    el('ul', {}, e.candidates.map((c) => el('li', { class: c.elected ? 'elected' : c.tied ? 'tied' : null },
      E.votesOf(c.name, c.votes), c.elected ? el('span', { class: 'badge' }, E.elected) : null,
      c.tied ? el('span', { class: 'badge warn' }, E.tied) : null))),
    el('p', { class: 'hint' }, E.term(e.term_from, e.term_to)));
}
