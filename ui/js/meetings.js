// 会议: the list of meetings (status chips), the 新建会议 form, and the way into one meeting.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { repeatFields, nextMeetingCard } from './meeting_cadence.js';
import { field, showError as showFieldError, clearErrors, flash } from './forms.js';
import { dayTime, clockInfo, today } from './format.js';
import { dateInput } from './date_input.js';
import { actorName } from './actor.js';
import { renderMeeting } from './meeting_page.js';

const M = S.meetings;
let statusFilter = '';
// The meeting open when she left the section: coming back returns to it.
let openMeetingId = null;

export async function renderMeetings(view, { showError, fromNav }) {
  // The sidebar always leads to the list, also from inside a meeting.
  if (fromNav) openMeetingId = null;
  // A failed read goes up to route(), which shows it with 重试 instead of a blank panel.
  const vocab = await api.meetingVocab();
  const label = (list, value) => (vocab[list].find((c) => c.value === value) || {}).label || '';
  const ctx = {
    vocab, label, showError,
    list: () => { openMeetingId = null; show(); },
    open: (id, tab) => { openMeetingId = id; show(tab); },
  };
  async function show(tab) {
    clear(view);
    if (openMeetingId) await renderMeeting(view, ctx, openMeetingId, tab);
    else await renderList(view, ctx);
  }
  await show();
}

async function renderList(view, ctx) {
  const meetings = await api.listMeetings();
  const formBox = el('div', { id: 'meeting-form-box' });
  const chips = el('div', { class: 'chips', id: 'meeting-chips' });
  const table = el('div', { id: 'meeting-list' });
  const draw = () => {
    clear(chips);
    const all = [{ value: '', label: M.all }, ...ctx.vocab.statuses];
    for (const s of all) {
      const n = meetings.filter((m) => !s.value || m.status === s.value).length;
      chips.append(el('button', {
        type: 'button', class: 'chip', 'data-status': s.value, 'aria-pressed': String(statusFilter === s.value),
        onclick: () => { statusFilter = s.value; draw(); },
      }, s.label, el('b', {}, String(n))));
    }
    clear(table).append(meetingTable(meetings.filter((m) => !statusFilter || m.status === statusFilter), ctx));
  };
  const newButton = el('button', { type: 'button', class: 'primary', id: 'new-meeting',
    onclick: async () => { newButton.hidden = true; await renderForm(formBox, ctx, () => { newButton.hidden = false; }); } },
  M.newMeeting);
  const next = await nextMeetingCard((id) => ctx.open(id));
  view.append(...(next ? [next] : []), el('div', { class: 'actions list-head' }, newButton), formBox, chips, table);
  draw();
}

function meetingTable(meetings, ctx) {
  if (meetings.length === 0) return el('p', { class: 'card empty' }, M.noMeetings);
  const rows = meetings.map((m) => el('tr', { class: 'meeting-row', 'data-id': m.id },
    el('td', { class: 'nowrap' }, dayTime(m.starts_at)),
    el('td', {}, el('button', { type: 'button', class: 'link open-meeting', onclick: () => ctx.open(m.id) }, m.title)),
    el('td', {}, ctx.label('kinds', m.kind)),
    el('td', {}, m.place),
    el('td', {}, el('span', { class: `status meeting-${m.status}` }, ctx.label('statuses', m.status)))));
  return el('table', { class: 'grid' },
    el('thead', {}, el('tr', {}, M.listColumns.map((c) => el('th', {}, c)))),
    el('tbody', {}, rows));
}

// 新建会议: kind, title, time, place (the community's usual place), host, recorder.
async function renderForm(box, ctx, onDone) {
  const settings = await api.communitySettings().catch(() => ({ default_place: '' }));
  const f = M.form;
  const kind = el('div', { class: 'radios', role: 'radiogroup' }, ctx.vocab.kinds.map((k, i) =>
    el('label', { class: 'radio' }, el('input', { type: 'radio', name: 'kind', value: k.value, checked: i === 0 }), k.label)));
  const c = {
    title: el('input', { type: 'text', name: 'title', placeholder: f.titleHint }),
    starts_at: dateInput({ name: 'starts_at', value: nextEvening(), withTime: true, field: f.startsAt }),
    place: el('input', { type: 'text', name: 'place', value: settings.default_place || '' }),
    host_name: el('input', { type: 'text', name: 'host_name' }),
    recorder_name: el('input', { type: 'text', name: 'recorder_name', value: actorName() === S.roster.actorDefault ? '' : actorName() }),
  };
  const repeat = repeatFields();
  const form = el('form', { class: 'card', id: 'meeting-form' },
    el('h2', {}, M.newMeeting),
    el('div', { class: 'form-grid' },
      el('fieldset', { class: 'field wide', 'data-label': f.kind }, el('legend', {}, f.kind), kind),
      field(f.title, c.title, { wide: true }), field(f.startsAt, c.starts_at), field(f.place, c.place),
      field(f.host, c.host_name), field(f.recorder, c.recorder_name), ...repeat.fields),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', id: 'create-meeting' }, f.create),
      el('button', { type: 'button', onclick: () => { clear(box); onDone(); } }, f.cancel)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const meeting = {
      kind: form.querySelector('input[name=kind]:checked').value,
      title: c.title.value, starts_at: c.starts_at.value.trim(), place: c.place.value,
      host_name: c.host_name.value, recorder_name: c.recorder_name.value, recurrence: repeat.value(),
    };
    try {
      const m = await api.createMeeting(meeting);
      flash(f.created(m.title));
      ctx.open(m.id, 'prep');
    } catch (e) {
      showFieldError(form, e);
    }
  });
  clear(box).append(form);
  c.title.focus();
}

// Meetings are in the evening: the default time is today (or, from 19:00, tomorrow) at 19:30,
// by the community's clock.
function nextEvening() {
  const day = today();
  const late = Number((clockInfo().now || '').slice(11, 13)) >= 19;
  const next = new Date(`${day}T00:00:00Z`);
  if (late) next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)} 19:30`;
}
