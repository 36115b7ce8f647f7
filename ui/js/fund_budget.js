// 资金预算 of a decision or a task: its total and sources (who pays how much), what is spent and
// left, and the form that sets it. A budget once set changes only with a reason; the core keeps
// the old one, shown here as 以前的预算. Amounts are typed as she says them (1800、1.8万) and come
// back as whole fen; the core reads and checks them.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash } from './forms.js';
import { actorName } from './actor.js';
import { money, yuanText } from './format.js';

const F = S.funds;
let vocab = null;

export async function fundsVocab() {
  vocab = vocab || await api.fundsVocab();
  return vocab;
}

// A budget as read: total, sources with spent and balance, the gap, the 超预算 flag.
export function budgetSummary(b, { whose } = {}) {
  const sources = b.sources.map((s) => el('li', { class: 'fund-source' },
    el('b', {}, s.kind_label), s.name ? ` · ${s.name}` : '', ` ${money(s.amount)}`,
    s.per_household != null && s.households != null ? el('span', { class: 'hint' }, F.perHouseholdLine(money(s.per_household), s.households)) : null,
    s.spent ? el('span', { class: 'muted' }, ` · ${F.spentLine(money(s.spent), money(s.balance))}`) : null));
  return el('div', { class: 'fund-summary' },
    el('p', { class: 'fund-total' }, el('strong', {}, `${F.total} ${money(b.total)}`), whose ? el('span', { class: 'muted' }, whose) : null,
      b.over_budget ? el('span', { class: 'badge overdue-badge over-budget' }, F.overBudget) : null),
    el('p', { class: 'muted' }, F.spentLine(money(b.spent), money(b.balance)),
      b.uncovered ? el('span', { class: 'fund-gap' }, ` · ${F.uncovered(money(b.uncovered))}`) : null),
    el('ul', { class: 'fund-sources' }, sources),
    b.note ? el('p', { class: 'hint' }, b.note) : null);
}

// The whole panel: the live budget, earlier versions and the form (unless `readOnly`).
export async function budgetPanel(owner, { readOnly = false, onSaved } = {}) {
  const box = el('div', { class: 'fund-panel', 'data-owner': `${owner.kind}:${owner.id}` });
  const draw = async () => {
    clear(box);
    try {
      const [page, v] = await Promise.all([api.fundBudget(owner), fundsVocab()]);
      box.append(page.budget ? budgetSummary(page.budget) : el('p', { class: 'muted' }, F.none));
      if (page.history.length) box.append(pastBudgets(page.history));
      if (!readOnly) box.append(budgetForm(owner, page.budget, v, async () => { await draw(); await onSaved?.(); }));
    } catch (e) {
      box.append(el('p', { class: 'form-error' }, e.message));
    }
  };
  await draw();
  return box;
}

function pastBudgets(history) {
  return el('details', { class: 'fund-history' }, el('summary', {}, F.history(history.length)),
    el('ul', {}, history.map((b) => el('li', {}, F.replaced(money(b.total), b.change_reason)))));
}

function budgetForm(owner, current, v, saved) {
  const total = el('input', { type: 'text', name: 'fund_total', inputmode: 'decimal', autocomplete: 'off',
    value: current ? yuanText(current.total) : '' });
  const note = el('input', { type: 'text', name: 'fund_note', autocomplete: 'off', value: current?.note || '' });
  const reason = el('input', { type: 'text', name: 'fund_reason', autocomplete: 'off' });
  const rows = el('div', { class: 'fund-source-rows' });
  const addRow = (s) => rows.append(sourceRow(v, s));
  (current?.sources.length ? current.sources : [null]).forEach(addRow);
  const form = el('form', { class: 'fund-form', novalidate: true },
    current ? el('p', { class: 'hint' }, F.changeHint(money(current.total))) : null,
    el('div', { class: 'form-grid' }, field(F.total, total, { hint: F.totalHint }), field(F.note, note),
      current ? field(F.changeReason, reason) : null),
    el('h4', {}, F.sources), rows,
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'add-source', onclick: () => addRow(null) }, F.addSource)),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary save-budget' }, F.save)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const budget = { total: total.value, note: note.value, change_reason: reason.value,
      sources: [...rows.children].map((r) => r.read()).filter((s) => s.amount || s.per_household || s.name) };
    try {
      await api.setFundBudget(owner, budget, actorName());
      flash(F.saved);
      await saved();
    } catch (e) { showError(form, e); }
  });
  return el('details', { class: 'fund-edit', open: !current }, el('summary', {}, current ? F.change : F.save), form);
}

// One source: its kind, the payer's name (with consent for a private donor), and the amount or,
// for 居民筹资, per household × households.
function sourceRow(v, s) {
  const kind = el('select', { name: 'source_kind' }, options(v.sources, s?.kind || 'collective'));
  const name = el('input', { type: 'text', name: 'source_name', autocomplete: 'off', value: s?.name || '' });
  const consent = el('input', { type: 'checkbox', name: 'source_public', checked: s ? s.name_public : false });
  const amount = el('input', { type: 'text', name: 'source_amount', inputmode: 'decimal', autocomplete: 'off',
    value: s ? yuanText(s.amount) : '' });
  const per = el('input', { type: 'text', name: 'source_per_household', inputmode: 'decimal', autocomplete: 'off',
    value: s?.per_household != null ? yuanText(s.per_household) : '' });
  const households = el('input', { type: 'number', name: 'source_households', min: 1, value: s?.households ?? '' });
  const consentBox = el('label', { class: 'check' }, consent, F.namePublic);
  const perBox = el('div', { class: 'fund-per-household' }, field(F.perHousehold, per, { hint: F.perHouseholdHint }), field(F.households, households));
  const row = el('div', { class: 'fund-source-row' },
    field(F.sourceKind, kind), field(F.sourceName, name), consentBox, field(F.amount, amount), perBox,
    el('button', { type: 'button', class: 'link', onclick: () => row.remove() }, F.removeSource));
  const sync = () => {
    consentBox.hidden = !v.personal_sources.includes(kind.value);
    perBox.hidden = kind.value !== 'residents';
  };
  kind.addEventListener('change', sync);
  sync();
  row.read = () => {
    const residents = kind.value === 'residents';
    return {
      kind: kind.value, name: name.value, name_public: v.personal_sources.includes(kind.value) ? consent.checked : true,
      amount: amount.value, per_household: residents ? per.value : '',
      households: residents && households.value ? Number(households.value) : null,
    };
  };
  return row;
}
