// First start: an empty database offers the demo community (载入示例社区) or a blank start.
import { S } from './strings.js';
import { api } from './api.js';
import { el } from './dom.js';

// Dismissed for this run only: the card comes back while the database is still empty, and one
// database's choice never leaks to another (the webview's storage is shared by all databases).
const DISMISSED = 'yishi.welcome.dismissed';

/// Shows the welcome card above the view when the database holds no people and no topics.
export async function maybeWelcome(onLoaded) {
  if (sessionStorage.getItem(DISMISSED)) return;
  let info;
  try {
    info = await api.appInfo();
  } catch {
    return; // the settings page explains a database that cannot be opened
  }
  if ((info.tables.people || 0) + (info.tables.topics || 0) > 0) return;
  const card = el('section', { class: 'card welcome', id: 'welcome' },
    el('h2', {}, S.welcome.title),
    el('p', {}, S.welcome.text),
    el('p', { class: 'welcome-error', role: 'alert' }),
    el('div', { class: 'choice' },
      el('button', { type: 'button', class: 'primary', id: 'load-demo', onclick: load }, S.welcome.demo),
      el('button', { type: 'button', onclick: () => { sessionStorage.setItem(DISMISSED, '1'); card.remove(); } }, S.welcome.blank)));
  document.querySelector('.main').insertBefore(card, document.getElementById('view'));

  async function load(ev) {
    ev.currentTarget.disabled = true;
    try {
      const s = await api.loadDemo();
      card.replaceChildren(el('p', { class: 'welcome-done' }, S.welcome.loaded
        .replace('{people}', s.people).replace('{topics}', s.topics).replace('{meetings}', s.meetings)));
      setTimeout(() => card.remove(), 4000);
      onLoaded();
    } catch (e) {
      card.querySelector('.welcome-error').textContent = e.message;
      ev.currentTarget.disabled = false;
    }
  }
}
