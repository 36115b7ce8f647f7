// Autosave of one agenda item's minutes: 0.75 s after the first unsaved keystroke
// (so while she types, a save goes out at least every second), at once on blur, and again and again after
// a failure until the core has the text. The text stays in the page (and in this object, even
// when she moves to another item) until a save of it succeeded.
const SAVE_AFTER_MS = 750;
const RETRY_AFTER_MS = 2000;

export class Autosaver {
  // save(text) → Promise<receipt>; onState({state: 'saved'|'dirty'|'saving'|'error', at, message}).
  constructor(save, savedText, onState) {
    this.save = save;
    this.saved = savedText;
    this.text = savedText;
    this.onState = onState;
    this.timer = null;
    this.inFlight = null;
    this.failed = false;
  }

  get unsaved() {
    return this.text !== this.saved;
  }

  // A keystroke: remember the text, and make sure a save goes out within a second.
  change(text) {
    this.text = text;
    if (!this.unsaved) return;
    if (!this.failed) this.onState({ state: 'dirty' });
    if (!this.timer) this.timer = setTimeout(() => this.flush(), SAVE_AFTER_MS);
  }

  // Saves now (blur, next item, close). Resolves when the current text is saved or has failed.
  async flush() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) {
      await this.inFlight;
      if (this.unsaved && !this.timer) return this.flush();
      return undefined;
    }
    if (!this.unsaved) return undefined;
    const text = this.text;
    this.onState({ state: 'saving' });
    this.inFlight = this.save(text).then(
      (receipt) => {
        this.saved = text;
        this.failed = false;
        this.onState({ state: 'saved', at: receipt.saved_at });
      },
      (e) => {
        this.failed = true;
        this.onState({ state: 'error', message: e.message });
      },
    );
    await this.inFlight;
    this.inFlight = null;
    if (this.failed) {
      if (!this.timer) this.timer = setTimeout(() => this.flush(), RETRY_AFTER_MS);
    } else if (this.unsaved && !this.timer) {
      this.timer = setTimeout(() => this.flush(), SAVE_AFTER_MS);
    }
    return undefined;
  }

  // The text was replaced from the core (a restored revision): it is saved as it is.
  reset(text) {
    clearTimeout(this.timer);
    this.timer = null;
    this.saved = text;
    this.text = text;
    this.failed = false;
  }
}
