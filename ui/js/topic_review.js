// 待审定 (提事): the review queue, urgent first then oldest, with one-step actions. A note the
// step needs (what was done, to whom, why not) is asked for inline; an empty reason is refused
// here before the core is asked (which refuses it too).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { actorName } from './actor.js';
import { flash, options } from './forms.js';
import { dayTime } from './format.js';
import { failedPanel } from './guard.js';

const R = S.topics.review;

// Actions that need a note: [button label, target status, what the note is].
const NOTED = {
  done: ['done_on_spot', R.doneNote],
  escalate: ['escalated', R.escalateNote],
  reject: ['rejected', R.rejectNote],
};

export async function renderReview(body, look, nav) {
  let queue;
  let open;
  // Read first, then replace: the list never blinks empty between a step and its re-read.
  try {
    [queue, open] = await Promise.all([api.reviewQueue(), api.listTopics({})]);
  } catch (e) {
    clear(body).append(failedPanel(e, () => renderReview(body, look, nav)));
    return;
  }
  clear(body);
  open = open.filter((t) => look.isOpen(t.status));
  if (!queue.length) {
    body.append(el('section', { class: 'card empty', id: 'review-empty' }, R.empty));
    return;
  }
  body.append(el('p', { class: 'hint' }, R.intro),
    el('ol', { class: 'review-list', id: 'review-list' }, queue.map((t) => row(t, look, nav, open, () => renderReview(body, look, nav)))));
}

function row(t, look, nav, open, refresh) {
  const panel = el('div', { class: 'review-panel' });
  const error = el('div', { class: 'form-error', role: 'alert' });
  const fail = (m) => { clear(error); error.append(m); };
  // The write is said at once, with 撤销 for a few seconds; a list that then fails to re-read
  // does not turn the success into an error (the refresh shows its own 重试).
  const done = async (promise, action) => {
    try { await promise; } catch (e) { fail(e.message); return; }
    flash(R.moved(t.title, action), { undo: () => undo(t, refresh) });
    await refresh().catch(() => {});
  };
  const meta = [look.channel(t.channel), t.raised_by_name, dayTime(t.raised_at), look.placePath(t.place_id), look.categoryName(t.category_id)].filter(Boolean).join(' · ');
  const actions = el('div', { class: 'review-actions' },
    el('button', { type: 'button', class: 'primary', 'data-action': 'accept', onclick: () => done(api.moveTopic(t.id, 'accepted', actorName(), ''), R.accept) }, R.accept),
    ...Object.entries(NOTED).map(([key, [to, what]]) => el('button', {
      type: 'button', 'data-action': key, onclick: () => askNote(panel, error, what, (note) => done(api.moveTopic(t.id, to, actorName(), note), R[key])),
    }, R[key])),
    el('button', { type: 'button', 'data-action': 'merge', onclick: () => askTarget(panel, error, t, open, (into) => done(api.mergeTopic(t.id, into, actorName()), R.merge)) }, R.merge));
  return el('li', { class: t.scale === 'urgent' ? 'card review-item urgent' : 'card review-item', 'data-id': t.id },
    el('div', { class: 'review-head' },
      t.scale === 'urgent' ? el('span', { class: 'badge urgent-badge', title: look.scale('urgent') }, R.urgent) : null,
      el('a', { href: '#topics', class: 'review-title', onclick: (ev) => { ev.preventDefault(); nav.detail(t.id); } }, t.title),
      el('span', { class: 'badge' }, look.handling(t.handling_class))),
    el('p', { class: 'muted meta' }, meta),
    t.description ? el('p', { class: 'review-desc' }, t.description) : null,
    actions, error, panel);
}

async function undo(t, refresh) {
  try {
    await api.revertTopic(t.id, actorName(), R.undoReason);
  } catch (e) { flash(e.message); return; }
  flash(R.undone(t.title));
  await refresh().catch(() => {});
}

function inline(panel, error, ...children) {
  clear(panel);
  clear(error);
  panel.append(...children);
  panel.scrollIntoView({ block: 'nearest' });
}

function askNote(panel, error, what, submit) {
  const input = el('input', { type: 'text', class: 'note-input', 'aria-label': what, placeholder: what });
  const go = () => {
    if (!input.value.trim()) { clear(error); error.append(R.needNote(what)); input.focus(); return; }
    submit(input.value.trim());
  };
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); go(); } });
  inline(panel, error, el('label', { class: 'inline-ask' }, what, input),
    el('button', { type: 'button', class: 'primary', 'data-confirm': '', onclick: go }, R.confirm),
    el('button', { type: 'button', onclick: () => inline(panel, error) }, R.cancel));
  input.focus();
}

function askTarget(panel, error, t, open, submit) {
  const targets = open.filter((x) => x.id !== t.id).map((x) => ({ value: x.id, label: x.title }));
  if (!targets.length) { inline(panel, error); error.append(R.noTargets); return; }
  const select = el('select', { class: 'merge-target', 'aria-label': R.mergeTarget }, options(targets, '', ''));
  const go = () => {
    if (!select.value) { clear(error); error.append(R.needTarget); select.focus(); return; }
    submit(select.value);
  };
  inline(panel, error, el('label', { class: 'inline-ask' }, R.mergeTarget, select),
    el('button', { type: 'button', class: 'primary', 'data-confirm': '', onclick: go }, R.confirm),
    el('button', { type: 'button', onclick: () => inline(panel, error) }, R.cancel));
  select.focus();
}
