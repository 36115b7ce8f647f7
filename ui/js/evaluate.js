// 民事民评: the topics waiting for evaluation; for one, the survey form (counts with the rate shown
// live from the core, method, evaluator, date, comment; a poor result reopens the work with a
// reason instead of closing), and 不经评价办结 with an explicit reason.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash } from './forms.js';
import { actorName } from './actor.js';
import { dateInput, readDate } from './date_input.js';

const E = S.evaluate;

export async function renderEvaluate(body, ctx) {
  clear(body);
  let topics;
  let tasks;
  try {
    [topics, tasks] = await Promise.all([
      api.listTopics({ statuses: ['awaiting_evaluation'] }), api.taskBoard({ include_done: true }),
    ]);
  } catch (e) {
    body.append(el('p', { class: 'form-error' }, e.message));
    return;
  }
  body.append(el('p', { class: 'hint' }, E.intro));
  if (!topics.length) {
    body.append(el('p', { class: 'card empty', id: 'no-evaluations' }, E.empty));
    return;
  }
  const list = el('ul', { class: 'review-list eval-list', id: 'eval-list' });
  for (const t of topics) {
    const own = tasks.filter((k) => k.topic_id === t.id);
    const panel = el('div', { class: 'eval-panel' });
    const open = el('button', { type: 'button', class: 'primary open-eval', 'aria-expanded': 'false', onclick: () => {
      const shown = panel.firstChild;
      clear(panel);
      if (!shown) panel.append(surveyForm(ctx, t, own, () => renderEvaluate(body, ctx)), closeForm(t, () => renderEvaluate(body, ctx)));
      // While the form is open the opener folds it away; the form's 保存评价 is the one main action.
      open.textContent = shown ? E.open : E.fold;
      open.classList.toggle('primary', Boolean(shown));
      open.setAttribute('aria-expanded', String(!shown));
    } }, E.open);
    list.append(el('li', { class: 'card review-item eval-item', 'data-id': t.id },
      el('div', { class: 'review-head' }, el('a', { href: `#topics/${t.id}`, class: 'review-title' }, t.title), open),
      own.length ? el('p', { class: 'meta' }, `${E.tasks}：`, own.map((k) => `${k.title}（${ctx.taskStatus(k.status)}）`).join('；')) : null,
      panel));
  }
  body.append(list);
}

function count(name, label) {
  const input = el('input', { type: 'number', min: 0, step: 1, value: 0, name, id: `eval-${name}`, class: 'count', inputmode: 'numeric' });
  return { input, field: field(label, input, { hint: E.countHint }) };
}

function surveyForm(ctx, topic, tasks, done) {
  const s = count('satisfied', E.satisfied);
  const b = count('basically', E.basically);
  const u = count('unsatisfied', E.unsatisfied);
  const live = el('div', { class: 'rate-live', id: 'live-rate', role: 'status' }, E.rateNone);
  const method = el('select', { name: 'method', id: 'eval-method' }, options(ctx.vocab.eval_methods, ctx.vocab.eval_methods[0].value));
  const evaluator = el('input', { type: 'text', name: 'evaluator', id: 'eval-evaluator' });
  const date = dateInput({ name: 'date', id: 'eval-date', value: ctx.vocab.today, field: E.date });
  const comment = el('textarea', { name: 'comment', id: 'eval-comment', rows: 2 });
  const task = el('select', { name: 'task', id: 'eval-task' }, options(tasks.map((k) => ({ value: k.id, label: k.title })), '', E.wholeTopic));
  const reopen = el('input', { type: 'checkbox', id: 'eval-reopen' });
  const reason = el('textarea', { name: 'reopen-reason', id: 'eval-reopen-reason', rows: 2 });
  const reasonField = field(E.reopenReason, reason, { wide: true });
  reasonField.hidden = true;
  reopen.addEventListener('change', () => { reasonField.hidden = !reopen.checked; if (reopen.checked) reason.focus(); });
  const nums = () => [s, b, u].map((c) => Number(c.input.value));
  const refreshRate = async () => {
    const [a, c, d] = nums();
    if (![a, c, d].every((n) => Number.isInteger(n) && n >= 0)) { live.textContent = E.countHint; return; }
    try {
      const r = await api.satisfactionRate(a, c, d);
      clear(live).append(el('span', { class: 'rate-label' }, `${E.rate} `), el('strong', { class: 'rate-value' }, r.rate.display),
        ' ', el('span', { class: 'muted' }, r.answers ? E.answers(r.answers) : E.rateNone));
      live.dataset.level = r.rate.per_mille == null ? '' : r.rate.per_mille >= 800 ? 'good' : r.rate.per_mille >= 600 ? 'fair' : 'poor';
    } catch (e) { live.textContent = e.message; }
  };
  for (const c of [s, b, u]) c.input.addEventListener('input', refreshRate);
  const form = el('form', { class: 'eval-form', id: 'eval-form' },
    el('div', { class: 'vote-grid eval-counts' }, s.field, b.field, u.field), live,
    el('div', { class: 'form-grid' }, field(E.method, method), field(E.evaluator, evaluator, { hint: E.evaluatorHint }),
      field(E.date, date), field(E.task, task), field(E.comment, comment, { wide: true })),
    el('label', { class: 'check reopen-check' }, reopen, E.reopen), reasonField,
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'record-eval' }, E.record)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const [a, c, d] = nums();
    let day;
    try { day = await readDate(date); } catch (e) { showError(form, e); return; }
    const evaluation = {
      topic_id: topic.id, task_id: task.value || null, satisfied: a, basically_satisfied: c, unsatisfied: d,
      method: method.value, evaluator: evaluator.value, comment: comment.value, date: day,
      reopen: reopen.checked ? reason.value : null,
    };
    try {
      const out = await api.recordEvaluation(evaluation, actorName());
      flash(out.topic.status === 'closed' ? E.closedOk(topic.title, out.evaluation.satisfaction.rate.display) : E.reopenedOk(topic.title));
      await done();
    } catch (e) {
      showError(form, e);
    }
  });
  return form;
}

function closeForm(topic, done) {
  const reason = el('textarea', { name: 'close-reason', id: 'close-reason', rows: 2 });
  const form = el('form', { class: 'close-form', id: 'close-form' },
    el('details', {}, el('summary', {}, E.closeCard),
      field(E.closeReason, reason, { hint: E.closeHint }),
      el('div', { class: 'form-error', role: 'alert' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'close-without' }, E.close))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      await api.closeWithoutEvaluation(topic.id, reason.value, actorName());
      flash(E.closeDone(topic.title));
      await done();
    } catch (e) {
      showError(form, e);
    }
  });
  return form;
}
