/**
 * The app's entry, kept small on purpose: the ZAF SDK, the bootstrap and the pure Klaviyo client.
 * It asks for the React half (ui/mount) at once, so that loads while Zendesk registers the app;
 * it starts the sidebar's Klaviyo requests the moment the requester is known, without waiting for
 * React, Garden or styled-components; it fetches only the agent's language; then it mounts.
 */
import { loadCatalog, resolveLocale } from './i18n';
import { startSidebarData } from './ui/sidebar/headstart';
import { bootstrapZaf } from './zaf/bootstrap';
import { initZafClient } from './zaf/client';
import type { ZafValue } from './zaf/context';
import { isSidebarLocation } from './zaf/hooks/requester';

/** The agent's language; if its chunk cannot be fetched, English; if neither, keys show, never nothing. */
function loadLanguage(locale: string): Promise<void> {
  return loadCatalog(resolveLocale(locale))
    .catch(() => loadCatalog('en'))
    .catch(() => undefined);
}

async function start(container: HTMLElement) {
  const ui = import('./ui/mount');
  const browserLocale = navigator.language;
  const client = initZafClient();
  if (!client) {
    await loadLanguage(browserLocale);
    (await ui).showOutsideZendesk(container, browserLocale);
    return;
  }
  let zaf: ZafValue;
  try {
    zaf = await bootstrapZaf(client);
  } catch {
    await loadLanguage(browserLocale);
    (await ui).showStartFailure(container, browserLocale);
    return;
  }
  if (isSidebarLocation(zaf.context.location)) zaf = { ...zaf, headStart: startSidebarData(zaf) };
  const locale = zaf.currentUser.locale ?? browserLocale;
  const [mount] = await Promise.all([ui, loadLanguage(locale)]);
  mount.showApp(container, zaf, locale);
}

const container = document.getElementById('root');
if (container) void start(container);
