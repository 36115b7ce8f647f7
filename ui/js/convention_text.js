// The text of a convention as she edits it: a preamble, then chapters (a title and articles).
// Edits change `text` in place; adding or removing a chapter or an article redraws the editor.
// Articles are numbered through the whole convention, as the printout numbers them.
import { S } from './strings.js';
import { el, clear } from './dom.js';
import { field } from './forms.js';

const C = S.conventions;

export function renderTextEditor(box, text) {
  clear(box);
  const redraw = () => renderTextEditor(box, text);
  const preamble = el('textarea', { name: 'preamble', id: 'convention-preamble', rows: 2 }, text.preamble);
  preamble.addEventListener('input', () => { text.preamble = preamble.value; });
  box.append(field(C.preamble, preamble, { hint: C.preambleHint }));
  let number = 0;
  text.chapters.forEach((ch, i) => {
    const title = el('input', { type: 'text', class: 'chapter-title', value: ch.title, 'aria-label': `${C.chapter(i + 1)} ${C.chapterTitle}` });
    title.addEventListener('input', () => { ch.title = title.value; });
    const articles = ch.articles.map((a, j) => {
      number += 1;
      const area = el('textarea', { class: 'article-text', rows: 2, 'aria-label': C.article(number) }, a);
      area.addEventListener('input', () => { ch.articles[j] = area.value; });
      return el('li', { class: 'article' }, el('span', { class: 'article-no' }, C.article(number)), area,
        el('button', { type: 'button', class: 'small remove-article', onclick: () => { ch.articles.splice(j, 1); redraw(); } }, C.removeArticle));
    });
    box.append(el('fieldset', { class: 'chapter', 'data-chapter': i + 1 },
      el('legend', {}, C.chapter(i + 1)),
      el('div', { class: 'row' }, title,
        el('button', { type: 'button', class: 'small remove-chapter', onclick: () => { text.chapters.splice(i, 1); redraw(); } }, C.removeChapter)),
      el('ol', { class: 'articles' }, articles),
      el('button', { type: 'button', class: 'small add-article', onclick: () => { ch.articles.push(''); redraw(); } }, C.addArticle)));
  });
  box.append(el('button', { type: 'button', class: 'add-chapter', id: 'add-chapter',
    onclick: () => { text.chapters.push({ title: '', articles: [''] }); redraw(); } }, C.addChapter));
}
