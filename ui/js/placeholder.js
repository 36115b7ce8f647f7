// The sections still to be built say what will come there.
import { S } from './strings.js';
import { el } from './dom.js';

export function renderPlaceholder(view, key) {
  const s = S.sections[key];
  view.append(
    el('section', { class: 'card empty', 'data-section': key },
      el('p', {}, s.blurb),
      el('p', {}, S.comingTitle),
      el('ul', {}, s.coming.map((c) => el('li', {}, c)))),
  );
}
