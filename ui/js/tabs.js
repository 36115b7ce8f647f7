// A row of tabs above a body: `keys` in order, `labels[key]` shown; clicking one calls
// `onPick(key)`. `mark(key)` shows which is selected (also for pages reached by a deep link).
import { el } from './dom.js';

export function tabBar(view, keys, labels, onPick) {
  const bar = el('div', { class: 'tabs', role: 'tablist' });
  const body = el('div', { class: 'tab-body' });
  for (const key of keys) {
    bar.append(el('button', { type: 'button', role: 'tab', class: 'tab', 'data-tab': key, onclick: () => onPick(key) }, labels[key]));
  }
  view.append(bar, body);
  const mark = (key) => { for (const b of bar.children) b.setAttribute('aria-selected', String(b.dataset.tab === key)); };
  return { body, mark };
}
