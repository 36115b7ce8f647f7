// The app frame: the seven sections, routed by the URL hash (#topics, #settings, …).
import { S } from './strings.js';
import { el, clear } from './dom.js';
import { applyPrefs, loadPrefs } from './prefs.js';
import { renderSettings } from './settings.js';
import { renderTopics } from './topics.js';
import { renderMeetings } from './meetings.js';
import { initSearch } from './search.js';
import { maybeWelcome } from './welcome.js';
import { renderNotices, refreshNoticeBadge } from './notices.js';
import { renderTasks, refreshTaskBadge } from './tasks.js';
import { renderPoints } from './points.js';
import { renderArchive } from './archive.js';
import { loadClock } from './format.js';
import { api } from './api.js';
import { failedPanel, messageOf } from './guard.js';

const ORDER = ['topics', 'meetings', 'tasks', 'notices', 'points', 'archive', 'settings'];
const RENDERERS = { settings: renderSettings, topics: renderTopics, meetings: renderMeetings, notices: renderNotices, archive: renderArchive, tasks: renderTasks, points: renderPoints };

function showError(message) {
  const banner = document.getElementById('banner');
  banner.textContent = message;
  banner.hidden = false;
}

// A click on a section always lands on its list: from a topic or meeting page (#topics/<id>)
// the hash changes anyway, but on the list itself (#topics) it does not, so route() is called
// by hand — the section is drawn anew (a tab chosen inside it is left).
function buildNav() {
  const nav = document.getElementById('nav');
  for (const key of ORDER) {
    const s = S.sections[key];
    nav.append(el('li', {}, el('a', { href: `#${key}`, 'data-section': key, onclick: (ev) => {
      navClicked = true;
      if (location.hash === `#${key}`) { ev.preventDefault(); route(); }
    } }, s.title)));
  }
}

// "#topics/<id>" opens a record inside its section (search results link there).
let navClicked = false;

async function route() {
  const fromNav = navClicked;
  navClicked = false;
  const [wanted, ...target] = location.hash.slice(1).split('/');
  const key = ORDER.includes(wanted) ? wanted : ORDER[0];
  document.getElementById('banner').hidden = true;
  document.getElementById('section-title').textContent = S.sections[key].title;
  document.title = `${S.sections[key].title} · ${S.appName}`;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.section === key) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // Today and now move on while the app stays open (past midnight, an evening meeting).
  await loadClock().catch(() => {});
  const view = clear(document.getElementById('view'));
  view.dataset.section = key;
  const render = RENDERERS[key];
  // A screen whose read fails shows why and 重试, never a blank panel.
  try {
    await render(view, { showError, fromNav, target: target.length ? target : null });
  } catch (e) {
    clear(view).append(failedPanel(e, route));
  }
  refreshTaskBadge();
  refreshNoticeBadge();
}

// What slips past every guard (a promise nobody awaited) is said in the banner, in Chinese,
// instead of vanishing into the console.
window.addEventListener('unhandledrejection', (ev) => {
  ev.preventDefault();
  showError(S.guard.crashed + messageOf(ev.reason));
});

applyPrefs(loadPrefs());
buildNav();
initSearch();
refreshNoticeBadge();
window.addEventListener('hashchange', route);
// Every date on screen is in the community's zone: know it before the first screen is drawn.
// Then tell the shell the first screen is drawn (scripts/cold-start times the start-up by it).
// The welcome card comes after the first screen is drawn (it goes above it).
loadClock().then(() => {
  route().finally(() => {
    api.uiReady().catch(() => {});
    maybeWelcome(route);
  });
});
