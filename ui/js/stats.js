// 年度统计: the figures of a year for the whole community or one place (from the core, in integers
// and rates it already formats), bar charts drawn as inline SVG, and the yearly report PDF.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options } from './forms.js';
import { barChart } from './svg_bars.js';
import { savePdf, printResult } from './pdf_save.js';

const T = S.stats;
const F = T.figures;
const chosen = { year: null, place: '' };

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
    onclick: () => savePdf(result, (omit) => api.printYearReport(chosen.year, chosen.place || null, omit)) }, T.print);
  const refresh = () => load(out);
  year.addEventListener('change', () => { chosen.year = Number(year.value); refresh(); });
  place.addEventListener('change', () => { chosen.place = place.value; refresh(); });
  body.append(el('div', { class: 'card filters stats-filters' }, field(T.year, year), field(T.place, place),
    el('div', { class: 'actions' }, print)), result, out);
  await refresh();
}

async function load(out) {
  clear(out);
  let s;
  try {
    s = await api.yearStats(chosen.year, chosen.place || null);
  } catch (e) {
    out.append(el('p', { class: 'form-error' }, e.message));
    return;
  }
  const denominator = s.topics_collected - s.merged_or_rejected;
  const p = s.participation;
  const sat = s.satisfaction;
  const figure = (key, label, value, note) => el('div', { class: 'figure', 'data-figure': key },
    el('div', { class: 'figure-label' }, label), el('div', { class: 'figure-value' }, String(value)),
    note ? el('div', { class: 'figure-note' }, note) : null);
  out.append(
    el('div', { class: 'figures', id: 'stats-figures' },
      figure('collected', F.collected, s.topics_collected),
      figure('solved_rate', F.solvedRate, s.solved_rate.display, F.solvedOf(s.solved, denominator)),
      figure('days', F.days, s.average_days_to_close.display, F.daysOf(s.average_days_to_close.topics)),
      figure('on_time', F.onTime, s.on_time_rate.display, F.onTimeOf(s.on_time_rate.numerator, s.on_time_rate.denominator)),
      figure('callbacks', F.callbacks, s.callback_rate.display, F.callbacksOf(s.callback_rate.numerator, s.done_on_spot)),
      figure('meetings', F.meetings, s.meetings_held),
      figure('participation', F.participation, p.total, F.partyResidents(p.party_members, p.residents)),
      figure('points', F.points, s.points_given),
      figure('satisfaction', F.satisfaction, sat.rate.display, F.evaluations(s.evaluations))),
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
