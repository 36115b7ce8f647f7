// 任务看板: every open task (or all), overdue ones first and in red with their days overdue, the
// overdue count on top with the year's 惠民资金, 超预算 beside a task whose spends went past its
// budget, filters per meeting and per topic, and 落实情况公示 of the ticked tasks.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options } from './forms.js';
import { savePdf, printResult } from './pdf_save.js';
import { printRecord, qrSwitch } from './print.js';
import { money as fmtMoney, today } from './format.js';
import { fundsVocab } from './fund_budget.js';

const B = S.tasks.board;
const filter = { meeting_id: '', topic_id: '', unit: '', person: '', include_done: false };

export async function renderBoard(body, ctx) {
  const head = el('div', { id: 'overdue-line', class: 'overdue-line', role: 'status' });
  const table = el('div', { id: 'task-table' });
  const meeting = el('select', { name: 'meeting', id: 'filter-meeting' });
  const topic = el('select', { name: 'topic', id: 'filter-topic' });
  const unit = el('select', { name: 'unit', id: 'filter-unit' });
  const person = el('select', { name: 'person', id: 'filter-person' });
  const done = el('input', { type: 'checkbox', id: 'include-done', checked: filter.include_done });
  // 督办清单: the overdue and due-soon tasks by unit (of the chosen unit only, when one is chosen).
  const superviseResult = printResult('supervision-result');
  const superviseBtn = el('button', { type: 'button', id: 'print-supervision',
    onclick: () => printRecord('supervision', filter.unit, B.supervision, superviseResult) }, B.printSupervision);
  // 月度议题研判表: the month chosen here (this month by default), for the 两委's monthly review.
  const month = el('select', { name: 'month', id: 'review-month' }, ...monthOptions());
  const reviewResult = printResult('month-review-result');
  const reviewBtn = el('button', { type: 'button', id: 'print-month-review',
    onclick: () => printRecord('month_review', month.value, B.monthReviewTitle(month.value), reviewResult) },
  B.printMonthReview);
  const selected = new Set();
  const count = el('span', { class: 'muted', id: 'selected-count' }, B.selectHint);
  const printBtn = el('button', { type: 'button', id: 'print-progress', class: 'primary', disabled: true }, B.printSelected);
  const result = printResult('progress-result');
  const onSelect = () => {
    printBtn.disabled = selected.size === 0;
    count.textContent = selected.size ? B.selected(selected.size) : B.selectHint;
  };
  const qr = qrSwitch('progress-qr');
  printBtn.after(qr.el);
  printBtn.addEventListener('click', () => savePdf(result, (omit, format) => api.printProgress([...selected], omit, format, qr.value())));
  const refresh = async () => {
    selected.clear();
    onSelect();
    await load(ctx, head, table, selected, onSelect);
  };
  meeting.addEventListener('change', () => { filter.meeting_id = meeting.value; refresh(); });
  topic.addEventListener('change', () => { filter.topic_id = topic.value; refresh(); });
  unit.addEventListener('change', () => { filter.unit = unit.value; refresh(); });
  person.addEventListener('change', () => { filter.person = person.value; refresh(); });
  done.addEventListener('change', () => { filter.include_done = done.checked; refresh(); });
  body.append(head,
    el('div', { class: 'card filters board-filters' }, field(B.meeting, meeting), field(B.topic, topic),
      field(B.unit, unit), field(B.person, person),
      el('label', { class: 'check' }, done, B.includeDone)),
    table,
    el('div', { class: 'card print-bar' }, el('div', { class: 'actions' }, printBtn, count), result,
      el('div', { class: 'actions' }, superviseBtn), superviseResult,
      el('div', { class: 'actions' }, field(B.reviewMonth, month), reviewBtn), reviewResult));
  await fillFilters(meeting, topic, unit, person);
  await refresh();
}

// This month and the eleven before it, newest first, as <option>s (value 2026-11).
function monthOptions() {
  const [y, m] = today().split('-').map(Number);
  if (!y || !m) return [];
  return Array.from({ length: 12 }, (_, i) => {
    const n = y * 12 + (m - 1) - i;
    const value = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    return el('option', { value }, B.monthLabel(Math.floor(n / 12), (n % 12) + 1));
  });
}

// The meetings and topics that have tasks, from the whole board (finished ones included).
async function fillFilters(meeting, topic, unit, person) {
  try {
    const all = await api.taskBoard({ include_done: true });
    const pairs = (id, title) => [...new Map(all.filter((t) => t[id]).map((t) => [t[id], t[title]])).entries()]
      .map(([value, label]) => ({ value, label }));
    meeting.append(...options(pairs('meeting_id', 'meeting_title'), filter.meeting_id, B.all));
    topic.append(...options(pairs('topic_id', 'topic_title'), filter.topic_id, B.all));
    const distinct = (key) => [...new Set(all.map((t) => t[key]).filter(Boolean))].sort().map((v) => ({ value: v, label: v }));
    unit.append(...options(distinct('responsible_unit'), filter.unit, B.all));
    person.append(...options(distinct('person_in_charge'), filter.person, B.all));
  } catch { /* the board itself reports the error */ }
}

async function load(ctx, head, table, selected, onSelect) {
  clear(table);
  try {
    const [counts, tasks, money, unanswered] = await Promise.all([api.followupCounts(), api.taskBoard(query()), fundsLine(),
      api.unansweredTopics().catch(() => [])]);
    clear(head).append(
      el('strong', { class: counts.overdue ? 'overdue' : 'ok-line' }, counts.overdue ? B.overdueLine(counts.overdue) : B.noOverdue),
      el('span', { class: 'muted counts-line' }, B.counts(counts)), money.line,
      // 件件有回音: topics whose raiser has not been answered yet (the list is on 议题).
      unanswered.length ? el('span', { class: 'unanswered-count', id: 'board-unanswered' }, B.unanswered(unanswered.length)) : null);
    head.classList.toggle('has-overdue', counts.overdue > 0);
    table.append(tasks.length ? grid(ctx, tasks, selected, onSelect, money.over) : el('p', { class: 'card empty' }, B.empty),
      el('p', { class: 'muted' }, B.total(tasks.length)));
  } catch (e) {
    table.append(el('p', { class: 'form-error' }, e.message));
  }
}

// The year's 惠民资金 and the tasks over budget. Money is a side line of the board: if it cannot
// be read, the board still shows its tasks.
async function fundsLine() {
  try {
    const v = await fundsVocab();
    const [over, fund] = await Promise.all([api.overBudgetTasks(), api.annualFund(v.year, 'huimin')]);
    const shown = fund.allocated != null || fund.committed > 0;
    const line = el('span', { class: 'funds-line', id: 'funds-line' }, shown ? S.funds.boardLine(fund, fmtMoney) : '',
      over.length ? el('span', { class: 'badge overdue-badge' }, S.funds.boardOver(over.length)) : null);
    return { line: shown || over.length ? line : null, over: new Set(over) };
  } catch {
    return { line: null, over: new Set() };
  }
}

function query() {
  return { meeting_id: filter.meeting_id || null, topic_id: filter.topic_id || null,
    responsible_unit: filter.unit || null, person_in_charge: filter.person || null, include_done: filter.include_done };
}

function deadlineCell(t) {
  if (!t.deadline) return el('td', { class: 'muted' }, B.noDeadline);
  return el('td', { class: 'nowrap' }, t.deadline,
    t.overdue ? el('div', { class: 'badge overdue-badge' }, B.overdue(t.days_overdue)) : null,
    t.due_soon ? el('div', { class: 'badge soon-badge' }, B.dueSoon) : null);
}

function grid(ctx, tasks, selected, onSelect, over) {
  return el('div', { class: 'table-scroll' }, el('table', { class: 'grid board-grid' },
    el('thead', {}, el('tr', {}, B.columns.map((h) => el('th', {}, h)))),
    el('tbody', {}, tasks.map((t) => {
      const tick = el('input', { type: 'checkbox', class: 'pick-task', 'data-id': t.id, 'aria-label': B.select(t.title),
        onchange: (ev) => { if (ev.target.checked) selected.add(t.id); else selected.delete(t.id); onSelect(); } });
      return el('tr', { 'data-id': t.id, class: t.overdue ? 'task-row overdue-row' : 'task-row' },
        el('td', {}, tick),
        el('td', {}, el('a', { href: `#tasks/${t.id}`, class: 'task-link' }, t.title),
          t.topic_title ? el('div', { class: 'hint' }, t.topic_title) : null,
          over.has(t.id) ? el('span', { class: 'badge overdue-badge over-budget' }, S.funds.overBudget) : null),
        el('td', {}, t.responsible_unit),
        el('td', { class: 'nowrap' }, t.person_in_charge),
        el('td', { class: 'nowrap' }, ctx.taskMode(t.mode)),
        deadlineCell(t),
        el('td', {}, el('span', { class: `status task-${t.status}` }, ctx.taskStatus(t.status))),
        el('td', { class: 'last-note' }, t.last_note ? [el('span', { class: 'when' }, t.last_note[0]), ' ', t.last_note[1]] : '',
          t.note_count > 1 ? el('div', { class: 'hint' }, B.notes(t.note_count)) : null));
    }))));
}
