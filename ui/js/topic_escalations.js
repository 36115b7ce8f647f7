// 上报件 followed up: where an 已上报 topic went (街道 / 部门 / 12345, the reference number, the
// day to chase it), its reply (which closes the topic or brings it back to the agenda), and the
// banner on the 议题 screen that lists those past their follow-up day without a reply.
import { S } from './strings.js';
import { api } from './api.js';
import { el } from './dom.js';
import { actorName } from './actor.js';
import { field, options, showError, clearErrors, flash } from './forms.js';
import { dateInput, readDate } from './date_input.js';

const E = S.topics.escalations;

// The 上报 form of an 已上报 topic, and a reply form for each escalation still waiting.
export function escalationForms(t, lines, vocab, redraw) {
  const waiting = lines.filter((l) => l.kind === 'escalation' && !l.replied_on);
  return [sentForm(t, vocab, redraw), ...waiting.map((e) => replyForm(e, vocab, redraw))];
}

function sentForm(t, vocab, redraw) {
  const to = el('select', { id: 'escalation-to' }, options(vocab.escalated_to, 'street'));
  const name = el('input', { type: 'text', id: 'escalation-name', autocomplete: 'off' });
  const sentOn = dateInput({ name: 'sent_on', id: 'escalation-sent-on', value: vocab.today, field: E.sentOn });
  const reference = el('input', { type: 'text', id: 'escalation-reference', autocomplete: 'off' });
  const followUp = dateInput({ name: 'follow_up_on', id: 'escalation-follow-up', field: E.followUp });
  const form = el('form', { class: 'card escalation-form', id: 'escalation-form', novalidate: true });
  form.append(el('h2', {}, E.card), el('p', { class: 'hint' }, E.hint),
    el('div', { class: 'form-grid' }, field(E.to, to), field(E.name, name, { hint: E.nameHint }), field(E.sentOn, sentOn),
      field(E.reference, reference), field(E.followUp, followUp, { hint: E.followUpHint })),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'save-escalation' }, E.save)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      const follow = await readDate(followUp);
      const escalation = { sent_to: to.value, sent_to_name: name.value, sent_on: await readDate(sentOn),
        reference: reference.value, follow_up_on: follow || null };
      await api.recordEscalation(t.id, escalation, actorName());
      flash(E.saved);
      await redraw();
    } catch (e) { showError(form, e); }
  });
  return form;
}

function replyForm(e, vocab, redraw) {
  const on = dateInput({ name: 'replied_on', id: `reply-on-${e.id}`, value: vocab.today, field: E.repliedOn });
  const text = el('textarea', { id: `reply-text-${e.id}`, rows: 2 });
  const outcome = el('select', { id: `reply-outcome-${e.id}` }, options(vocab.outcomes, 'close'));
  const form = el('form', { class: 'card reply-form', 'data-id': e.id, novalidate: true });
  form.append(el('h2', {}, E.replyCard(e.sent_to_name || vocabLabel(vocab.escalated_to, e.sent_to), e.reference)),
    el('div', { class: 'form-grid' }, field(E.repliedOn, on), field(E.outcome, outcome), field(E.reply, text, { wide: true })),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, E.saveReply)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      const reply = { replied_on: await readDate(on), reply: text.value, outcome: outcome.value };
      const r = await api.recordEscalationReply(e.id, reply, actorName());
      flash(E.replied(r.topic_move.title, r.topic_move.to === 'closed'));
      await redraw();
    } catch (err) { showError(form, err); }
  });
  return form;
}

const vocabLabel = (list, value) => list.find((c) => c.value === value)?.label || value;

// One history line: “上报 街道城管科（工单号 …），跟进日期 …；答复 …”.
export function escalationLine(l, vocab) {
  const to = l.sent_to_name || vocabLabel(vocab.escalated_to, l.sent_to);
  return E.line(to, l.reference, l.sent_on, l.follow_up_on, l.replied_on, l.reply);
}

// 该催办了: 上报件 past their follow-up day without a reply, and how many topics still owe their
// raiser an answer (件件有回音); nothing when there is neither.
export async function chaseBanner(openTopic) {
  let list;
  let unanswered;
  try { [list, unanswered] = await Promise.all([api.awaitingReplies(), api.unansweredTopics()]); } catch { return null; }
  if (!list.length && !unanswered.length) return null;
  const link = (id, title) => el('a', { href: '#topics', onclick: (ev) => { ev.preventDefault(); openTopic(id); } }, title);
  return el('div', { class: 'card chase-banner has-overdue', id: 'chase-banner', role: 'status' },
    list.length ? el('strong', { class: 'overdue' }, E.banner(list.length)) : null,
    list.length ? el('ul', {}, list.map((a) => el('li', {}, link(a.escalation.topic_id, a.topic_title),
      ' ', el('span', { class: 'muted' }, E.late(a.escalation.follow_up_on, a.days_past))))) : null,
    unanswered.length ? el('p', { id: 'unanswered-line' }, E.unanswered(unanswered.length), ' ',
      ...unanswered.slice(0, 5).flatMap((u) => [link(u.topic_id, u.title), ' '])) : null);
}
