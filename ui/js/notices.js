// 公示: the section frame with its tabs (撰写 · 预览 · 公示台账), the composer's state shared by
// the tabs, and the badge on the 公示 nav item that points out notices needing attention.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { renderCompose, newComposer } from './notice_compose.js';
import { renderPreview } from './notice_preview.js';
import { guardedFill } from './guard.js';
import { renderLedger } from './notice_ledger.js';

const TABS = ['compose', 'preview', 'ledger'];
let currentTab = 'compose';
// What the composer holds survives switching tabs and sections: {draftId, content, replaces, saver}.
let composer = null;

export async function renderNotices(view, { showError }) {
  // A failed read goes up to route(), which shows it with 重试 instead of a blank panel.
  const defaults = await api.noticeDefaults();
  const tabs = el('div', { class: 'tabs', role: 'tablist' });
  const body = el('div', { class: 'tab-body' });
  view.append(tabs, body);
  const nav = {
    defaults,
    showError,
    tab: (key) => show(key),
    composer: () => composer,
    setComposer: (c) => { composer = c; },
    fresh: () => { composer = newComposer(defaults); return composer; },
  };
  if (!composer) composer = await resumeOrNew(defaults);
  async function show(key) {
    if (composer?.saver) await composer.saver.flush();
    currentTab = key;
    for (const b of tabs.children) b.setAttribute('aria-selected', String(b.dataset.tab === key));
    clear(body);
    const render = { compose: renderCompose, preview: renderPreview, ledger: renderLedger }[key];
    await guardedFill(body, (b) => render(b, nav));
    refreshNoticeBadge();
  }
  for (const key of TABS) {
    tabs.append(el('button', {
      type: 'button', role: 'tab', class: 'tab', 'data-tab': key, onclick: () => show(key),
    }, S.notices.tabs[key]));
  }
  await show(currentTab);
}

// The most recent unfinished draft, or a blank notice.
async function resumeOrNew(defaults) {
  try {
    const drafts = await api.listNoticeDrafts();
    if (drafts.length) return newComposer(defaults, drafts[0]);
  } catch { /* a blank composer still works */ }
  return newComposer(defaults);
}

// A count on the 公示 nav item: periods ending within two days, or ended while still posted.
export async function refreshNoticeBadge() {
  const link = document.querySelector('#nav a[data-section="notices"]');
  if (!link) return;
  let flagged = [];
  try { flagged = await api.noticeHomeFlags(); } catch { return; }
  link.querySelector('.nav-badge')?.remove();
  if (flagged.length) {
    link.append(el('span', { class: 'nav-badge', title: flagged.map((f) => `${f.title}：${f.flag_labels.join('，')}`).join('\n') },
      S.notices.badge(flagged.length)));
  }
}
