// 议题列表: every topic with filters (status, category, place, channel, date range) and the
// count per status as chips (a chip filters by its status).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options } from './forms.js';
import { dayTime } from './format.js';
import { dateInput } from './date_input.js';

const L = S.topics.list;
const filter = { status: '', category_id: '', place_id: '', channel: '', from: '', to: '' };

export async function renderList(body, look, nav) {
  clear(body);
  const chips = el('div', { class: 'chips', id: 'status-chips' });
  const table = el('div', { id: 'topic-table' });
  const c = {
    status: el('select', { name: 'status' }, options(look.vocab.statuses, filter.status, L.all)),
    category_id: el('select', { name: 'category' }, options(look.categoryChoices(), filter.category_id, L.all)),
    place_id: el('select', { name: 'place' }, options(look.allPlaceChoices(), filter.place_id, L.all)),
    channel: el('select', { name: 'channel' }, options(look.vocab.channels, filter.channel, L.all)),
    from: dateInput({ name: 'from', value: filter.from, field: L.from }),
    to: dateInput({ name: 'to', value: filter.to, field: L.to }),
  };
  const refresh = () => load(look, nav, chips, table, c);
  for (const [key, control] of Object.entries(c)) {
    // A date filter applies once the core has read it (an unreadable one says why and waits).
    const event = control.classList.contains('date-input') ? 'dateread' : 'change';
    control.addEventListener(event, () => { filter[key] = control.value; refresh(); });
  }
  const clearAll = () => { for (const k of Object.keys(filter)) { filter[k] = ''; c[k].value = ''; } refresh(); };
  body.append(chips,
    el('div', { class: 'card filters' },
      field(L.status, c.status), field(L.category, c.category_id), field(L.place, c.place_id),
      field(L.channel, c.channel), field(L.from, c.from), field(L.to, c.to),
      el('button', { type: 'button', class: 'clear-filters', onclick: clearAll }, L.clear)),
    table);
  c.status.addEventListener('change', () => markChips(chips));
  chips.addEventListener('click', (ev) => {
    const chip = ev.target.closest('button[data-status]');
    if (!chip) return;
    filter.status = filter.status === chip.dataset.status ? '' : chip.dataset.status;
    c.status.value = filter.status;
    refresh();
  });
  await refresh();
}

async function load(look, nav, chips, table, c) {
  clear(table);
  try {
    const [counts, topics] = await Promise.all([api.topicCounts(), api.listTopics(query())]);
    clear(chips).append(...counts.map((n) => el('button', {
      type: 'button', class: 'chip', 'data-status': n.status,
    }, look.status(n.status), el('b', {}, String(n.count)))));
    markChips(chips);
    table.append(topics.length ? grid(topics, look, nav) : el('p', { class: 'card empty' }, L.empty),
      el('p', { class: 'muted' }, L.total(topics.length)));
  } catch (e) {
    table.append(el('p', { class: 'form-error' }, e.message));
  }
}

function markChips(chips) {
  for (const b of chips.children) b.setAttribute('aria-pressed', String(b.dataset.status === filter.status));
}

function query() {
  return {
    statuses: filter.status ? [filter.status] : [],
    category_id: filter.category_id || null,
    place_id: filter.place_id || null,
    channel: filter.channel || null,
    from: filter.from || null,
    to: filter.to || null,
  };
}

function grid(topics, look, nav) {
  return el('table', { class: 'grid topic-grid' },
    el('thead', {}, el('tr', {}, L.columns.map((h) => el('th', {}, h)))),
    el('tbody', {}, topics.map((t) => el('tr', { 'data-id': t.id },
      el('td', { class: 'nowrap' }, dayTime(t.raised_at)),
      el('td', {}, t.scale === 'urgent' ? el('span', { class: 'badge urgent-badge' }, S.topics.review.urgent) : null,
        el('a', { href: '#topics', class: 'topic-link', onclick: (ev) => { ev.preventDefault(); nav.detail(t.id); } }, t.title)),
      el('td', {}, el('span', { class: `status status-${t.status}` }, look.status(t.status))),
      el('td', {}, look.categoryName(t.category_id)),
      el('td', {}, look.placePath(t.place_id)),
      el('td', { class: 'nowrap' }, look.channel(t.channel))))));
}
