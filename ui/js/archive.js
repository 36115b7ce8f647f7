// 台账与备份: export to the USB stick (with progress), verify, import with the dry-run summary
// shown before confirming, and the backups list with restore. Folders are chosen in the shell.
import { S } from './strings.js';
import { api } from './api.js';
import { el, clear } from './dom.js';
import { fullDate, today } from './format.js';

const A = S.archive;

export async function renderArchive(view, { showError }) {
  const backups = el('section', { class: 'card', id: 'backups-card' });
  view.append(exportCard(), importCard(() => refreshBackups(backups, showError)), verifyCard(), backups);
  await refreshBackups(backups, showError);
}

// A line under a card's buttons: ok (green), error (the core's message) or plain progress.
function line(id) {
  return el('p', { id, class: 'archive-line', role: 'status', 'aria-live': 'polite', hidden: true });
}

function say(node, text, kind = '') {
  node.hidden = false;
  node.className = `archive-line ${kind}`;
  clear(node).append(text);
}

// The notices/ folder: this year's notices by default (a stick for the street office), or all.
function noticesChoice() {
  let value = 'year';
  const group = el('div', { class: 'choice', role: 'group', id: 'export-notices', 'aria-label': A.noticesLabel },
    Object.entries(A.noticesChoice).map(([key, label]) => el('button', {
      type: 'button', 'data-value': key, 'aria-pressed': String(key === value),
      onclick: (ev) => {
        value = key;
        for (const b of group.children) b.setAttribute('aria-pressed', String(b === ev.currentTarget));
      },
    }, label)));
  const since = () => (value === 'all' ? null : `${today().slice(0, 4)}-01-01`);
  return { node: el('div', { class: 'actions' }, el('span', {}, `${A.noticesLabel}：`), group), since };
}

function exportCard() {
  const result = line('export-result');
  const notices = noticesChoice();
  const facts = el('div', { class: 'hint', id: 'export-facts', hidden: true });
  const button = el('button', { type: 'button', class: 'primary', id: 'export-archive', onclick: async () => {
    button.disabled = true;
    facts.hidden = true;
    say(result, A.exporting);
    // The export runs in the shell; its current step is polled for the progress line.
    const timer = setInterval(async () => {
      const p = await api.archiveProgress().catch(() => null);
      if (p) say(result, `${A.exporting}（${p.done + 1}/${p.total}）${p.label}`);
    }, 200);
    try {
      const report = await api.exportArchive(notices.since());
      if (report) {
        // The folder in words, what to hand over, and the folder itself one click away.
        say(result, A.exported(report.words), 'ok');
        facts.hidden = false;
        clear(facts).append(el('p', {}, A.handOver), el('p', { class: 'muted' }, A.exportedFacts(report.files, A.mb(report.bytes))),
          el('button', { type: 'button', id: 'open-export-folder', onclick: () => api.openExportFolder().catch((e) => say(result, e.message, 'error')) }, A.openFolder));
      } else {
        result.hidden = true;
      }
    } catch (e) {
      say(result, e.message, 'error');
    } finally {
      clearInterval(timer);
      button.disabled = false;
    }
  } }, A.export);
  return el('section', { class: 'card', id: 'export-card' },
    el('h2', {}, A.exportCard), el('p', { class: 'hint' }, A.exportText),
    notices.node, el('div', { class: 'actions' }, button), result, facts);
}

function verifyCard() {
  const result = line('verify-result');
  const button = el('button', { type: 'button', id: 'verify-archive', onclick: async () => {
    button.disabled = true;
    try {
      const r = await api.verifyArchive();
      if (r) say(result, [A.verified(r.community, fullDate(r.created_at)), ...r.checked, ...r.unchecked].join('；'), 'ok');
    } catch (e) {
      say(result, e.message, 'error');
    } finally {
      button.disabled = false;
    }
  } }, A.verify);
  return el('section', { class: 'card', id: 'verify-card' },
    el('h2', {}, A.verifyCard), el('p', { class: 'hint' }, A.verifyText),
    el('div', { class: 'actions' }, button), result);
}

function importCard(afterImport) {
  const result = line('import-result');
  const preview = el('div', { id: 'import-preview', hidden: true });
  const choose = el('button', { type: 'button', class: 'primary', id: 'preview-import', onclick: async () => {
    choose.disabled = true;
    preview.hidden = true;
    result.hidden = true;
    ask.hidden = true;
    try {
      const summary = await api.previewImport();
      if (summary) showPreview(preview, summary, result, afterImport);
    } catch (e) {
      say(result, e.message, 'error');
      if (PASSPHRASE_CODES.includes(e.code)) ask.hidden = false;
    } finally {
      choose.disabled = false;
    }
  } }, A.choose);
  // An encrypted archive this laptop cannot open: the passphrase is asked for once.
  const field = el('input', { type: 'password', id: 'import-passphrase', autocomplete: 'off', 'aria-label': A.passphraseLabel });
  const remember = el('input', { type: 'checkbox', id: 'import-remember', checked: true });
  const retry = el('button', { type: 'button', class: 'primary', id: 'import-with-passphrase', onclick: async () => {
    retry.disabled = true;
    try {
      const summary = await api.previewImportWithPassphrase(field.value, remember.checked);
      ask.hidden = true;
      result.hidden = true;
      if (summary) showPreview(preview, summary, result, afterImport);
    } catch (e) {
      say(result, e.message, 'error');
    } finally {
      retry.disabled = false;
    }
  } }, A.passphraseRetry);
  const ask = el('div', { id: 'import-ask', class: 'passphrase-ask', hidden: true },
    el('label', {}, A.passphraseLabel, ' ', field), ' ',
    el('label', {}, remember, ' ', A.passphraseRemember), ' ', retry);
  return el('section', { class: 'card', id: 'import-card' },
    el('h2', {}, A.importCard), el('p', { class: 'hint' }, A.importText),
    el('div', { class: 'actions' }, choose), ask, preview, result);
}

const PASSPHRASE_CODES = ['archive_passphrase_needed', 'archive_wrong_passphrase'];

function showPreview(preview, s, result, afterImport) {
  clear(preview).hidden = false;
  preview.append(
    el('p', { class: 'preview-title' }, A.previewTitle(s.community, fullDate(s.archive_created_at))),
    el('p', { id: 'import-summary', class: 'preview-summary' }, s.new + s.updated > 0 ? A.summary(s.new, s.updated, s.unchanged) : A.nothing));
  if (s.tables.length) {
    preview.append(el('table', { class: 'grid', id: 'import-tables' },
      el('thead', {}, el('tr', {}, A.tableHead.map((h) => el('th', {}, h)))),
      el('tbody', {}, s.tables.map((t) => el('tr', {},
        el('td', {}, A.tables[t.table] || t.table), el('td', {}, t.new), el('td', {}, t.updated))))));
  }
  if (s.conflicts.length) {
    preview.append(el('p', { class: 'conflicts-title' }, A.conflictsTitle(s.conflicts.length)),
      el('ul', { id: 'import-conflicts' }, s.conflicts.map((c) => el('li', {}, `${A.tables[c.table] || c.table}：${c.what}`))));
  }
  const confirm = el('button', { type: 'button', class: 'primary', id: 'confirm-import', onclick: async () => {
    confirm.disabled = true;
    try {
      const done = await api.confirmImport();
      preview.hidden = true;
      say(result, A.imported(done.new, done.updated), 'ok');
      afterImport();
    } catch (e) {
      say(result, e.message, 'error');
      confirm.disabled = false;
    }
  } }, A.confirm);
  const cancel = el('button', { type: 'button', id: 'cancel-import', onclick: () => { preview.hidden = true; } }, A.cancel);
  preview.append(el('div', { class: 'actions' }, confirm, cancel));
}

async function refreshBackups(card, showError) {
  clear(card).append(el('h2', {}, A.backupsCard), el('p', { class: 'hint' }, A.backupsText));
  const result = line('restore-result');
  let list = [];
  try {
    list = await api.listBackups();
  } catch (e) {
    showError(e.message);
  }
  if (!list.length) card.append(el('p', { class: 'empty' }, A.noBackups));
  else card.append(backupsTable(list, result, () => refreshBackups(card, showError)));
  const fromArchive = el('button', { type: 'button', id: 'restore-archive', onclick: () => ask(result, A.restoreArchiveText, async () => {
    if (await api.restoreFromArchive()) {
      await refreshBackups(card, showError);
      say(card.querySelector('#restore-result'), A.restoredArchive, 'ok');
    }
  }) }, A.restoreArchive);
  card.append(el('div', { class: 'actions' }, fromArchive), result);
}

function backupsTable(list, result, refresh) {
  return el('table', { class: 'grid', id: 'backups' },
    el('thead', {}, el('tr', {}, A.backupsHead.map((h) => el('th', {}, h)))),
    el('tbody', {}, list.map((b) => el('tr', {},
      el('td', { class: 'nowrap' }, b.taken_at.slice(0, 16)),
      el('td', {}, b.encrypted ? A.encryptedBackup(b.reason_label) : b.reason_label),
      el('td', { class: 'nowrap' }, `${A.mb(b.size)} MB`),
      el('td', {}, el('button', { type: 'button', class: 'small', 'data-file': b.file_name,
        onclick: () => ask(result, A.restoreAsk(b.taken_at.slice(0, 16)), async () => {
          await api.restoreBackup(b.file_name);
          await refresh();
          say(document.getElementById('restore-result'), A.restored, 'ok');
        }) }, A.restore))))));
}

// An inline question with 确定 / 取消 (restore replaces everything: never on one click).
function ask(result, question, act) {
  const yes = el('button', { type: 'button', class: 'primary', id: 'restore-yes', onclick: async () => {
    yes.disabled = true;
    try {
      await act();
    } catch (e) {
      say(result, e.message, 'error');
    }
  } }, A.restoreYes);
  const no = el('button', { type: 'button', onclick: () => { result.hidden = true; } }, A.cancel);
  say(result, el('span', {}, question, ' ', yes, ' ', no), 'ask');
}
