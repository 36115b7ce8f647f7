// 议题: the section frame with its tabs (新议题 · 待审定 · 议题列表) and the detail view.
import { S } from './strings.js';
import { nextMeetingCard } from './meeting_cadence.js';
import { el, clear } from './dom.js';
import { loadLookups } from './lookups.js';
import { renderIntake } from './topic_form.js';
import { renderReview } from './topic_review.js';
import { renderList } from './topic_list.js';
import { guardedFill } from './guard.js';
import { renderDetail } from './topic_detail.js';
import { chaseBanner } from './topic_escalations.js';

const TABS = ['intake', 'review', 'list'];
let currentTab = 'intake';

export async function renderTopics(view, { showError, target }) {
  // A failed read goes up to route(), which shows it with 重试 instead of a blank panel.
  let look = await loadLookups();
  const tabs = el('div', { class: 'tabs', role: 'tablist' });
  const body = el('div', { class: 'tab-body' });
  view.append(tabs, body);
  // The first screen of the day also says when the next meeting is and what is ready for it.
  nextMeetingCard((id) => { location.hash = `#meetings/${id}`; })
    .then((card) => { if (card && view.isConnected) view.prepend(card); });

  const nav = {
    tab: (key) => show(key),
    detail: (id) => open(() => renderDetail(body, look, id, nav)),
    edit: (topic) => open(() => renderIntake(body, look, nav, topic)),
    reload: async () => { look = await loadLookups(); },
  };
  const open = async (render) => {
    for (const b of tabs.children) b.setAttribute('aria-selected', 'false');
    clear(body);
    await render();
  };
  async function show(key) {
    currentTab = key;
    for (const b of tabs.children) b.setAttribute('aria-selected', String(b.dataset.tab === key));
    clear(body);
    const render = { intake: renderIntake, review: renderReview, list: renderList }[key];
    await guardedFill(body, (b) => render(b, look, nav));
  }
  // 该催办了: 上报件 past their follow-up day without a reply, above every tab.
  chaseBanner(nav.detail).then((banner) => { if (banner) view.insertBefore(banner, tabs); });
  for (const key of TABS) {
    tabs.append(el('button', {
      type: 'button', role: 'tab', class: 'tab', 'data-tab': key, onclick: () => show(key),
    }, S.topics.tabs[key]));
  }
  if (target) await nav.detail(target[0]);
  else await show(currentTab);
}
