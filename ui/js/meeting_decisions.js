// 决定: what was agreed on this item — the text, to act or not, and the tasks each decision to
// act creates (自办 / 承办 / 共办, responsible unit, person in charge, deadline). Tasks then
// appear in 办理. After 散会 a task can still be added (会后增补), with why: the meeting stays closed
// and the task's history says who added it. A decision to act can carry a budget (资金预算,
// fund_budget.js).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { flash } from './forms.js';
import { redraw } from './guard.js';
import { dateInput, readDate } from './date_input.js';
import { actorName } from './actor.js';
import { budgetPanel } from './fund_budget.js';

const D = S.meetings.decisions;

export async function renderDecisions(box, page, item) {
  const list = el('div', { class: 'decision-list', id: 'decision-list' });
  const error = el('div', { class: 'form-error', role: 'alert' });
  const run = async (action) => {
    clear(error);
    // The write's own failure is shown here; a failed re-read after a good write, with 重试.
    try { await action(); } catch (e) { error.append(e.message); return false; }
    await redraw(error, draw);
    return true;
  };
  async function draw() {
    const decisions = await api.itemDecisions(item.id);
    clear(list).append(...decisions.map((d) => decisionCard(d, page, run)));
  }
  const text = el('textarea', { name: 'decision_text', rows: 3, 'aria-label': D.text, placeholder: D.textHint });
  const act = el('span', { class: 'radios' },
    el('label', { class: 'radio' }, el('input', { type: 'radio', name: 'act', value: 'yes', checked: true }), D.act),
    el('label', { class: 'radio' }, el('input', { type: 'radio', name: 'act', value: 'no' }), D.noAct));
  const form = el('form', { class: 'decision-form', id: 'decision-form', onsubmit: async (ev) => {
    ev.preventDefault();
    const decision = { text: text.value, act: form.querySelector('input[name=act]:checked').value === 'yes' };
    if (await run(() => api.addDecision(item.id, decision))) { text.value = ''; flash(D.added); }
  } }, el('label', { class: 'field' }, D.text, text), act,
  el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'add-decision' }, D.add)));
  box.append(el('h3', {}, D.title), error, list, ...(page.closed() ? [] : [form]));
  await draw();
}

function decisionCard(d, page, run) {
  const tasks = d.tasks.map((t) => el('li', { class: `task${t.overdue ? ' overdue' : ''}` },
    el('b', {}, t.title), ` · ${page.label('task_modes', t.mode)}`,
    t.responsible_unit ? ` · ${t.responsible_unit}` : '', t.person_in_charge ? ` · ${D.person}${t.person_in_charge}` : '',
    t.deadline ? ` · ${D.deadline}${t.deadline}` : ''));
  return el('div', { class: 'decision', 'data-id': d.id },
    el('p', { class: 'decision-text' }, el('span', { class: 'badge' }, d.act ? D.act : D.noAct), d.text),
    tasks.length ? el('ul', { class: 'tasks' }, tasks) : null,
    d.act ? taskForm(d, page, run) : null,
    d.act ? budgetDetails(d) : null);
}

// 资金预算 of a decision to act on, loaded when opened: most decisions carry no money.
function budgetDetails(d) {
  const details = el('details', { class: 'fund-details decision-budget' }, el('summary', {}, S.funds.budgetCard));
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    details.append(await budgetPanel({ kind: 'decision', id: d.id }));
  });
  return details;
}

function taskForm(d, page, run) {
  const c = {
    title: el('input', { type: 'text', name: 'task_title' }),
    responsible_unit: el('input', { type: 'text', name: 'task_unit' }),
    person_in_charge: el('input', { type: 'text', name: 'task_person' }),
    deadline: dateInput({ name: 'task_deadline', field: D.deadlineField }),
  };
  const late = page.closed();
  const reason = el('input', { type: 'text', name: 'task_late_reason' });
  const modes = el('span', { class: 'radios' }, page.vocab.task_modes.map((m, i) => el('label', { class: 'radio' },
    el('input', { type: 'radio', name: `mode-${d.id}`, value: m.value, checked: i === 0 }), m.label)));
  const form = el('form', { class: 'task-form', onsubmit: (ev) => {
    ev.preventDefault();
    const task = {
      title: c.title.value, mode: form.querySelector(`input[name=mode-${d.id}]:checked`).value,
      responsible_unit: c.responsible_unit.value, person_in_charge: c.person_in_charge.value,
    };
    run(async () => {
      const full = { ...task, deadline: (await readDate(c.deadline)) || null };
      if (late) { await api.addTaskAfterMeeting(d.id, full, reason.value, actorName()); flash(D.lateAdded); } else await api.addTask(d.id, full);
    });
  } },
  el('div', { class: 'task-grid' },
    el('label', { class: 'field' }, D.taskTitle, c.title), el('div', { class: 'field' }, el('span', { class: 'label' }, D.mode), modes),
    el('label', { class: 'field' }, D.unit, c.responsible_unit), el('label', { class: 'field' }, D.personField, c.person_in_charge),
    el('label', { class: 'field' }, D.deadlineField, c.deadline),
    late ? el('label', { class: 'field' }, D.lateReason, reason) : null),
  el('button', { type: 'submit', class: 'add-task' }, late ? D.addLate : D.addTask));
  return el('details', { class: 'task-details' }, el('summary', {}, late ? D.addLate : D.addTask), form);
}
