// 打印: 会议通知 and 签到表 before the meeting, 会议记录 and each item's 决议公示 after it. The
// shell renders the PDF and asks where to save it (U盘, 桌面…); “打开” shows it in the PDF viewer.
import { S } from './strings.js';
import { api } from './api.js';
import { el } from './dom.js';
import { printRecord, qrSwitch } from './print.js';

const P = S.meetings.print;

// kinds: which meeting-level documents to offer; items: agenda items offered a 决议公示.
export async function renderPrint(body, page, { kinds = ['minutes', 'meeting_notice', 'sign_in'], items = null } = {}) {
  const agenda = items || (await api.meetingAgenda(page.meeting.id)).filter((i) => i.kind !== 'follow_up');
  const result = el('div', { class: 'print-result', id: 'print-result', role: 'status' });
  // 打印二维码: offered only when 设置 holds a 反馈二维码; unticked, this print leaves it out.
  const qr = qrSwitch('print-qr');
  const print = (kind, id, title) => printRecord(kind, id, title, result, { qr: qr.value() });
  const title = page.meeting.title;
  body.append(el('section', { class: 'card print-card', id: 'print' },
    el('h2', {}, P.title), el('p', { class: 'hint' }, P.hint), qr.el,
    el('div', { class: 'actions' }, kinds.map((k) => el('button', { type: 'button', class: 'print', 'data-kind': k,
      onclick: () => print(k, page.meeting.id, title) }, P.kinds[k]))),
    agenda.length ? el('div', { class: 'actions' }, agenda.map((i) => el('button', { type: 'button', class: 'print', 'data-kind': 'decision', 'data-item': i.id,
      onclick: () => print('decision', i.id, i.title) }, P.decision(i.title)))) : null,
    result));
}
