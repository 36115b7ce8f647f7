// 设置: the set-up checklist and its cards, then this computer's preferences and the database facts.
import { S } from './strings.js';
import { api } from './api.js';
import { el } from './dom.js';
import { loadPrefs, savePrefs } from './prefs.js';
import { actorCard, communityCard, placesCard } from './community.js';
import { rosterCard, householdsCard } from './roster.js';
import { patternsCard } from './patterns.js';
import { catalogueCard } from './catalogue.js';
import { pointsRulesCard } from './points.js';
import { fundAllocationCard } from './fund_allocation.js';
import { passphraseCard } from './passphrase.js';
import { setupHub, checklistCard } from './setup.js';
import { guardedCard } from './guard.js';

// The set-up cards come in the order the work goes, under a checklist of the same steps; the
// cards about this computer (当前使用人, 显示) and the rarely needed ones (密码, 数据库) follow.
// Each card loads on its own: one failed read shows 重试 in its place, not a blank page.
export async function renderSettings(view) {
  const hub = setupHub();
  const cards = await Promise.all([
    () => checklistCard(hub), () => communityCard(hub), () => placesCard(hub), () => householdsCard(hub),
    () => rosterCard(hub), () => patternsCard(hub), () => catalogueCard(hub), () => pointsRulesCard(hub), () => fundAllocationCard(),
    async () => actorCard(), async () => displayCard(), () => passphraseCard(),
    async () => dbCard(await api.appInfo()),
  ].map((make) => guardedCard(make)));
  view.append(...cards);
  cards[0].after(othersIndex(view));
}

// The cards after the set-up steps are reached from one line under the checklist.
function othersIndex(view) {
  const ids = ['allocation-card', 'actor-card', 'display-card', 'passphrase-card', 'db-card'];
  const headings = ids.map((id) => view.querySelector(`#${id} h2`)).filter(Boolean);
  return el('nav', { class: 'page-index', 'aria-label': S.setup.others },
    el('span', { class: 'muted' }, `${S.setup.others}：`),
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
