// First start. An empty database offers the demo community (载入示例社区), a blank start, and —
// the way most secretaries begin — 开始设置: the community's name and her own name (当前使用人,
// written into every timeline), then straight to the 设置 checklist. A database with records but
// no 当前使用人 on this computer (the office PC after an import) asks only who is recording.
import { S } from './strings.js';
import { api } from './api.js';
import { el } from './dom.js';
import { actorIsSet, saveActorName } from './actor.js';
import { field, showError, clearErrors, flash } from './forms.js';

// Dismissed for this run only: the card comes back while the database is still empty, and one
// database's choice never leaks to another (the webview's storage is shared by all databases).
const DISMISSED = 'yishi.welcome.dismissed';
const W = S.welcome;

/// Shows the welcome card (empty database) or the 当前使用人 question above the view.
export async function maybeWelcome(onLoaded) {
  let info;
  try {
    info = await api.appInfo();
  } catch {
    return; // the settings page explains a database that cannot be opened
  }
  const empty = (info.tables.people || 0) + (info.tables.topics || 0) === 0;
  if (empty && !sessionStorage.getItem(DISMISSED)) showWelcome(onLoaded);
  else if (!actorIsSet()) showActorQuestion();
}

function place(card) {
  document.querySelector('.main').insertBefore(card, document.getElementById('view'));
}

function showWelcome(onLoaded) {
  const community = el('input', { type: 'text', id: 'welcome-community', autocomplete: 'off', placeholder: W.communityHint });
  const actor = el('input', { type: 'text', id: 'welcome-actor', autocomplete: 'off', placeholder: W.actorHint });
  const start = el('form', { class: 'welcome-start', id: 'welcome-start', novalidate: true },
    el('div', { class: 'form-grid' }, field(W.community, community), field(W.actor, actor)),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'start-setup' }, W.start)));
  const card = el('section', { class: 'card welcome', id: 'welcome' },
    el('h2', {}, W.title),
    el('p', {}, W.text),
    start,
    el('p', { class: 'welcome-error', role: 'alert' }),
    el('div', { class: 'choice' },
      el('button', { type: 'button', id: 'load-demo', onclick: load }, W.demo),
      el('button', { type: 'button', onclick: () => { sessionStorage.setItem(DISMISSED, '1'); card.remove(); } }, W.blank)));
  place(card);
  start.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(start);
    if (!actor.value.trim()) { showError(start, W.actorMissing); return; }
    try {
      if (community.value.trim()) {
        const settings = await api.communitySettings();
        // The 落款 is almost always the committee of that name; she can change it in 社区信息.
        const name = community.value.trim();
        await api.saveCommunitySettings({ ...settings, name, issuer: settings.issuer || W.issuerOf(name) });
      }
    } catch (e) { showError(start, e); return; }
    saveActorName(actor.value);
    sessionStorage.setItem(DISMISSED, '1');
    card.remove();
    flash(W.started);
    if (location.hash === '#settings') onLoaded(); else location.hash = '#settings';
  });

  async function load(ev) {
    ev.currentTarget.disabled = true;
    if (actor.value.trim()) saveActorName(actor.value);
    try {
      const s = await api.loadDemo();
      card.replaceChildren(el('p', { class: 'welcome-done' }, W.loaded
        .replace('{people}', s.people).replace('{topics}', s.topics).replace('{meetings}', s.meetings)));
      setTimeout(() => card.remove(), 4000);
      onLoaded();
    } catch (e) {
      card.querySelector('.welcome-error').textContent = e.message;
      ev.currentTarget.disabled = false;
    }
  }
}

// Who sits at this screen: asked once per computer, never guessed.
function showActorQuestion() {
  const name = el('input', { type: 'text', id: 'ask-actor-name', autocomplete: 'off', list: 'ask-actor-names' });
  const names = el('datalist', { id: 'ask-actor-names' });
  api.listPeople().then((people) => names.append(...people.map((p) => el('option', { value: p.name })))).catch(() => {});
  const card = el('form', { class: 'card welcome actor-question', id: 'actor-question', novalidate: true },
    el('h2', {}, W.askActor), el('p', { class: 'hint' }, S.roster.actorHint),
    el('div', { class: 'row' }, field(W.actor, name), names, el('button', { type: 'submit', class: 'primary', id: 'ask-actor-save' }, W.confirm)),
    el('div', { class: 'form-error', role: 'alert' }));
  card.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!name.value.trim()) { showError(card, W.actorMissing); return; }
    saveActorName(name.value);
    card.remove();
    flash(W.actorSaved(name.value.trim()));
  });
  place(card);
}
