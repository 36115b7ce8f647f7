// The composer's optional table: header cells and rows of cells, with rows and columns added
// and removed. Edits the `table` object in place and calls onChange after each edit.
import { S } from './strings.js';
import { el, clear } from './dom.js';

export function renderTableEditor(box, table, onChange) {
  clear(box);
  const T = S.notices.compose;
  const cell = (value, set, label) => el('input', {
    type: 'text', value, 'aria-label': label, class: 'cell',
    oninput: (e) => { set(e.target.value); onChange(); },
  });
  const redraw = () => { renderTableEditor(box, table, onChange); onChange(); };
  const head = el('tr', {}, table.columns.map((c, i) => el('th', {},
    cell(c, (v) => { table.columns[i] = v; }, T.column(i + 1)),
    el('button', { type: 'button', class: 'link remove-col', title: T.removeColumn, 'aria-label': T.removeColumn,
      onclick: () => { table.columns.splice(i, 1); for (const r of table.rows) r.splice(i, 1); redraw(); } }, '×'))),
  el('th', {}));
  const rows = table.rows.map((row, r) => el('tr', {},
    table.columns.map((_, i) => el('td', {}, cell(row[i] ?? '', (v) => { row[i] = v; }, `${r + 1}-${i + 1}`))),
    el('td', {}, el('button', { type: 'button', class: 'link remove-row', title: T.removeRow, 'aria-label': T.removeRow,
      onclick: () => { table.rows.splice(r, 1); redraw(); } }, '×'))));
  box.append(
    el('table', { class: 'table-editor' }, el('thead', {}, head), el('tbody', {}, rows)),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'add-row', onclick: () => { table.rows.push(table.columns.map(() => '')); redraw(); } }, T.addRow),
      el('button', { type: 'button', class: 'add-col', onclick: () => { table.columns.push(''); for (const r of table.rows) r.push(''); redraw(); } }, T.addColumn)));
}
