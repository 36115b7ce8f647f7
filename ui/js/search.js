// The search box in the top bar: results as you type (debounced), ↑/↓ to choose, Enter opens
// the record where it lives (#section/id/item), Esc closes; Ctrl+K (⌘K) focuses it from anywhere.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';

// Short: a query answers in about a millisecond (docs/PERFORMANCE.md); the pause only spares
// asking once per key of a fast typist. A slower answer is dropped when a newer key asked again.
const DEBOUNCE_MS = 80;

export function initSearch() {
  const box = document.getElementById('search-box');
  const list = document.getElementById('search-results');
  box.placeholder = S.search.placeholder;
  box.setAttribute('aria-label', S.search.label);
  let timer = null;
  let seq = 0;
  let hits = [];
  let selected = 0;

  const close = () => { list.hidden = true; };
  const open = (hit) => {
    const { section, id, item } = hit.location;
    location.hash = `#${section}/${id}${item ? `/${item}` : ''}`;
    box.value = '';
    close();
  };
  const select = (i) => {
    selected = Math.max(0, Math.min(hits.length - 1, i));
    [...list.querySelectorAll('li.hit')].forEach((li, j) => li.setAttribute('aria-selected', String(j === selected)));
  };

  async function run() {
    const q = box.value.trim();
    const mine = ++seq;
    if (!q) { close(); return; }
    let found;
    try {
      found = await api.search(q);
    } catch (e) {
      found = { error: e.message };
    }
    if (mine !== seq) return; // a newer keystroke already asked again
    render(q, found);
  }

  function render(q, found) {
    clear(list);
    list.dataset.query = q; // which query the list answers (the typing test reads it)
    hits = found.hits || [];
    if (found.error) list.append(el('li', { class: 'search-note' }, S.search.failed + found.error));
    else if (!hits.length) list.append(el('li', { class: 'search-note' }, S.search.none.replace('{q}', q)));
    hits.forEach((h, i) => list.append(el('li', {
      class: 'hit', role: 'option', 'data-kind': h.kind, 'aria-selected': String(i === 0),
      onmousedown: (ev) => { ev.preventDefault(); open(h); },
    },
    el('div', { class: 'hit-head' }, el('span', { class: 'hit-kind' }, h.kind_label), el('span', { class: 'hit-title' }, h.title), el('span', { class: 'hit-date' }, h.date)),
    el('div', { class: 'hit-snippet' }, highlighted(h.snippet, h.highlights)))));
    if (found.total > hits.length) {
      const note = found.more ? S.search.totalMore : S.search.total;
      list.append(el('li', { class: 'search-note' }, note.replace('{n}', found.total).replace('{shown}', hits.length)));
    }
    selected = 0;
    list.hidden = false;
  }

  box.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, DEBOUNCE_MS); });
  box.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') { ev.preventDefault(); select(selected + 1); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); select(selected - 1); }
    else if (ev.key === 'Enter') {
      ev.preventDefault();
      clearTimeout(timer);
      if (!list.hidden && hits[selected]) open(hits[selected]);
      else run().then(() => { if (hits[0]) open(hits[0]); });
    } else if (ev.key === 'Escape') { close(); box.blur(); }
  });
  box.addEventListener('blur', () => setTimeout(close, 150));
  document.addEventListener('keydown', (ev) => {
    if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'k') {
      ev.preventDefault();
      box.focus();
      box.select();
    }
  });
}

/// The snippet as text nodes with <mark> around the hit ranges (character offsets, not UTF-16).
function highlighted(snippet, ranges) {
  const chars = [...snippet];
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges || []) {
    if (start > at) parts.push(chars.slice(at, start).join(''));
    parts.push(el('mark', {}, chars.slice(start, end).join('')));
    at = end;
  }
  parts.push(chars.slice(at).join(''));
  return parts;
}
