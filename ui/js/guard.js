// Screen loads that cannot leave a blank panel: a failed read shows the reason in Chinese with a
// 重试 button that runs the same load again.
import { S } from './strings.js';
import { el, clear } from './dom.js';

// The message of anything thrown: the core's {code, message}, a JS Error, or a bare string.
export function messageOf(e) {
  if (e && typeof e === 'object' && typeof e.message === 'string' && e.message) return e.message;
  if (typeof e === 'string' && e) return e;
  return S.errors.unknown;
}

// A panel saying the read failed, with 重试 calling `retry()`.
export function failedPanel(e, retry) {
  const panel = el('div', { class: 'card load-failed', role: 'alert' },
    el('p', {}, S.guard.failed, messageOf(e)));
  if (retry) panel.append(el('button', { type: 'button', class: 'primary retry', onclick: retry }, S.guard.retry));
  return panel;
}

// Fills `holder` with what `load(holder)` draws; on failure, with a failed panel that retries.
export async function guardedFill(holder, load) {
  try {
    await load(holder);
  } catch (e) {
    clear(holder).append(failedPanel(e, () => { clear(holder); guardedFill(holder, load); }));
  }
}

// After a write that succeeded: redraws with `draw()`. A re-read that fails shows in `box` with
// 重试, never as the write's own error (which would invite her to do the write again).
export async function redraw(box, draw) {
  try {
    await draw();
  } catch (e) {
    clear(box).append(failedPanel(e, () => { clear(box); redraw(box, draw); }));
  }
}

// A card made by `make()`, or a failed panel in its place that replaces itself when retried.
export async function guardedCard(make) {
  try {
    return await make();
  } catch (e) {
    const panel = failedPanel(e, async () => { panel.replaceWith(await guardedCard(make)); });
    return panel;
  }
}
