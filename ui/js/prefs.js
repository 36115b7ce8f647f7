// Display preferences (font size, contrast) persist on this computer in localStorage: they are
// about the person at the screen, not about the community's records.
const KEY = 'yishi.display';

export function loadPrefs() {
  try {
    return { size: 'normal', theme: 'normal', ...JSON.parse(localStorage.getItem(KEY) || '{}') };
  } catch {
    return { size: 'normal', theme: 'normal' };
  }
}

export function applyPrefs(prefs) {
  document.documentElement.dataset.size = prefs.size;
  document.documentElement.dataset.theme = prefs.theme;
}

export function savePrefs(prefs) {
  localStorage.setItem(KEY, JSON.stringify(prefs));
  applyPrefs(prefs);
}
