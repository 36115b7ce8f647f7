// 版本: the kept versions of this item's minutes (every few minutes, before a large deletion, at
// close): look at one, and make it the working text again (the current text is kept first).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { dayTime } from './format.js';
import { flash } from './forms.js';
import { redraw } from './guard.js';

const R = S.meetings.revisions;

export async function renderRevisions(box, page, item, bench) {
  const preview = el('div', { class: 'revision-preview', id: 'revision-preview' });
  const list = el('ul', { class: 'revision-list', id: 'revision-list' });
  async function draw() {
    const revisions = await api.minutesRevisions(item.id);
    clear(list).append(...revisions.map((r) => el('li', {},
      el('button', { type: 'button', class: 'link revision', 'data-id': r.id, onclick: () => show(r) },
        `${dayTime(r.created_at)} · ${page.label('revision_reasons', r.reason)} · ${R.chars(r.chars)}`))));
    if (revisions.length === 0) list.append(el('li', { class: 'muted' }, R.empty));
  }
  function show(r) {
    clear(preview).append(el('pre', { class: 'revision-text' }, r.text),
      page.closed() ? null : el('button', { type: 'button', id: 'restore-revision', onclick: async () => {
        let m;
        try {
          m = await api.restoreMinutesRevision(r.id);
        } catch (e) {
          clear(preview).append(el('div', { class: 'form-error' }, e.message));
          return;
        }
        bench.restored(m.text);
        flash(R.restored);
        clear(preview);
        await redraw(preview, draw);
      } }, R.restore));
  }
  box.append(el('h3', {}, R.title), el('p', { class: 'hint' }, R.hint), list, preview);
  await draw();
}
