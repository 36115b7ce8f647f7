// 设置 → 议事事项目录: rename, add, retire. A retired category is no longer offered for new
// topics; old topics keep it (the core keeps the row).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, showError, clearErrors, flash } from './forms.js';

const R = S.roster;
let showRetired = false;

let hub = null;

export async function catalogueCard(setupHub) {
  hub = setupHub || null;
  const card = el('section', { class: 'card', id: 'catalogue-card' });
  await fill(card);
  return card;
}

async function fill(card) {
  const all = await api.listCategories(showRetired);
  const classes = all.filter((c) => !c.parent_id);
  const name = el('input', { type: 'text', name: 'category-name' });
  const parent = el('select', { name: 'category-parent' }, options(classes.filter((c) => !c.retired).map((c) => ({ value: c.id, label: c.name })), '', `（${R.addClass}）`));
  const form = el('form', { class: 'row-form', novalidate: true },
    field(R.kindParent, parent), field(R.categoryName, name),
    el('button', { type: 'submit' }, R.addKind), el('div', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try { await api.addCategory(parent.value || null, name.value); } catch (e) { showError(form, e); return; }
    flash(R.saved);
    await fill(card);
    hub?.changed();
  });
  const toggle = el('label', { class: 'check' },
    el('input', { type: 'checkbox', checked: showRetired, onchange: (ev) => { showRetired = ev.currentTarget.checked; fill(card); } }), R.showRetired);
  clear(card).append(el('h2', {}, R.catalogueCard), el('p', { class: 'hint' }, R.retireHint), toggle,
    el('ul', { class: 'tree catalogue' }, all.map((c) => row(card, c))), form);
}

function row(card, c) {
  const error = el('span', { class: 'form-error' });
  const act = async (promise) => {
    try { await promise; } catch (e) { clear(error).append(e.message); return; }
    flash(R.saved);
    await fill(card);
    hub?.changed();
  };
  const li = el('li', { class: c.parent_id ? 'depth-1' : 'depth-0 class-row', 'data-id': c.id },
    el('span', { class: c.retired ? 'retired' : '' }, c.name), c.retired ? el('span', { class: 'badge' }, R.retired) : null,
    c.retired ? null : el('button', { type: 'button', class: 'link', onclick: () => rename() }, R.rename),
    c.retired ? null : el('button', { type: 'button', class: 'link', onclick: () => act(api.retireCategory(c.id)) }, R.retire),
    error);
  function rename() {
    const input = el('input', { type: 'text', value: c.name, 'aria-label': R.categoryName });
    const go = () => act(api.renameCategory(c.id, input.value));
    input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); go(); } });
    clear(li).append(input, el('button', { type: 'button', onclick: go }, R.save), error);
    input.focus();
  }
  return li;
}
