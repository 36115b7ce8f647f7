// 周周碰、月月议: the 重复 choice of the new-meeting form, the 创建下一次会议 line of a recurring
// meeting, and the 下次会议 card (what is ready for it). The core computes every day.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { field, options, flash } from './forms.js';
import { actorName } from './actor.js';

const R = S.meetings.cadence;

/// The form's 重复 fields; `value()` is what `create_meeting` takes as `recurrence`.
export function repeatFields() {
  const rule = el('select', { name: 'recurrence', id: 'meeting-repeat' }, options(R.rules, ''));
  const day = el('input', { type: 'text', inputmode: 'numeric', name: 'recurrence_day', id: 'meeting-repeat-day', size: 3 });
  const dayField = field(R.day, day, { hint: R.dayHint });
  const sync = () => { dayField.hidden = rule.value !== 'monthly'; };
  rule.addEventListener('change', sync);
  sync();
  return {
    fields: [field(R.repeat, rule, { hint: R.repeatHint }), dayField],
    value: () => (rule.value === 'monthly' ? `monthly:${day.value.trim()}` : rule.value),
  };
}

/// The line under a meeting's heading: how it repeats and 创建下一次会议, or the next one made.
export async function cadenceLine(meeting, open) {
  const line = el('div', { class: 'cadence-line', id: 'cadence-line' });
  const draw = async () => {
    const c = await api.meetingCadence(meeting.id);
    clear(line);
    if (!c.label && !c.next) return;
    line.append(el('span', { class: 'badge' }, c.label || R.none));
    if (c.next) {
      line.append(' ', R.made(c.next.title),
        el('button', { type: 'button', class: 'link', id: 'open-next-meeting', onclick: () => open(c.next.id) }, R.open));
    } else if (c.next_day) {
      line.append(' ', el('button', { type: 'button', id: 'create-next-meeting', onclick: async (ev) => {
        ev.currentTarget.disabled = true;
        try {
          const m = await api.createNextMeeting(meeting.id, actorName());
          flash(R.created(m.title));
        } catch (e) { flash(e.message); }
        await draw();
      } }, R.create(c.next_day)));
    }
  };
  try { await draw(); } catch { /* a meeting page stays usable without its cadence line */ }
  return line;
}

/// 下次会议: the next planned meeting, with what is ready for it; null when none is planned.
export async function nextMeetingCard(open) {
  const next = await api.nextMeeting().catch(() => null);
  if (!next) return null;
  const m = next.meeting;
  return el('section', { class: 'card next-meeting', id: 'next-meeting' },
    el('h2', {}, R.nextTitle),
    el('p', {}, el('b', {}, m.title), ` · ${next.when}`, m.place ? ` · ${m.place}` : ''),
    el('p', { class: 'ready' }, R.ready(next.topics_waiting, next.tasks_overdue)),
    el('div', { class: 'actions' }, el('button', { type: 'button', id: 'open-next', onclick: () => open(m.id) }, R.openNext)));
}
