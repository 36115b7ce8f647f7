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

const ORDER = ['topics', 'meetings', 'tasks', 'notices', 'points', 'archive', 'settings'];
const RENDERERS = { settings: renderSettings, topics: renderTopics, meetings: renderMeetings, notices: renderNotices, archive: renderArchive, tasks: renderTasks, points: renderPoints };

function showError(message) {
  const banner = document.getElementById('banner');
  banner.textContent = message;
  banner.hidden = false;
}

function buildNav() {
  const nav = document.getElementById('nav');
  for (const key of ORDER) {
    const s = S.sections[key];
    nav.append(el('li', {}, el('a', { href: `#${key}`, 'data-section': key }, s.title)));
  }
}

// "#topics/<id>" opens a record inside its section (search results link there).
async function route() {
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
  await loadClock();
  const view = clear(document.getElementById('view'));
  view.dataset.section = key;
  const render = RENDERERS[key];
  await render(view, { showError, target: target.length ? target : null });
  refreshTaskBadge();
  refreshNoticeBadge();
}

applyPrefs(loadPrefs());
buildNav();
initSearch();
refreshNoticeBadge();
window.addEventListener('hashchange', route);
// Every date on screen is in the community's zone: know it before the first screen is drawn.
// Then tell the shell the first screen is drawn (scripts/cold-start times the start-up by it).
loadClock().then(() => {
  route().finally(() => api.uiReady().catch(() => {}));
  maybeWelcome(route);
});
