// 会前: the agenda (item 1 the generated follow-up with where each earlier decision stands,
// then accepted topics in the order set with ↑/↓) and the invitations (core members with one
// button, each topic's stakeholders — the N of 3+N).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { flash } from './forms.js';
import { redraw } from './guard.js';
import { actorName } from './actor.js';
import { renderPrint } from './meeting_print.js';

const M = S.meetings.prep;

export async function renderPrep(body, page) {
  const agendaBox = el('section', { class: 'card', id: 'agenda' });
  const pickBox = el('section', { class: 'card', id: 'agenda-add' });
  const inviteBox = el('section', { class: 'card', id: 'invitations' });
  const error = el('div', { class: 'form-error', role: 'alert', id: 'prep-error' });
  body.append(error, el('div', { class: 'prep-grid' }, el('div', {}, agendaBox, pickBox), inviteBox));
  const run = async (action, done) => {
    clear(error);
    let result;
    try {
      result = await action();
    } catch (e) {
      error.append(e.message);
      return;
    }
    // Reported as done even if the re-read below fails (that failure gets its own 重试).
    if (done) done(result);
    await redraw(error, draw);
  };
  async function draw() {
    const id = page.meeting.id;
    const [agenda, followup, participants, accepted, people] = await Promise.all([
      api.meetingAgenda(id), api.followupSummary(id), api.meetingParticipants(id),
      api.listTopics({ statuses: ['accepted'] }), api.listPeople(),
    ]);
    drawAgenda(agendaBox, agenda, followup, page, run);
    drawPick(pickBox, accepted, page, run);
    drawInvites(inviteBox, agenda, participants, people, page, run);
  }
  await draw();
  await renderPrint(body, page, { kinds: ['meeting_notice', 'sign_in'], items: [] });
}

function drawAgenda(box, agenda, followup, page, run) {
  const locked = page.closed();
  const last = agenda.length - 1;
  const items = agenda.map((item, i) => {
    const followUp = item.kind === 'follow_up';
    const buttons = locked || followUp ? [] : [
      el('button', { type: 'button', class: 'small up', title: M.up, 'aria-label': `${M.up}：${item.title}`, disabled: i <= 1,
        onclick: () => run(() => api.moveAgendaItem(item.id, 'up')) }, '↑'),
      el('button', { type: 'button', class: 'small down', title: M.down, 'aria-label': `${M.down}：${item.title}`, disabled: i === last,
        onclick: () => run(() => api.moveAgendaItem(item.id, 'down')) }, '↓'),
      el('button', { type: 'button', class: 'small remove', onclick: () => run(() => api.removeAgendaItem(item.id, actorName())) }, M.remove),
    ];
    return el('li', { class: 'agenda-item', 'data-id': item.id, 'data-kind': item.kind },
      el('div', { class: 'agenda-line' },
        el('span', { class: 'agenda-no' }, `${item.position}.`),
        el('span', { class: 'agenda-title' }, item.title),
        followUp ? null : el('span', { class: 'badge' }, page.label('agenda_kinds', item.kind)),
        el('span', { class: 'agenda-buttons' }, buttons)),
      followUp ? followupList(followup) : null);
  });
  clear(box).append(el('h2', {}, M.agenda), el('ol', { class: 'agenda-list' }, items));
}

// Item 1's content: each open decision of earlier meetings, its status and its tasks.
export function followupList(lines) {
  if (lines.length === 0) return el('p', { class: 'muted followup-empty' }, M.noFollowup);
  return el('ul', { class: 'followup' }, lines.map((l) => el('li', { class: 'followup-line' },
    el('div', {}, el('b', {}, l.topic_title), el('span', { class: 'status' }, l.topic_status_label),
      el('span', { class: 'muted' }, ` ${M.decidedAt(l.meeting_title)}`)),
    el('div', { class: 'followup-text' }, l.decision_text),
    l.tasks.length ? el('ul', { class: 'followup-tasks' }, l.tasks.map((t) => el('li', { class: t.overdue ? 'overdue' : '' },
      t.title, t.responsible_unit ? `（${t.responsible_unit}）` : '',
      t.deadline ? ` ${M.deadline}${t.deadline}` : '',
      t.overdue ? el('span', { class: 'badge urgent-badge' }, M.overdue) : null))) : null)));
}

function drawPick(box, accepted, page, run) {
  clear(box).append(el('h2', {}, M.addTitle));
  if (page.closed()) { box.append(el('p', { class: 'muted' }, M.closedHint)); return; }
  box.append(accepted.length === 0 ? el('p', { class: 'muted' }, M.noAccepted)
    : el('ul', { class: 'pick-topics', id: 'accepted-topics' }, accepted.map((t) => el('li', {},
      el('button', { type: 'button', class: 'small add-topic', 'data-id': t.id,
        // A topic back on an agenda brings its +N: the stakeholders invited for it before.
        onclick: () => run(async () => { await api.addAgendaTopic(page.meeting.id, t.id, actorName()); return api.invitePastStakeholders(page.meeting.id, t.id); },
          (again) => flash(again && again.length ? M.addedWith(t.title, again.length) : M.added(t.title))) }, M.addTopic),
      ' ', t.title))));
  const other = el('input', { type: 'text', name: 'other_title', placeholder: M.otherHint });
  box.append(el('form', { class: 'row', onsubmit: (ev) => { ev.preventDefault(); run(() => api.addAgendaOther(page.meeting.id, other.value)); } },
    el('label', { class: 'field' }, M.other, other),
    el('button', { type: 'submit' }, M.addOther)));
}

// A saved 3+N (4+N, 六方议事, 7+X) picked for this meeting: its roles and people invited.
async function patternRow(box, page, run) {
  const patterns = await api.participantPatterns().catch(() => []);
  if (!patterns.length) return;
  const select = el('select', { name: 'pattern', 'aria-label': M.pattern },
    patterns.map((p) => el('option', { value: p.id }, `${p.name}${p.roles.length ? `（${p.roles.join('、')}）` : ''}`)));
  box.append(el('div', { class: 'row', id: 'pattern-row' }, el('label', { class: 'field' }, M.pattern, select),
    el('button', { type: 'button', onclick: () => run(() => api.applyParticipantPattern(page.meeting.id, select.value), (list) => flash(M.invited(list.length))) }, M.applyPattern)));
}

function drawInvites(box, agenda, participants, people, page, run) {
  const kindOf = (v) => page.label('participant_kinds', v);
  clear(box).append(el('h2', {}, M.invites));
  if (!page.closed()) {
    box.append(el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', id: 'invite-core',
        onclick: () => run(() => api.inviteCoreMembers(page.meeting.id), (list) => flash(M.invited(list.length))) }, M.inviteCore)));
    patternRow(box, page, run);
    for (const item of agenda.filter((i) => i.topic_id)) {
      const select = el('select', { name: 'stakeholder', 'aria-label': M.stakeholderFor(item.title) },
        el('option', { value: '' }, M.choosePerson), people.filter((p) => !p.retired).map((p) => el('option', { value: p.id }, `${p.name}${p.roles[0] ? `（${p.roles[0]}）` : ''}`)));
      box.append(el('div', { class: 'row stakeholder-row', 'data-topic': item.topic_id },
        el('label', { class: 'field' }, M.stakeholderFor(item.title), select),
        el('button', { type: 'button', class: 'invite-stakeholder',
          onclick: () => select.value && run(() => api.inviteStakeholder(page.meeting.id, select.value, item.topic_id)) }, M.invite)));
    }
  }
  box.append(participants.length === 0 ? el('p', { class: 'muted' }, M.noInvites)
    : el('ul', { class: 'plain-list participants' }, participants.map((p) => el('li', {},
      p.name, p.role_label ? `（${p.role_label}）` : '', el('span', { class: 'badge' }, kindOf(p.kind)),
      p.attended ? el('span', { class: 'badge ok' }, M.signedIn) : null))));
}
