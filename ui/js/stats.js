// 年度统计: the figures of a year for the whole community or one place (from the core, in integers
// and rates it already formats), bar charts drawn as inline SVG, and the yearly report PDF.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, clearErrors, showError } from './forms.js';
import { barChart } from './svg_bars.js';
import { savePdf, printResult } from './pdf_save.js';

const T = S.stats;
const F = T.figures;
// 全年 (the default), 按月 (a month of the chosen year) or 自定日期 (any two days, both included).
const chosen = { year: null, place: '', span: 'year', month: '', from: '', to: '' };

export async function renderStats(body, ctx) {
  clear(body);
  const thisYear = Number(ctx.vocab.today.slice(0, 4));
  chosen.year = chosen.year || thisYear;
  let places = [];
  try { places = await api.listPlaces(); } catch { /* the whole community still works */ }
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: `${y}年` }));
  const year = el('select', { name: 'year', id: 'stats-year' }, options(years, String(chosen.year)));
  const place = el('select', { name: 'place', id: 'stats-place' },
    options(places.map((p) => ({ value: p.id, label: p.path })), chosen.place, T.wholeCommunity));
  const out = el('div', { id: 'stats-body' });
  const result = printResult('report-result');
  const print = el('button', { type: 'button', class: 'primary', id: 'print-report',
    onclick: () => savePdf(result, (omit, format) => api.printYearReport(chosen.year, chosen.place || null, omit, format)) }, T.print);
  const span = el('select', { name: 'span', id: 'stats-span' }, options(T.spans, chosen.span));
  const month = el('select', { name: 'month', id: 'stats-month' });
  const from = el('input', { type: 'text', name: 'from', id: 'stats-from', class: 'date-input', value: chosen.from, placeholder: S.dates.dateHint, autocomplete: 'off' });
  const to = el('input', { type: 'text', name: 'to', id: 'stats-to', class: 'date-input', value: chosen.to, placeholder: S.dates.dateHint, autocomplete: 'off' });
  const show = el('button', { type: 'button', id: 'stats-show' }, T.show);
  const monthField = field(T.month, month);
  const rangeFields = el('div', { class: 'row stats-range' }, field(T.from, from), field(T.to, to), show);
  const filters = el('form', { class: 'card filters stats-filters', novalidate: true, onsubmit: (ev) => { ev.preventDefault(); refresh(); } },
    field(T.year, year), field(T.span, span), monthField, rangeFields, field(T.place, place),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, print));
  const fillMonths = () => {
    const months = Array.from({ length: 12 }, (_, i) => ({ value: `${chosen.year}-${String(i + 1).padStart(2, '0')}`, label: `${chosen.year}年${i + 1}月` }));
    if (!months.some((m) => m.value === chosen.month)) chosen.month = ctx.vocab.today.slice(0, 7).startsWith(String(chosen.year)) ? ctx.vocab.today.slice(0, 7) : months[0].value;
    month.replaceChildren(...options(months, chosen.month));
  };
  // Only the fields of the chosen span show; the yearly report is printed for 全年 only.
  const layout = () => {
    monthField.hidden = chosen.span !== 'month';
    rangeFields.hidden = chosen.span !== 'range';
    year.closest('.field').hidden = chosen.span === 'range';
    print.disabled = chosen.span !== 'year';
    print.title = chosen.span === 'year' ? '' : T.printYearOnly;
  };
  const refresh = () => load(out, filters);
  year.addEventListener('change', () => { chosen.year = Number(year.value); fillMonths(); refresh(); });
  span.addEventListener('change', () => { chosen.span = span.value; layout(); if (chosen.span !== 'range' || (chosen.from && chosen.to)) refresh(); });
  month.addEventListener('change', () => { chosen.month = month.value; refresh(); });
  show.addEventListener('click', () => { chosen.from = from.value; chosen.to = to.value; refresh(); });
  place.addEventListener('change', () => { chosen.place = place.value; refresh(); });
  fillMonths();
  layout();
  body.append(filters, result, out);
  await refresh();
}

function periodChoice() {
  if (chosen.span === 'month') return { kind: 'month', month: chosen.month };
  if (chosen.span === 'range') return { kind: 'range', from: chosen.from, to: chosen.to };
  return { kind: 'year', year: chosen.year };
}

async function load(out, filters) {
  clear(out);
  clearErrors(filters);
  let s;
  try {
    s = await api.periodStats(periodChoice(), chosen.place || null);
  } catch (e) {
    // A date she typed that cannot be read lands under its field; the figures stay empty.
    showError(filters, e);
    if (!e.field) out.append(el('p', { class: 'form-error' }, e.message));
    return;
  }
  const denominator = s.topics_collected - s.merged_or_rejected;
  const p = s.participation;
  const sat = s.satisfaction;
  const figure = (key, label, value, note) => el('div', { class: 'figure', 'data-figure': key },
    el('div', { class: 'figure-label' }, label), el('div', { class: 'figure-value' }, String(value)),
    note ? el('div', { class: 'figure-note' }, note) : null);
  out.append(
    el('h2', { class: 'stats-period', id: 'stats-period' }, T.periodTitle(s.period_label, s.place_name)),
    el('div', { class: 'figures', id: 'stats-figures' },
      figure('collected', F.collected, s.topics_collected),
      figure('solved_rate', F.solvedRate, s.solved_rate.display, F.solvedOf(s.solved, denominator)),
      figure('days', F.days, s.average_days_to_close.display, F.daysOf(s.average_days_to_close.topics)),
      figure('on_time', F.onTime, s.on_time_rate.display, F.onTimeOf(s.on_time_rate.numerator, s.on_time_rate.denominator)),
      figure('callbacks', F.callbacks, s.callback_rate.display, F.callbacksOf(s.callback_rate.numerator, s.done_on_spot)),
      figure('meetings', F.meetings, s.meetings_held),
      figure('participation', F.participation, p.total, F.partyResidents(p.party_members, p.residents)),
      figure('points', F.points, s.points_given),
      figure('satisfaction', F.satisfaction, sat.rate.display, F.evaluations(s.evaluations)),
      figure('unanswered', F.unanswered, s.unanswered, F.unansweredNote)),
    el('p', { class: 'hint' }, T.definition),
    el('div', { class: 'charts' },
      chart('channel', T.charts.channel, s.by_channel),
      chart('category', T.charts.category, s.by_category_class),
      chart('handling', T.charts.handling, s.by_handling_class),
      chart('participation', T.charts.participation,
        [{ label: T.party, count: p.party_members, tone: 'party' }, { label: T.residents, count: p.residents }]),
      chart('satisfaction', T.charts.satisfaction, [
        { label: S.evaluate.satisfied, count: sat.satisfied, tone: 'good' },
        { label: S.evaluate.basically, count: sat.basically_satisfied, tone: 'fair' },
        { label: S.evaluate.unsatisfied, count: sat.unsatisfied, tone: 'poor' }])));
}

function chart(key, title, rows) {
  const some = rows.some((r) => r.count > 0);
  return el('section', { class: 'card chart', 'data-chart': key }, el('h3', {}, title),
    some ? barChart(title, rows) : el('p', { class: 'muted' }, T.noData));
}
