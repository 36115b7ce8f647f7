// 方案 (issue 22) on a topic's page: the current version, 修改方案 (a new version; the older ones
// stay viewable), 评审意见, and the residents' 征求意见 with 答复. `planView` is the read-only
// part, which the meeting bench shows on an agenda item's 方案 tab. Every rule is the core's:
// the forms send what was typed and show the core's refusal under its field.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { dayTime, money, yuanText } from './format.js';
import { actorName } from './actor.js';
import { field, options, showError, clearErrors, flash } from './forms.js';

const P = S.plans;

let aspects = null;
async function aspectList() {
  if (!aspects) aspects = await api.planAspects();
  return aspects;
}
const aspectLabel = (v) => (aspects || []).find((a) => a.value === v)?.label || v;

// The plan as read: current version, older versions folded, opinions, comments with answers.
// `answerSlot(comment)` may return a control to put under a comment (the topic page's 答复).
export async function planView(plan, answerSlot = () => null) {
  await aspectList();
  const c = plan.current;
  const older = plan.versions.slice(0, -1).reverse();
  return el('div', { class: 'plan-view', id: 'plan-view' },
    el('p', { class: 'muted plan-version', id: 'plan-version' }, P.versionLine(c.version_no, c.drafted_by, dayTime(c.created_at), c.actor)),
    el('div', { class: 'plan-proposal', id: 'plan-proposal' }, ...c.proposal.split('\n').map((l) => el('p', {}, l))),
    el('p', { class: 'plan-cost', id: 'plan-cost' }, c.cost ? P.costLine(money(c.cost)) : P.noCost),
    c.note ? el('p', { class: 'muted' }, `${P.note}：${c.note}`) : null,
    older.length ? el('details', { class: 'plan-older', id: 'plan-older' },
      el('summary', {}, P.older(older.length)),
      ...older.map((v) => el('div', { class: 'plan-old', 'data-version': v.version_no },
        el('h4', {}, P.versionLine(v.version_no, v.drafted_by, dayTime(v.created_at), v.actor)),
        el('p', { class: 'plan-old-text' }, v.proposal),
        el('p', { class: 'muted' }, v.cost ? P.costLine(money(v.cost)) : P.noCost)))) : null,
    el('h3', {}, P.opinions),
    plan.opinions.length
      ? el('ul', { class: 'plan-opinions', id: 'plan-opinions' }, ...plan.opinions.map((o) => el('li', {},
        el('strong', {}, P.opinionLine(o.reviewer, aspectLabel(o.aspect), o.given_on, o.version_no)), '：', o.opinion)))
      : el('p', { class: 'muted' }, P.noOpinions),
    el('h3', {}, P.comments),
    plan.comments.length
      ? el('ol', { class: 'plan-comments', id: 'plan-comments' }, ...plan.comments.map((cm) => el('li', { 'data-id': cm.id },
        el('div', { class: 'muted' }, P.commentLine(cm.from_name || P.anonymous, cm.received_on, cm.version_no)),
        el('div', { class: 'plan-comment-text' }, cm.text),
        cm.answer
          ? el('div', { class: 'plan-answer' }, el('strong', {}, P.answerLine(cm.answer.answered_by, dayTime(cm.answer.at))), cm.answer.text)
          : el('div', { class: 'plan-unanswered status' }, P.unanswered),
        ...cm.earlier_answers.map((a) => el('div', { class: 'muted plan-earlier' }, P.earlier, a.text, `（${a.answered_by}）`)),
        answerSlot(cm))))
      : el('p', { class: 'muted' }, P.noComments));
}

// The 方案 card of the topic page.
export async function planCard(t, redraw) {
  const card = el('section', { class: 'card plan-card', id: 'plan-card' }, el('h2', {}, P.title));
  let plan;
  try { plan = await api.topicPlan(t.id); } catch (e) { card.append(el('p', { class: 'form-error' }, e.message || String(e))); return card; }
  const slot = el('div', { class: 'plan-form-slot' });
  const button = el('button', { type: 'button', id: 'plan-edit', onclick: () => { clear(slot).append(versionForm(t, plan, redraw, slot)); } },
    plan ? P.revise : P.write);
  if (!plan) {
    card.append(el('p', { class: 'muted' }, P.none), button, slot);
    return card;
  }
  const answerSlot = (cm) => {
    const box = el('div', { class: 'plan-answer-slot' });
    box.append(el('button', { type: 'button', class: 'plan-answer-open',
      onclick: () => clear(box).append(answerForm(cm, redraw)) }, cm.answer ? P.reviseAnswer : P.answer));
    return box;
  };
  card.append(button, slot, await planView(plan, answerSlot), await opinionForm(t, redraw), commentForm(t, redraw));
  return card;
}

function versionForm(t, plan, redraw, slot) {
  const c = plan?.current;
  const proposal = el('textarea', { id: 'plan-proposal-input', rows: 8 }, c ? c.proposal : '');
  const cost = el('input', { type: 'text', id: 'plan-cost-input', value: c?.cost ? yuanText(c.cost) : '', autocomplete: 'off' });
  const by = el('input', { type: 'text', id: 'plan-drafted-by', value: c ? c.drafted_by : P.draftedByDefault, autocomplete: 'off' });
  const note = el('input', { type: 'text', id: 'plan-note', autocomplete: 'off' });
  const form = el('form', { class: 'plan-form', id: 'plan-form', novalidate: true },
    field(P.proposal, proposal, { wide: true }),
    el('div', { class: 'row' }, field(P.cost, cost, { hint: P.costHint }), field(P.draftedBy, by), c ? field(P.note, note) : null),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'row' },
      el('button', { type: 'submit', class: 'primary', id: 'plan-save' }, P.save),
      el('button', { type: 'button', onclick: () => clear(slot) }, P.cancel)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    let saved;
    try {
      saved = await api.savePlan(t.id, { proposal: proposal.value, cost: cost.value, drafted_by: by.value, note: note.value }, actorName());
    } catch (e) { showError(form, e); return; }
    flash(P.saved(saved.current.version_no));
    await redraw().catch(() => {});
  });
  setTimeout(() => proposal.focus(), 0);
  return form;
}

async function opinionForm(t, redraw) {
  const reviewer = el('input', { type: 'text', id: 'plan-reviewer', autocomplete: 'off' });
  const aspect = el('select', { id: 'plan-aspect' }, ...options(await aspectList(), 'legality'));
  const opinion = el('input', { type: 'text', id: 'plan-opinion', autocomplete: 'off' });
  const givenOn = el('input', { type: 'text', id: 'plan-given-on', autocomplete: 'off' });
  const form = el('form', { class: 'plan-subform', id: 'plan-opinion-form', novalidate: true },
    el('h3', {}, P.addOpinion),
    el('div', { class: 'row' }, field(P.reviewer, reviewer), field(P.aspect, aspect), field(P.givenOn, givenOn, { hint: P.todayHint })),
    field(P.opinion, opinion, { wide: true }),
    el('div', { class: 'form-error', role: 'alert' }),
    el('button', { type: 'submit', id: 'plan-opinion-save' }, P.addOpinion));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const o = { reviewer: reviewer.value, aspect: aspect.value, opinion: opinion.value, given_on: givenOn.value };
    try { await api.addPlanOpinion(t.id, o, actorName()); } catch (e) { showError(form, e); return; }
    await redraw().catch(() => {});
  });
  return form;
}

function commentForm(t, redraw) {
  const from = el('input', { type: 'text', id: 'plan-comment-from', autocomplete: 'off' });
  const text = el('input', { type: 'text', id: 'plan-comment-text', autocomplete: 'off' });
  const on = el('input', { type: 'text', id: 'plan-comment-on', autocomplete: 'off' });
  const form = el('form', { class: 'plan-subform', id: 'plan-comment-form', novalidate: true },
    el('h3', {}, P.addComment),
    el('div', { class: 'row' }, field(P.fromName, from, { hint: P.anonymousHint }), field(P.receivedOn, on, { hint: P.todayHint })),
    field(P.commentText, text, { wide: true }),
    el('div', { class: 'form-error', role: 'alert' }),
    el('button', { type: 'submit', id: 'plan-comment-save' }, P.addComment));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      await api.addPlanComment(t.id, { from_name: from.value, text: text.value, received_on: on.value }, actorName());
    } catch (e) { showError(form, e); return; }
    flash(P.commentAdded);
    await redraw().catch(() => {});
  });
  return form;
}

function answerForm(cm, redraw) {
  const text = el('input', { type: 'text', class: 'plan-answer-text', id: `plan-answer-${cm.id}`, autocomplete: 'off' });
  const by = el('input', { type: 'text', class: 'plan-answered-by', autocomplete: 'off' });
  const form = el('form', { class: 'plan-answer-form', novalidate: true },
    el('div', { class: 'row' }, field(P.answerText, text), field(P.answeredBy, by, { hint: P.answeredByHint })),
    el('div', { class: 'form-error', role: 'alert' }),
    el('button', { type: 'submit', class: 'primary plan-answer-save' }, cm.answer ? P.reviseAnswer : P.answer));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      await api.answerPlanComment(cm.id, { text: text.value, answered_by: by.value, revise: !!cm.answer }, actorName());
    } catch (e) { showError(form, e); return; }
    flash(P.answered);
    await redraw().catch(() => {});
  });
  setTimeout(() => text.focus(), 0);
  return form;
}

// The bench's 方案 tab: the agenda item's topic's plan, its comments and the answers, read only.
export async function renderBenchPlan(box, _page, item) {
  const plan = item && item.topic_id ? await api.topicPlan(item.topic_id) : null;
  box.append(plan ? await planView(plan) : el('p', { class: 'muted', id: 'bench-no-plan' }, P.benchNone));
}
