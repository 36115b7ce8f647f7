// The only module that talks to the Tauri shell. Every call returns a promise that rejects with
// {code, message} (message in Chinese), never with a raw exception string.
import { S } from './strings.js';

function transport() {
  const t = window.__TAURI_INTERNALS__;
  if (!t || typeof t.invoke !== 'function') {
    throw { code: 'no_shell', message: S.errors.noShell };
  }
  return t;
}

async function call(command, args = {}) {
  try {
    return await transport().invoke(command, args);
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e && 'message' in e) throw e;
    throw { code: 'unknown', message: S.errors.unknown };
  }
}

export const api = {
  appInfo: () => call('app_info'),
};
