// 设置: the database facts and the display preferences.
import { S } from './strings.js';
import { api } from './api.js';
import { el } from './dom.js';
import { loadPrefs, savePrefs } from './prefs.js';
import { actorCard, communityCard, placesCard } from './community.js';
import { rosterCard, householdsCard } from './roster.js';
import { catalogueCard } from './catalogue.js';
import { pointsRulesCard } from './points.js';
import { passphraseCard } from './passphrase.js';

export async function renderSettings(view, { showError }) {
  // 字号 and 对比度 come first: the secretaries who need large type should not have to scroll
  // for it. The roster and catalogue are used weekly, the database facts rarely: they come last.
  const display = displayCard();
  view.append(display);
  try {
    display.after(await communityCard(), await rosterCard(), await householdsCard(), await placesCard(),
      await catalogueCard(), await pointsRulesCard(), await passphraseCard(), actorCard());
    view.append(dbCard(await api.appInfo()));
  } catch (e) {
    showError(S.errors.startup + e.message);
  }
  view.prepend(pageIndex(view));
}

// The page holds many cards: an index of their headings jumps to each.
function pageIndex(view) {
  const headings = [...view.querySelectorAll(':scope > .card > h2, :scope > div > .card > h3, :scope > .card > h3')];
  return el('nav', { class: 'page-index', 'aria-label': S.settings.index },
    headings.map((h) => el('button', { type: 'button', onclick: () => h.scrollIntoView({ block: 'start' }) }, h.textContent)));
}

function dbCard(info) {
  const total = Object.values(info.tables).reduce((a, b) => a + b, 0);
  return el('section', { class: 'card', id: 'db-card' },
    el('h2', {}, S.settings.dbCard),
    el('dl', { class: 'facts' },
      el('dt', {}, S.settings.dbPath), el('dd', { id: 'db-path' }, info.db_path),
      el('dt', {}, S.settings.dbMode), el('dd', { id: 'db-mode' }, info.location.mode_label),
      el('dt', {}, S.settings.schemaVersion), el('dd', { id: 'schema-version' }, info.schema_version),
      el('dt', {}, S.settings.appVersion), el('dd', { id: 'app-version' }, info.app_version),
      el('dt', {}, S.settings.records), el('dd', {}, total)),
    reindexRow());
}

// Repair for search: rebuilds the index from the records (changes no record).
function reindexRow() {
  const result = el('span', { class: 'hint', id: 'reindex-result', role: 'status' });
  const run = async (ev) => {
    ev.currentTarget.disabled = true;
    try {
      result.textContent = S.settings.reindexed(await api.rebuildSearchIndex());
    } catch (e) {
      result.textContent = e.message;
    }
    ev.currentTarget.disabled = false;
  };
  return el('div', { class: 'actions' },
    el('button', { type: 'button', id: 'reindex', title: S.settings.reindexHint, onclick: run }, S.settings.reindex), ' ', result);
}

function displayCard() {
  const prefs = loadPrefs();
  const choice = (field, options) => el('div', { class: 'choice', role: 'group' },
    Object.entries(options).map(([value, label]) => el('button', {
      type: 'button', 'data-value': value, 'aria-pressed': String(prefs[field] === value),
      onclick: (ev) => {
        prefs[field] = value;
        savePrefs(prefs);
        for (const b of ev.currentTarget.parentElement.children) b.setAttribute('aria-pressed', String(b === ev.currentTarget));
      },
    }, label)));
  return el('section', { class: 'card', id: 'display-card' },
    el('h2', {}, S.settings.displayCard),
    el('dl', { class: 'facts' },
      el('dt', {}, S.settings.fontSize), el('dd', { id: 'font-size' }, choice('size', S.settings.sizes)),
      el('dt', {}, S.settings.theme), el('dd', { id: 'theme' }, choice('theme', S.settings.themes))));
}
