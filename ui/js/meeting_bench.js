// 会中: the view for the bench — large type, one agenda item at a time, next/previous from the
// keyboard (Alt+→ / Alt+←, or PageDown / PageUp outside a text box), 全屏, 高对比. The minutes
// editor fills the left; sign-in, vote, decisions and kept versions share the right.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { loadPrefs, savePrefs } from './prefs.js';
import { followupList } from './meeting_prep.js';
import { mountMinutes } from './meeting_minutes.js';
import { renderSignIn } from './meeting_signin.js';
import { renderVote } from './meeting_vote.js';
import { renderElection } from './meeting_election.js';
import { renderDecisions } from './meeting_decisions.js';
import { renderRevisions } from './meeting_revisions.js';
import { guardedFill } from './guard.js';
import { renderBenchPlan } from './topic_plan.js';

const B = S.meetings.bench;
const SIDE = { signin: renderSignIn, vote: renderVote, election: renderElection, decisions: renderDecisions, revisions: renderRevisions, plan: renderBenchPlan };
// Kept across visits of the tab, so a failed autosave keeps retrying with its text.
const savers = new Map();
let sideTab = 'signin';
let position = 0;
let lastMeeting = null;

export async function renderBench(body, page) {
  const agenda = await api.meetingAgenda(page.meeting.id);
  if (lastMeeting !== page.meeting.id) { position = 0; lastMeeting = page.meeting.id; }
  position = Math.min(position, agenda.length - 1);
  const pos = el('span', { class: 'bench-pos', id: 'bench-pos' });
  const title = el('h2', { class: 'bench-title', id: 'bench-title', tabindex: '-1' });
  const main = el('div', { class: 'bench-main' });
  const sideTabs = el('div', { class: 'tabs side-tabs', role: 'tablist' });
  const side = el('div', { class: 'bench-side-body', id: 'bench-side' });
  const full = el('button', { type: 'button', id: 'fullscreen', onclick: () => toggleFull() }, B.fullscreen);
  const contrast = el('button', { type: 'button', id: 'contrast', onclick: () => toggleContrast(contrast) });
  const prev = el('button', { type: 'button', id: 'prev-item', class: 'nav-item', onclick: () => go(-1) }, B.prev);
  const next = el('button', { type: 'button', id: 'next-item', class: 'nav-item', onclick: () => go(1) }, B.next);
  const bench = el('div', { class: 'bench', id: 'bench' },
    el('div', { class: 'bench-bar' }, prev, el('div', { class: 'bench-heading' }, pos, title), next,
      el('div', { class: 'bench-tools' }, full, contrast)),
    el('p', { class: 'bench-keys hint', id: 'bench-keys' }, B.keys),
    el('div', { class: 'bench-grid' }, main, el('aside', { class: 'bench-side' }, sideTabs, side)));
  body.append(bench);
  markContrast(contrast);
  let editor = null;

  async function showItem() {
    const item = agenda[position];
    pos.textContent = B.position(position + 1, agenda.length);
    title.textContent = item.title;
    prev.disabled = position === 0;
    next.disabled = position === agenda.length - 1;
    bench.dataset.item = item.id;
    clear(main);
    if (item.kind === 'follow_up') {
      const lines = await api.followupSummary(page.meeting.id);
      main.append(el('div', { class: 'bench-followup' }, followupList(lines)));
    }
    editor = await mountMinutes(main, page, item, savers);
    await showSide();
  }
  async function showSide() {
    for (const b of sideTabs.children) b.setAttribute('aria-selected', String(b.dataset.tab === sideTab));
    clear(side);
    // A side panel that cannot be read says so with 重试; the minutes stay usable beside it.
    await guardedFill(side, (box) => SIDE[sideTab](box, page, agenda[position], { restored: (text) => editor && editor.restored(text) }));
  }
  async function go(step) {
    const to = position + step;
    if (to < 0 || to >= agenda.length) return;
    if (editor) await editor.leave();
    position = to;
    await showItem();
    if (editor) editor.focus();
  }
  for (const key of Object.keys(SIDE)) {
    sideTabs.append(el('button', { type: 'button', role: 'tab', class: 'tab', 'data-tab': key,
      onclick: () => { sideTab = key; showSide(); } }, B.side[key]));
  }
  const onKey = (ev) => {
    const inText = ev.target.closest && ev.target.closest('textarea, input, select');
    if (ev.altKey && ev.key === 'ArrowRight') { ev.preventDefault(); go(1); }
    else if (ev.altKey && ev.key === 'ArrowLeft') { ev.preventDefault(); go(-1); }
    else if (!inText && ev.key === 'PageDown') { ev.preventDefault(); go(1); }
    else if (!inText && ev.key === 'PageUp') { ev.preventDefault(); go(-1); }
    else if (ev.key === 'Escape' && document.documentElement.classList.contains('bench-full')) toggleFull(false);
  };
  document.addEventListener('keydown', onKey);
  await showItem();
  // At the bench the cursor belongs in the minutes.
  if (editor) editor.focus();
  // Called when she leaves the tab: stop listening, save what is unsaved, leave fullscreen.
  return async () => {
    document.removeEventListener('keydown', onKey);
    if (document.documentElement.classList.contains('bench-full')) await toggleFull(false);
    if (editor) await editor.leave();
  };
}

// 全屏: the window goes fullscreen (our own command) and the page hides everything but the bench.
async function toggleFull(on = !document.documentElement.classList.contains('bench-full')) {
  document.documentElement.classList.toggle('bench-full', on);
  const button = document.getElementById('fullscreen');
  if (button) button.textContent = on ? B.exitFullscreen : B.fullscreen;
  try { await api.setFullscreen(on); } catch { /* the page is full-size anyway */ }
}

function markContrast(button) {
  const on = loadPrefs().theme === 'contrast';
  button.textContent = on ? B.contrastOff : B.contrastOn;
  button.setAttribute('aria-pressed', String(on));
}

function toggleContrast(button) {
  const prefs = loadPrefs();
  savePrefs({ ...prefs, theme: prefs.theme === 'contrast' ? 'normal' : 'contrast' });
  markContrast(button);
}
