// The popup: this tab's count of invitations per verdict (asked of the tab's content script) and
// the pause switch (storage.local, which the content scripts watch); the options and the history.
import './globals.js';
const api = globalThis.vouchBrowser;
const { UI_TO_CS, LINKEDIN_ORIGIN, VERDICTS } = globalThis.VouchMessages;
const { PAUSED_KEY } = globalThis.VouchSettings;
globalThis.VouchI18n.localize(document);

async function show_counts() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  let answer = null;
  if (tab && (tab.url || '').startsWith(LINKEDIN_ORIGIN + '/')) {
    answer = await api.tabs.sendMessage(tab.id, { type: UI_TO_CS.GET_COUNTS }).catch(() => null);
  }
  document.getElementById('not-linkedin').hidden = !!answer;
  document.getElementById('counts').hidden = !answer;
  if (!answer) return;
  for (const verdict of VERDICTS) {
    document.querySelector(`tr[data-verdict="${verdict}"] .n`).textContent = String(answer.counts[verdict] || 0);
  }
}

const paused = document.getElementById('paused');
api.storage.local.get(PAUSED_KEY).then((got) => { paused.checked = !!got[PAUSED_KEY]; });
paused.addEventListener('change', () => api.storage.local.set({ [PAUSED_KEY]: paused.checked }));
document.getElementById('options').addEventListener('click', () => api.runtime.openOptionsPage());
document.getElementById('history').addEventListener('click', () => api.tabs.create({ url: api.runtime.getURL('ui/history.html') }));
show_counts();
