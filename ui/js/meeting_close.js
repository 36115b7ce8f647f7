// 会后: confirm who came, 散会 (one transaction in the core: minutes frozen, topics moved, points
// credited — the report says what happened), reopen a closed meeting for a correction with the
// reason logged, and the printouts of the evening.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { fullDate, dayTime } from './format.js';
import { actorName } from './actor.js';
import { renderPrint } from './meeting_print.js';
import { meetingPhotosCard } from './meeting_photos.js';
import { redraw } from './guard.js';
import { flash } from './forms.js';

const C = S.meetings.close;
// The report of the close just made, shown again when the tab redraws as “closed”.
const reports = new Map();

export async function renderClose(body, page) {
  const [attendance, topicVocab] = await Promise.all([api.meetingAttendance(page.meeting.id), api.topicVocab()]);
  const names = new Map([...attendance.present, ...attendance.absent, ...attendance.observers].filter((p) => p.person_id).map((p) => [p.person_id, p.name]));
  const report = el('section', { class: 'card', id: 'close-report' });
  const error = el('div', { class: 'form-error', role: 'alert', id: 'close-error' });
  const person = (p) => el('li', {}, p.name, p.role_label ? `（${p.role_label}）` : '',
    p.signed_in_at ? el('span', { class: 'muted' }, ` ${dayTime(p.signed_in_at)}`) : null);
  const attendanceCard = el('section', { class: 'card', id: 'attendance' },
    el('h2', {}, C.attendance),
    el('div', { class: 'attendance-grid' },
      el('div', {}, el('h3', {}, C.present(attendance.present.length)), el('ul', { class: 'plain-list' }, attendance.present.map(person))),
      el('div', {}, el('h3', {}, C.absent(attendance.absent.length)), el('ul', { class: 'plain-list' }, attendance.absent.map(person))),
      attendance.observers.length ? el('div', {}, el('h3', {}, C.observers(attendance.observers.length)), el('ul', { class: 'plain-list' }, attendance.observers.map(person))) : null));
  const printBox = el('div', { class: 'print-box' });
  body.append(error);
  if (page.closed()) {
    body.append(closedCard(page, error), report, printBox, attendanceCard);
  } else {
    const confirm = el('input', { type: 'checkbox', id: 'confirm-attendance' });
    const close = el('button', { type: 'button', class: 'primary', id: 'close-meeting', disabled: true, onclick: async () => {
      clear(error);
      try {
        reports.set(page.meeting.id, await api.closeMeeting(page.meeting.id, actorName()));
      } catch (e) {
        error.append(e.message);
        return;
      }
      flash(C.reportTitle);
      await redraw(error, async () => { await page.refresh(); page.tab('close'); });
    } }, C.close);
    confirm.addEventListener('change', () => { close.disabled = !confirm.checked; });
    const preview = await freezePreview(page);
    attendanceCard.append(preview, el('label', { class: 'check confirm' }, confirm, C.confirm),
      el('p', { class: 'hint' }, C.closeHint), el('div', { class: 'actions' }, close));
    body.append(attendanceCard, printBox);
  }
  report.hidden = true;
  if (page.closed() && reports.has(page.meeting.id)) showReport(report, reports.get(page.meeting.id), names, topicVocab);
  await renderPrint(printBox, page);
  body.append(await meetingPhotosCard(page.meeting.id));
}

function showReport(box, r, names, topicVocab) {
  const status = (v) => (topicVocab.statuses.find((s) => s.value === v) || {}).label || v;
  const total = r.points_credited.reduce((sum, p) => sum + p.points, 0);
  box.hidden = false;
  clear(box).append(el('h2', {}, C.reportTitle),
    el('p', {}, C.frozen(r.minutes_frozen)),
    el('h3', {}, C.topicsMoved(r.topics_moved.length)),
    el('ul', { class: 'plain-list topics-moved' }, r.topics_moved.map((t) => el('li', {}, `${t.title} → ${status(t.to)}`))),
    el('h3', {}, C.points(r.points_credited.length, total)),
    el('ul', { class: 'plain-list points-credited' }, r.points_credited.map((p) =>
      el('li', {}, `${names.get(p.person_id) || ''} +${p.points} · ${p.reason}`))));
}

function closedCard(page, error) {
  const m = page.meeting;
  const reason = el('input', { type: 'text', id: 'reopen-reason', name: 'reopen_reason', placeholder: C.reopenHint });
  return el('section', { class: 'card', id: 'closed' },
    el('h2', {}, C.closedAt(m.closed_at ? fullDate(m.closed_at) : '')),
    m.reopen_note ? el('pre', { class: 'reopen-note' }, m.reopen_note) : null,
    el('form', { class: 'row', onsubmit: async (ev) => {
      ev.preventDefault();
      clear(error);
      try {
        await api.reopenMeeting(m.id, reason.value, actorName());
      } catch (e) {
        error.append(e.message);
        return;
      }
      await redraw(error, async () => { await page.refresh(); page.tab('bench'); });
    } }, el('label', { class: 'field' }, C.reopenReason, reason), el('button', { type: 'submit', id: 'reopen' }, C.reopen)));
}

// What 散会 will freeze, item by item: its votes and decisions (attendance is listed above), so
// she sees before the tap what can only be changed by reopening the meeting.
async function freezePreview(page) {
  const agenda = await api.meetingAgenda(page.meeting.id);
  const rows = await Promise.all(agenda.map(async (item) => {
    const [votes, decisions] = await Promise.all([api.itemVotes(item.id), api.itemDecisions(item.id)]);
    return el('li', {}, el('b', {}, item.title), ' ',
      el('span', { class: votes.length ? '' : 'muted' }, votes.length ? C.votes(votes.map((v) => page.label('vote_results', v.result))) : C.noVote), ' · ',
      el('span', { class: decisions.length ? '' : 'muted' }, decisions.length ? C.decisions(decisions.length) : C.noDecision));
  }));
  return el('div', { class: 'freeze-preview', id: 'freeze-preview' }, el('h3', {}, C.willFreeze), el('ul', { class: 'plain-list' }, rows));
}
