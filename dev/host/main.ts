/**
 * The local stand-in for the Zendesk agent workspace (browser side): top bar, left navigation
 * with the demo tickets, customers and the app's nav bar page, ticket tabs, the ticket or user
 * page, and the apps tray with the app's iframe. Each ticket tab keeps its own app instance, hidden
 * when another tab is shown, as Zendesk does; switching back sends `app.activated`. The parts live
 * in `shell/`: the chrome, the shell's state and navigation, and what every location may use.
 */
import type { ZdUser } from '../zendesk/types';
import { api, type HostConfig } from './api';
import { h, replaceChildren } from './dom';
import { layout, renderChrome } from './shell/chrome';
import { commonRoot, invokeCommon } from './shell/common';
import { closeView, navigateTo, refreshTickets, show, type Shell } from './shell/shell';
import { parseRoute, type Route, type WorkspaceContext } from './view';
import { ZafHost } from './zaf-host';

async function start(root: HTMLElement) {
  const config: HostConfig = await api.config();
  const [me, brands, list] = await Promise.all([api.me(), api.brands(), api.tickets()]);
  const meIdentities = await api.identities(me.id);
  const el = {
    navigator: h('aside', { class: 'navigator', 'aria-label': 'Navigation' }),
    tabs: h('div', { class: 'tabs', role: 'tablist', 'data-testid': 'tabs' }),
    panes: h('main', { class: 'panes', id: 'main' }),
    tray: h(
      'aside',
      { class: 'apps-tray', 'aria-label': 'Apps', 'data-testid': 'apps-tray' },
      h('header', { class: 'apps-tray-header' }, 'Apps'),
    ),
  };
  // What every app location may read and invoke; it navigates the shell made below.
  const navigate = (route: Route) => navigateTo(shell, route);
  const ctx: WorkspaceContext = {
    config,
    me,
    meIdentities,
    brands,
    zaf: new ZafHost(config.hostOrigin, config.appOrigin),
    endUsers: () => [...shell.users.values()].filter((u) => u.role === 'end-user'),
    navigate,
    refreshChrome: () => void refreshTickets(shell),
    commonRoot: () => commonRoot(config, me, meIdentities),
    invokeCommon: (name, args, view) => invokeCommon(name, args, view, navigate),
  };
  const shell: Shell = {
    config,
    me,
    tickets: list.tickets,
    users: new Map<number, ZdUser>(list.users.map((u) => [u.id, u])),
    views: new Map(),
    opened: [],
    current: null,
    navigation: 0,
    el,
    ctx,
    navigate,
    close: (key) => closeView(shell, key),
  };
  layout(root, shell);
  root.removeAttribute('aria-busy');
  window.addEventListener('popstate', () => void show(shell, parseRoute(location.search)));
  renderChrome(shell);
  await show(shell, parseRoute(location.search));
}

const root = document.getElementById('workspace');
if (root) {
  start(root).catch((error: unknown) => {
    root.removeAttribute('aria-busy');
    replaceChildren(
      root,
      h(
        'div',
        { class: 'fatal', role: 'alert' },
        h('h1', {}, 'The local workspace could not start'),
        h('p', {}, (error as Error).message ?? String(error)),
      ),
    );
  });
}
