// 年度资金 (设置): the year's allocation of a yearly fund — 惠民资金 by default — and what the
// year's budgets committed, what was spent and what is left, with the projects it pays for.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash } from './forms.js';
import { actorName } from './actor.js';
import { money, yuanText } from './format.js';
import { fundsVocab } from './fund_budget.js';
import { fundUsePrintBar } from './fund_print.js';

const F = S.funds;

export async function fundAllocationCard() {
  const v = await fundsVocab();
  const year = el('input', { type: 'number', id: 'allocation-year', min: 2000, max: 2100, value: v.year });
  const kind = el('select', { id: 'allocation-kind' }, options(v.sources, 'huimin'));
  const amount = el('input', { type: 'text', id: 'allocation-amount', inputmode: 'decimal', autocomplete: 'off' });
  const note = el('input', { type: 'text', id: 'allocation-note', autocomplete: 'off' });
  const figures = el('div', { id: 'allocation-figures', role: 'status' });
  const form = el('form', { class: 'allocation-form', id: 'allocation-form', novalidate: true },
    el('div', { class: 'form-grid' }, field(F.year, year), field(F.fund, kind), field(F.allocation, amount, { hint: F.totalHint }),
      field(F.allocationNote, note)),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'save-allocation' }, F.saveAllocation)));
  const show = (a) => {
    clear(figures).append(el('p', { class: 'annual-line' }, F.annualLine(a, money)));
    if (a.projects.length) {
      figures.append(el('h3', {}, F.projects), el('ul', { class: 'fund-projects' },
        a.projects.map((p) => el('li', {}, `${p.title} ${money(p.committed)}`))));
    }
    if (a.allocated != null && !amount.value) amount.value = yuanText(a.allocated);
  };
  const load = async () => {
    clearErrors(form);
    try { show(await api.annualFund(Number(year.value), kind.value)); } catch (e) { showError(form, e); }
  };
  year.addEventListener('change', () => { amount.value = ''; load(); });
  kind.addEventListener('change', () => { amount.value = ''; load(); });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      show(await api.setFundAllocation(Number(year.value), kind.value, amount.value, note.value, actorName()));
      flash(F.allocationSaved);
    } catch (e) { showError(form, e); }
  });
  await load();
  // The year's 财务公开: every project's money in the year chosen above, printed for the board.
  const printBar = fundUsePrintBar(() => ({ id: String(year.value), title: F.yearFundUseTitle(year.value) }),
    { buttonId: 'print-year-fund-use', label: F.printYearFundUse });
  return el('section', { class: 'card', id: 'allocation-card' }, el('h2', {}, F.allocationCard), form, figures, printBar);
}
