// 设置 → 归档密码: set the passphrase that encrypts the archive's database, its strength shown
// while typed, and the 密码备忘单 PDF. The passphrase is never read back from the shell.
import { S } from './strings.js';
import { api } from './api.js';
import { el } from './dom.js';

const T = S.settings;

export async function passphraseCard() {
  const state = await api.passphraseState();
  const status = el('p', { id: 'passphrase-status', class: 'hint' }, state.set ? T.passphraseIsSet : T.passphraseNotSet);
  const strength = el('p', { id: 'passphrase-strength', class: 'hint', role: 'status' });
  const result = el('p', { id: 'passphrase-result', role: 'status' });
  const field = el('input', { type: 'text', id: 'passphrase', autocomplete: 'off', spellcheck: 'false',
    'aria-label': T.passphraseField, placeholder: T.passphraseField, oninput: async () => {
      const s = await api.passphraseStrength(field.value).catch(() => null);
      if (s) {
        strength.textContent = T.passphraseStrength(s.label, s.advice);
        strength.dataset.level = s.level;
        save.disabled = !s.acceptable;
      }
    } });
  const save = el('button', { type: 'button', class: 'primary', id: 'passphrase-save', disabled: true, onclick: async () => {
    save.disabled = true;
    try {
      const s = await api.setPassphrase(field.value);
      field.value = '';
      strength.textContent = '';
      status.textContent = T.passphraseIsSet;
      result.textContent = T.passphraseSaved(s.label);
      print.disabled = false;
      encrypt.disabled = false;
      encryptHint.textContent = T.backupsEncryptedHint;
    } catch (e) {
      result.textContent = e.message;
      save.disabled = false;
    }
  } }, T.passphraseSave);
  const print = el('button', { type: 'button', id: 'passphrase-print', disabled: !state.set, onclick: async () => {
    try {
      const saved = await api.printPassphraseSheet();
      if (saved) result.textContent = T.passphrasePrinted(saved.file_name);
    } catch (e) {
      result.textContent = e.message;
    }
  } }, T.passphrasePrint);
  // 每日备份也加密: only with a passphrase, since the backups are encrypted with it.
  const encrypt = el('input', { type: 'checkbox', id: 'backups-encrypted', disabled: !state.set, onchange: async () => {
    try {
      await api.setBackupsEncrypted(encrypt.checked);
      result.textContent = encrypt.checked ? T.backupsEncryptedOn : T.backupsEncryptedOff;
    } catch (e) {
      encrypt.checked = !encrypt.checked;
      result.textContent = e.message;
    }
  } });
  encrypt.checked = state.backups_encrypted;
  const encryptHint = el('p', { class: 'hint', id: 'backups-encrypted-hint' },
    state.set ? T.backupsEncryptedHint : T.backupsEncryptedNeedsPassphrase);
  return el('section', { class: 'card', id: 'passphrase-card' },
    el('h2', {}, T.passphraseCard),
    el('p', { class: 'hint' }, T.passphraseText),
    status,
    el('div', { class: 'actions' }, field, ' ', save, ' ', print),
    strength,
    el('p', { class: 'hint' }, T.passphraseBackups),
    el('label', { for: 'backups-encrypted', class: 'check' }, encrypt, ' ', T.backupsEncrypted),
    encryptHint,
    result);
}
