// 资金 on a task's page: the budget its spends are charged to (its own, else its decision's), the
// spends with their receipt photos, a form for the next spend, and the goods and labour given.
// A spend past the budget needs 超支原因 and flags the task 超预算 on the board (the core decides).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash, draftKey } from './forms.js';
import { renderPhotos, draftPhotoRow } from './photos.js';
import { actorName } from './actor.js';
import { dateInput } from './date_input.js';
import { money, tenths } from './format.js';
import { budgetSummary, budgetPanel, fundsVocab } from './fund_budget.js';
import { fundUsePrintBar } from './fund_print.js';

const F = S.funds;

export async function fundsCard(ctx, t) {
  const card = el('section', { class: 'card task-funds', id: 'task-funds' });
  const draw = async () => {
    clear(card).append(el('h2', {}, F.budgetCard));
    try {
      const [page, v] = await Promise.all([api.taskFunds(t.id), fundsVocab()]);
      const b = page.budget;
      card.append(b ? budgetSummary(b, { whose: b.owner_kind === 'task' ? F.ofTask : F.ofDecision })
        : el('p', { class: 'muted' }, F.noBudgetForTask));
      card.append(ownBudget(t, b, draw));
      card.append(await spendsTable(page.spends));
      if (b) card.append(spendForm(ctx, t, b, draw), fundUsePrintBar(() => ({ id: t.id, title: t.title })));
      card.append(inKind(ctx, b ? { kind: b.owner_kind, id: b.owner_id } : { kind: 'task', id: t.id }, page.in_kind, v, draw));
    } catch (e) {
      card.append(el('p', { class: 'form-error' }, e.message));
    }
  };
  await draw();
  return card;
}

// The task's own budget, apart from its decision's (a task paid differently from the rest).
function ownBudget(t, b, redraw) {
  const details = el('details', { class: 'fund-details task-budget' },
    el('summary', {}, b?.owner_kind === 'task' ? F.change : `${F.save}${F.ofTask}`));
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    details.append(await budgetPanel({ kind: 'task', id: t.id }, { onSaved: redraw }));
  });
  return details;
}

async function spendsTable(spends) {
  if (!spends.length) return el('p', { class: 'muted', id: 'no-spends' }, F.noSpends);
  const rows = [];
  for (const s of spends) {
    const receipts = el('div', { class: 'thumbs' });
    rows.push(el('tr', { class: s.over_budget_reason ? 'spend-row over-row' : 'spend-row', 'data-id': s.id },
      el('td', { class: 'nowrap' }, s.spent_on),
      el('td', {}, s.what, s.over_budget_reason ? el('div', { class: 'hint' }, F.overReasonLine(s.over_budget_reason)) : null),
      el('td', { class: 'nowrap amount' }, money(s.amount)),
      el('td', {}, s.payee), el('td', { class: 'nowrap' }, s.source_label), el('td', {}, receipts)));
    await renderPhotos(receipts, 'fund_spend', s.id);
  }
  const total = spends.reduce((sum, s) => sum + s.amount, 0);
  return el('div', { class: 'table-scroll' }, el('h3', {}, F.spendsCard),
    el('table', { class: 'grid spend-grid', id: 'spend-table' },
      el('thead', {}, el('tr', {}, F.spendColumns.map((h) => el('th', {}, h)))),
      el('tbody', {}, rows),
      el('tfoot', {}, el('tr', {}, el('td', {}), el('td', {}), el('td', { class: 'nowrap amount' }, money(total)), el('td', { colspan: 3 })))));
}

function spendForm(ctx, t, b, redraw) {
  const key = draftKey();
  const kinds = [...new Map(b.sources.map((s) => [s.kind, { value: s.kind, label: s.kind_label }])).values()];
  const c = {
    spent_on: dateInput({ name: 'spent_on', id: 'spend-date', value: ctx.vocab.today, field: F.spentOn }),
    what: el('input', { type: 'text', id: 'spend-what', autocomplete: 'off' }),
    amount: el('input', { type: 'text', id: 'spend-amount', inputmode: 'decimal', autocomplete: 'off' }),
    payee: el('input', { type: 'text', id: 'spend-payee', autocomplete: 'off' }),
    source: el('select', { id: 'spend-source' }, options(kinds, kinds[0]?.value)),
    over_budget_reason: el('input', { type: 'text', id: 'spend-over-reason', autocomplete: 'off' }),
  };
  const form = el('form', { class: 'spend-form', id: 'spend-form', novalidate: true });
  form.append(el('h3', {}, F.recordSpend),
    el('div', { class: 'form-grid' }, field(F.spentOn, c.spent_on), field(F.what, c.what), field(F.spendAmount, c.amount),
      field(F.payee, c.payee), field(F.source, c.source), field(F.overReason, c.over_budget_reason, { hint: F.overReasonHint })),
    draftPhotoRow(form, key, { label: F.receipt, button: F.addReceipt, buttonId: 'add-receipt', boxId: 'spend-photos', added: F.receiptAdded }),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'record-spend' }, F.recordSpend)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const spend = Object.fromEntries(Object.entries(c).map(([k, input]) => [k, input.value]));
    try {
      const r = await api.recordFundSpend(t.id, { ...spend, draft_key: key }, actorName());
      flash(F.spendSaved(money(r.spend.amount)));
      await redraw();
    } catch (e) { showError(form, e); }
  });
  return form;
}

// 物资 (what, how many, estimated value) and 投工投劳 (person-days), with who gave them.
// Given to the budget's owner (the project), else to the task.
function inKind(ctx, owner, items, v, redraw) {
  const list = items.length
    ? el('ul', { class: 'in-kind-list', id: 'in-kind-list' }, items.map((i) => el('li', {},
      el('b', {}, i.kind_label), ` · ${i.what}`, i.quantity ? ` · ${i.quantity}` : '',
      i.value != null ? ` · ${money(i.value)}` : '', i.person_day_tenths != null ? ` · ${F.days(tenths(i.person_day_tenths))}` : '',
      i.given_by ? ` · ${i.given_by}` : '', i.given_on ? el('span', { class: 'when' }, ` ${i.given_on}`) : null)))
    : el('p', { class: 'muted' }, F.noInKind);
  const kind = el('select', { id: 'in-kind-kind' }, options(v.in_kind, 'goods'));
  const c = {
    what: el('input', { type: 'text', id: 'in-kind-what', autocomplete: 'off' }),
    quantity: el('input', { type: 'text', id: 'in-kind-quantity', autocomplete: 'off' }),
    value: el('input', { type: 'text', id: 'in-kind-value', inputmode: 'decimal', autocomplete: 'off' }),
    person_days: el('input', { type: 'text', id: 'in-kind-days', inputmode: 'decimal', autocomplete: 'off' }),
    given_by: el('input', { type: 'text', id: 'in-kind-by', autocomplete: 'off' }),
    given_on: dateInput({ name: 'given_on', id: 'in-kind-date', value: ctx.vocab.today, field: F.givenOn }),
  };
  const consent = el('input', { type: 'checkbox', id: 'in-kind-public' });
  const whatField = field(F.goodsWhat, c.what);
  const goodsOnly = [field(F.quantity, c.quantity), field(F.value, c.value)];
  const daysField = field(F.personDays, c.person_days, { hint: F.personDaysHint });
  const sync = () => {
    const labour = kind.value === 'labour';
    whatField.dataset.label = labour ? F.labourWhat : F.goodsWhat;
    whatField.querySelector('label').textContent = whatField.dataset.label;
    for (const f of goodsOnly) f.hidden = labour;
    daysField.hidden = !labour;
  };
  kind.addEventListener('change', sync);
  const form = el('form', { class: 'in-kind-form', id: 'in-kind-form', novalidate: true },
    el('div', { class: 'form-grid' }, field(F.inKindKind, kind), whatField, ...goodsOnly, daysField,
      field(F.givenBy, c.given_by), el('label', { class: 'check' }, consent, F.givenByPublic), field(F.givenOn, c.given_on)),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'add-in-kind' }, F.addInKind)));
  sync();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const labour = kind.value === 'labour';
    const item = { kind: kind.value, what: c.what.value, quantity: labour ? '' : c.quantity.value, value: labour ? '' : c.value.value,
      person_days: labour ? c.person_days.value : '', given_by: c.given_by.value, given_by_public: consent.checked, given_on: c.given_on.value };
    try {
      await api.addFundInKind(owner, item, actorName());
      flash(F.inKindSaved);
      await redraw();
    } catch (e) { showError(form, e); }
  });
  return el('div', { class: 'in-kind' }, el('h3', {}, F.inKindCard), list,
    el('details', { class: 'in-kind-details' }, el('summary', {}, `${F.addInKind}${F.inKindCard}`), form));
}
