// 当前使用人: the name written into timelines (“王秀兰 受理”). Kept per computer, like the
// display preferences: it is about who sits at this screen. Asked on first start (welcome.js);
// the fallback “记录人” is only for a write made before she answered.
import { S } from './strings.js';

const KEY = 'yishi.actor';

export function actorName() {
  return (localStorage.getItem(KEY) || '').trim() || S.roster.actorDefault;
}

export function actorIsSet() {
  return Boolean((localStorage.getItem(KEY) || '').trim());
}

export function saveActorName(name) {
  localStorage.setItem(KEY, name.trim());
}
