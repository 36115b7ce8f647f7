// Possible duplicates under the title while typing (debounced), each with “合并到此议题”.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { dayTime } from './format.js';

const T = S.topics.form;
const WAIT_MS = 350;

export function attachSimilar(input, box, look, onMerge) {
  let timer = null;
  let asked = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const title = input.value.trim();
      asked = title;
      if (title.length < 2) { clear(box); return; }
      try {
        const found = await api.similarTopics(title);
        if (asked === title) show(box, found, look, onMerge);
      } catch {
        clear(box); // a hint only: a failed lookup must not get in the way of typing
      }
    }, WAIT_MS);
  });
}

function show(box, found, look, onMerge) {
  clear(box);
  if (!found.length) return;
  box.append(el('p', { class: 'similar-title' }, T.similarTitle),
    el('ul', {}, found.map((t) => el('li', { class: 'similar-item' },
      el('span', { class: 'similar-name' }, t.title),
      el('span', { class: 'muted' }, ` ${look.status(t.status)} · ${dayTime(t.raised_at)}`),
      // Out of the Tab order: tabbing through the form must never land on a merge by accident.
      el('button', { type: 'button', class: 'small', tabindex: '-1', title: T.mergeHint, 'data-merge': t.id, onclick: () => onMerge(t) }, T.mergeHere)))));
}
