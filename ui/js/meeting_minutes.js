// The minutes editor of one agenda item: a plain textarea that autosaves (see autosave.js) with
// its state always visible, and the speaker quick-pick — F2 (or a click in the small box), two
// characters of a name or a role, Enter: “王秀兰（居民代表）：” goes in at the cursor.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { Autosaver } from './autosave.js';
import { clockTime } from './format.js';

const E = S.meetings.minutes;
const clock = (iso) => clockTime(iso, true);

export async function mountMinutes(box, page, item, savers) {
  const [stored, picks] = await Promise.all([api.getMinutes(item.id), api.speakerQuickPick(page.meeting.id)]);
  const state = el('div', { class: 'save-state', id: 'save-state', role: 'status', 'aria-live': 'polite' });
  const area = el('textarea', { id: 'minutes', name: 'minutes', class: 'bench-text', rows: 12, spellcheck: 'false',
    'aria-label': E.label(item.title), readonly: page.closed() });
  const showState = (s) => {
    state.dataset.state = s.state;
    state.textContent = s.state === 'saved' ? E.saved(clock(s.at))
      : s.state === 'error' ? E.failed(s.message) : E.saving;
  };
  let saver = savers.get(item.id);
  if (!saver) {
    saver = new Autosaver((text) => api.saveMinutes(item.id, text), stored.text, showState);
    savers.set(item.id, saver);
  }
  saver.onState = showState;
  area.value = saver.text;
  if (saver.failed) showState({ state: 'error', message: E.stillUnsaved });
  else if (saver.unsaved) showState({ state: 'dirty' });
  else if (stored.updated_at) showState({ state: 'saved', at: stored.updated_at });
  else state.textContent = E.empty;
  area.addEventListener('input', () => saver.change(area.value));
  area.addEventListener('blur', () => saver.flush());

  const pick = quickPick(picks, (p) => insert(p.line, p));
  area.addEventListener('keydown', (ev) => {
    if (ev.key === 'F2') { ev.preventDefault(); pick.open(); }
  });
  let cursor = null;
  area.addEventListener('blur', () => { cursor = [area.selectionStart, area.selectionEnd]; });

  // Inserts a speaker line at the cursor, on a line of its own, and notes who spoke.
  function insert(line, p) {
    const [start, end] = cursor || [area.value.length, area.value.length];
    const before = area.value.slice(0, start);
    const text = (before && !before.endsWith('\n') ? '\n' : '') + line;
    area.value = before + text + area.value.slice(end);
    const at = start + text.length;
    area.focus();
    area.setSelectionRange(at, at);
    saver.change(area.value);
    if (p && !page.closed()) {
      const speaker = p.person_id ? { by: 'person', person_id: p.person_id } : { by: 'named', name: p.name, role_label: p.role_label };
      api.addSpeaker(item.id, speaker).catch((e) => showState({ state: 'error', message: e.message }));
    }
  }
  box.append(el('div', { class: 'minutes-editor' },
    el('div', { class: 'minutes-head' }, el('label', { for: 'minutes', class: 'minutes-label' }, E.title), state),
    area, page.closed() ? el('p', { class: 'hint' }, E.closedHint) : pick.node));
  return {
    leave: () => saver.flush(),
    focus: () => area.focus(),
    restored: (text) => { saver.reset(text); area.value = text; showState({ state: 'saved', at: new Date().toISOString() }); },
  };
}

// The small box under the editor: filters the meeting's people by name or role as she types.
function quickPick(picks, onPick) {
  const input = el('input', { type: 'text', id: 'speaker-pick', name: 'speaker_pick', autocomplete: 'off',
    placeholder: E.pickHint, 'aria-controls': 'pick-list' });
  const list = el('ul', { class: 'pick-list', id: 'pick-list', role: 'listbox' });
  let shown = [];
  let active = 0;
  const draw = () => {
    const q = input.value.trim();
    shown = picks.filter((p) => !q || p.name.includes(q) || p.role_label.includes(q)).slice(0, 8);
    active = Math.min(active, Math.max(shown.length - 1, 0));
    clear(list).append(...shown.map((p, i) => el('li', {
      role: 'option', class: 'pick', 'aria-selected': String(i === active),
      onmousedown: (ev) => { ev.preventDefault(); choose(i); },
    }, p.line, p.attended ? '' : el('span', { class: 'muted' }, E.absent))));
    if (q && shown.length === 0) list.append(el('li', { class: 'muted' }, E.noMatch));
  };
  const choose = (i) => {
    const p = shown[i];
    if (!p) return;
    input.value = '';
    active = 0;
    list.hidden = true;
    onPick(p);
  };
  input.addEventListener('focus', () => { list.hidden = false; draw(); });
  input.addEventListener('blur', () => { list.hidden = true; });
  input.addEventListener('input', () => { active = 0; draw(); });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') { ev.preventDefault(); active = Math.min(active + 1, shown.length - 1); draw(); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); active = Math.max(active - 1, 0); draw(); }
    else if (ev.key === 'Enter') { ev.preventDefault(); choose(active); }
    else if (ev.key === 'Escape') { ev.preventDefault(); ev.stopPropagation(); input.value = ''; document.getElementById('minutes').focus(); }
  });
  list.hidden = true;
  const node = el('div', { class: 'quick-pick' },
    el('label', { for: 'speaker-pick' }, E.pickLabel), el('div', { class: 'pick-box' }, input, list));
  return { node, open: () => input.focus() };
}
