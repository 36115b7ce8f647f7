// 签到: one large button per person on the meeting's list — a tap signs them in with the time (two
// more taps take a mistaken sign-in back); someone not on the list is added as a walk-in. The small
// 列席 switch under each name seats them without a vote (never counted in a vote or its quorum).
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { clockTime } from './format.js';
import { guardedFill } from './guard.js';

const G = S.meetings.signin;
const hhmm = (iso) => clockTime(iso);

export async function renderSignIn(box, page) {
  const error = el('div', { class: 'form-error', role: 'alert' });
  const count = el('p', { class: 'signin-count', id: 'signin-count' });
  const list = el('div', { class: 'signin-list', id: 'signin-list' });
  // The write's own failure is shown here; a re-read that fails after a good write shows its
  // 重试 instead of a message that would invite her to tap again.
  const run = async (action) => {
    clear(error);
    try { await action(); } catch (e) { error.append(e.message); return; }
    await guardedFill(list, () => draw());
  };
  async function draw() {
    const people = await api.meetingParticipants(page.meeting.id);
    const members = people.filter((p) => !p.observer);
    const observers = people.filter((p) => p.observer && p.attended).length;
    count.textContent = G.count(members.filter((p) => p.attended).length, members.length, observers);
    clear(list).append(...people.map((p) => {
      const when = el('span', { class: 'when' }, p.attended && p.signed_in_at ? G.at(hhmm(p.signed_in_at)) : G.notYet);
      const name = el('button', {
        type: 'button', class: 'signin-name', 'data-id': p.id, 'aria-pressed': String(p.attended), disabled: page.closed(),
        onclick: (ev) => (p.attended ? askSignOut(ev.currentTarget, when, p, run) : run(() => api.signIn(p.id))),
      }, el('span', { class: 'who' }, p.name), p.role_label ? el('span', { class: 'role' }, p.role_label) : null, when);
      const seat = el('label', { class: 'check observer', title: G.observerHint },
        el('input', { type: 'checkbox', checked: p.observer, disabled: page.closed(),
          onchange: (ev) => run(() => api.setObserver(p.id, ev.currentTarget.checked)) }),
        p.observer ? G.observerOn : G.observer);
      return el('div', { class: 'signin-seat' }, name, seat);
    }));
    if (people.length === 0) list.append(el('p', { class: 'muted' }, G.empty));
  }
  const name = el('input', { type: 'text', name: 'walkin_name', placeholder: G.name, 'aria-label': G.name });
  const role = el('input', { type: 'text', name: 'walkin_role', placeholder: G.role, 'aria-label': G.role });
  const walkIn = el('form', { class: 'row walk-in', id: 'walk-in', onsubmit: (ev) => {
    ev.preventDefault();
    run(async () => { await api.addWalkIn(page.meeting.id, name.value, role.value); name.value = ''; role.value = ''; });
  } }, name, role, el('button', { type: 'submit' }, G.addWalkIn));
  box.append(el('h3', {}, G.title), count, error, list, ...(page.closed() ? [] : [walkIn]));
  await draw();
}

// A stray tap on someone signed in does not sign them out: the first tap asks (for 4 s), the
// second takes the sign-in back.
function askSignOut(button, when, p, run) {
  if (button.dataset.confirming) {
    clearTimeout(Number(button.dataset.confirming));
    run(() => api.undoSignIn(p.id));
    return;
  }
  const before = when.textContent;
  when.textContent = G.tapAgain;
  button.classList.add('confirming');
  button.dataset.confirming = String(setTimeout(() => {
    delete button.dataset.confirming;
    button.classList.remove('confirming');
    when.textContent = before;
  }, 4000));
}
