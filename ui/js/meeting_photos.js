// 会议照片 on the 会后 tab: the bench, the sign-in sheet as signed, the board — what inspectors
// ask to see beside the minutes. Photos can be added or removed before and after 散会: the
// signed sheet is often photographed the next morning, and no photo is part of the frozen minutes.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { renderPhotos } from './photos.js';
import { flash } from './forms.js';

const P = S.meetings.photos;

export async function meetingPhotosCard(meetingId) {
  const box = el('div', { class: 'thumbs large', id: 'meeting-photos' });
  const error = el('div', { class: 'form-error', role: 'alert' });
  const empty = el('p', { class: 'muted', id: 'meeting-photos-empty' }, P.none);
  const refresh = async () => {
    clear(error);
    await renderPhotos(box, 'meeting', meetingId,
      { editable: true, onError: (m) => error.append(m), onCount: (n) => { empty.hidden = n > 0; } });
  };
  const add = el('button', { type: 'button', id: 'add-meeting-photo', onclick: async () => {
    clear(error);
    try {
      const a = await api.pickPhoto('meeting', meetingId);
      if (a) { flash(P.added(a.file_name)); await refresh(); }
    } catch (e) { error.append(e.message); }
  } }, P.add);
  await refresh();
  return el('section', { class: 'card', id: 'meeting-photos-card' },
    el('h2', {}, P.title), el('p', { class: 'hint' }, P.hint), empty, box, error, el('div', { class: 'actions' }, add));
}
