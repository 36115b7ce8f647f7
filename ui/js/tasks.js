// 办理: the section frame with its tabs (任务看板 · 民事民评 · 公约 · 统计), the pages reached
// by deep links (#tasks/<task id>, #tasks/conventions/<id>), and the overdue badge on the nav.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { tabBar } from './tabs.js';
import { renderBoard } from './task_board.js';
import { renderTaskPage } from './task_page.js';
import { renderEvaluate } from './evaluate.js';
import { renderConventions } from './conventions.js';
import { renderConventionPage } from './convention_page.js';
import { guardedFill } from './guard.js';
import { renderStats } from './stats.js';

const TABS = ['board', 'evaluate', 'conventions', 'stats'];
const RENDER = { board: renderBoard, evaluate: renderEvaluate, conventions: renderConventions, stats: renderStats };
let currentTab = 'board';

export async function renderTasks(view, { showError, target }) {
  // A failed read goes up to route(), which shows it with 重试 instead of a blank panel.
  const [vocab, topicVocab] = await Promise.all([api.followupVocab(), api.topicVocab()]);
  const label = (list, v) => (list.find((c) => c.value === v) || {}).label || v;
  const ctx = {
    vocab,
    showError,
    taskStatus: (v) => label(vocab.task_statuses, v),
    taskMode: (v) => label(vocab.task_modes, v),
    topicStatus: (v) => label(topicVocab.statuses, v),
    refreshBadge: refreshTaskBadge,
  };
  // A tab is also a place: leaving a task page for a tab drops the task from the address.
  const pick = (key) => { if (location.hash === '#tasks') show(key); else { currentTab = key; location.hash = '#tasks'; } };
  const { body, mark } = tabBar(view, TABS, S.tasks.tabs, pick);
  async function show(key) {
    currentTab = key;
    mark(key);
    clear(body);
    await guardedFill(body, (b) => RENDER[key](b, ctx));
  }
  if (target && target[0] === 'conventions' && target[1]) {
    currentTab = 'conventions';
    mark('conventions');
    await renderConventionPage(body, ctx, target[1]);
  } else if (target && TABS.includes(target[0])) {
    await show(target[0]);
  } else if (target) {
    mark('board');
    await renderTaskPage(body, ctx, target[0]);
  } else {
    await show(currentTab);
  }
}

// The number of overdue tasks on the 办理 nav item (nothing when none is overdue).
export async function refreshTaskBadge() {
  const link = document.querySelector('#nav a[data-section="tasks"]');
  if (!link) return;
  let counts;
  try { counts = await api.followupCounts(); } catch { return; }
  link.querySelector('.nav-badge')?.remove();
  if (counts.overdue) {
    link.append(el('span', { class: 'nav-badge task-badge', title: S.tasks.badgeTitle(counts.overdue) }, S.tasks.badge(counts.overdue)));
  }
}
