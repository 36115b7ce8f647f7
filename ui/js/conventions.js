// 公约: the list of conventions (status, version, period, adoption) and 新建公约.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { renderConventionPage } from './convention_page.js';

const C = S.conventions;

export async function renderConventions(body, ctx) {
  clear(body);
  let list;
  try {
    list = await api.listConventions();
  } catch (e) {
    body.append(el('p', { class: 'form-error' }, e.message));
    return;
  }
  const status = (v) => (ctx.vocab.convention_statuses.find((c) => c.value === v) || {}).label || v;
  body.append(el('div', { class: 'actions list-head' },
    el('button', { type: 'button', class: 'primary', id: 'new-convention', onclick: () => renderConventionPage(body, ctx, null) }, C.newConvention)));
  if (!list.length) {
    body.append(el('p', { class: 'card empty' }, C.empty));
    return;
  }
  body.append(el('table', { class: 'grid convention-grid', id: 'convention-list' },
    el('thead', {}, el('tr', {}, C.columns.map((h) => el('th', {}, h)))),
    el('tbody', {}, list.map((c) => el('tr', { 'data-id': c.id },
      el('td', {}, el('a', { href: `#tasks/conventions/${c.id}`, class: 'convention-link' }, c.title)),
      el('td', {}, el('span', { class: `status convention-${c.status}` }, status(c.status))),
      el('td', {}, C.version(c.current.version_no)),
      el('td', { class: 'nowrap' }, c.posted_from ? C.posted(c.posted_from, c.posted_to) : ''),
      el('td', { class: 'nowrap' }, c.adopted_version_no ? C.version(c.adopted_version_no) : ''))))));
}
