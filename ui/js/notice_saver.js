// Autosave of the composer's draft: a second after the last change, at once on flush (tab change,
// preview, issue), retried after a failure. The content stays in memory until a save succeeded.
import { api } from './api.js';

export class DraftSaver {
  constructor(draftId, onState) {
    this.draftId = draftId;
    this.onState = onState;
    this.pending = null;
    this.timer = null;
    this.inFlight = null;
  }

  change(content) {
    this.pending = JSON.stringify(content);
    this.onState({ state: 'dirty' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 1000);
  }

  async flush() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) await this.inFlight;
    if (this.pending === null) return;
    const text = this.pending;
    this.pending = null;
    this.onState({ state: 'saving' });
    this.inFlight = api.saveNoticeDraft(this.draftId, text).then(
      (r) => this.onState({ state: 'saved', at: r.saved_at }),
      (e) => {
        if (this.pending === null) this.pending = text;
        this.onState({ state: 'error', message: e.message });
        this.timer = setTimeout(() => this.flush(), 3000);
      });
    await this.inFlight;
    this.inFlight = null;
  }

  // After the draft was issued or thrown away: nothing more is saved under its id.
  stop() {
    clearTimeout(this.timer);
    this.pending = null;
  }
}
