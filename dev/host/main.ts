/**
 * The local stand-in for the Zendesk agent workspace (browser side): top bar, left navigation
 * with the demo tickets, customers and the app's nav bar page, ticket tabs, the ticket or user
 * page, and the apps tray with the app's iframe. Each ticket tab keeps its own app instance, hidden
 * when another tab is shown, as Zendesk does; switching back sends `app.activated`.
 */
import type { ZdUser } from '../zendesk/types';
import { api, type HostConfig } from './api';
import { h, initials, replaceChildren } from './dom';
import { notify } from './notify';
import { createNavView, createUserView, notFoundView } from './other-views';
import { createTicketView, statusBadge } from './ticket-view';
import {
  parseRoute,
  routeKey,
  routeUrl,
  type Route,
  type View,
  type WorkspaceContext,
} from './view';
import { ZafHost, type Lookup } from './zaf-host';
import { zafUser } from './zaf-objects';

const NAV_APP = 'klaviyo';

async function start(root: HTMLElement) {
  const config: HostConfig = await api.config();
  const [me, brands, list] = await Promise.all([api.me(), api.brands(), api.tickets()]);
  const meIdentities = await api.identities(me.id);
  let tickets = list.tickets;
  const users = new Map<number, ZdUser>(list.users.map((u) => [u.id, u]));
  const zaf = new ZafHost(config.hostOrigin, config.appOrigin);

  const views = new Map<string, View>();
  const opened: string[] = [];
  let current: View | null = null;
  let navigation = 0;

  // ---- chrome ----
  const navigator = h('aside', { class: 'navigator', 'aria-label': 'Navigation' });
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'data-testid': 'tabs' });
  const panes = h('main', { class: 'panes', id: 'main' });
  const tray = h(
    'aside',
    { class: 'apps-tray', 'aria-label': 'Apps', 'data-testid': 'apps-tray' },
    h('header', { class: 'apps-tray-header' }, 'Apps'),
  );
  const railButton = (label: string, icon: string, route: Route, testid: string) =>
    h(
      'button',
      {
        class: 'rail-button',
        type: 'button',
        title: label,
        'aria-label': label,
        'data-testid': testid,
        onclick: () => navigate(route),
      },
      icon,
    );
  replaceChildren(
    root,
    h(
      'header',
      { class: 'topbar' },
      h('span', { class: 'topbar-logo', 'aria-hidden': 'true' }, 'Z'),
      h('span', { class: 'topbar-product' }, 'Support'),
      tabs,
      h('input', {
        class: 'topbar-search',
        type: 'search',
        placeholder: 'Search',
        'aria-label': 'Search',
        disabled: true,
      }),
      h(
        'span',
        { class: 'topbar-agent', title: `${me.name} <${me.email}>` },
        h('span', { class: 'avatar avatar-small' }, initials(me.name)),
        me.name,
      ),
    ),
    h(
      'div',
      { class: 'layout' },
      h(
        'nav',
        { class: 'rail', 'aria-label': 'Products' },
        railButton('Home', '⌂', { kind: 'home' }, 'rail-home'),
        railButton(
          'Customers',
          '☺',
          { kind: 'user', id: tickets[0]?.requester_id ?? me.id },
          'rail-customers',
        ),
        railButton(`${config.app.name} (nav bar)`, 'K', { kind: 'nav', app: NAV_APP }, 'rail-app'),
      ),
      navigator,
      h('div', { class: 'workarea' }, h('div', { class: 'content' }, panes, tray)),
    ),
  );
  root.removeAttribute('aria-busy');

  function navItem(label: Node | string, route: Route, extra: Node[] = [], testid?: string) {
    const active = current?.key === routeKey(route);
    return h(
      'a',
      {
        class: `nav-item${active ? ' active' : ''}`,
        href: routeUrl(route),
        'aria-current': active ? 'page' : null,
        'data-testid': testid,
        onclick: (e: Event) => {
          e.preventDefault();
          navigate(route);
        },
      },
      ...extra,
      h('span', { class: 'nav-item-label' }, label),
    );
  }

  function renderChrome() {
    const endUsers = [...users.values()].filter((u) => u.role === 'end-user');
    replaceChildren(
      navigator,
      h('h2', {}, 'Views'),
      h('div', { class: 'nav-section-title' }, `All tickets (${tickets.length})`),
      ...tickets.map((t) =>
        navItem(
          h(
            'span',
            {},
            h('span', { class: 'nav-subject' }, t.subject),
            h('span', { class: 'nav-sub' }, `#${t.id} · ${users.get(t.requester_id)?.name ?? ''}`),
          ),
          { kind: 'ticket', id: t.id },
          [statusBadge(t.status)],
          `nav-ticket-${t.id}`,
        ),
      ),
      h('div', { class: 'nav-section-title' }, 'Customers'),
      ...endUsers.map((u) =>
        navItem(
          u.name,
          { kind: 'user', id: u.id },
          [h('span', { class: 'avatar avatar-small' }, initials(u.name))],
          `nav-user-${u.id}`,
        ),
      ),
      h('div', { class: 'nav-section-title' }, 'Apps'),
      navItem(
        `${config.app.name} setup (nav bar)`,
        { kind: 'nav', app: NAV_APP },
        [h('span', { class: 'nav-app-icon' }, 'K')],
        'nav-app',
      ),
      h('p', { class: 'nav-footnote' }, 'Local workspace · Klaviyo: ', config.klaviyo),
    );
    replaceChildren(
      tabs,
      ...opened.map((key) => {
        const view = views.get(key);
        if (!view) return null;
        const active = current?.key === key;
        const route = routeOf(key);
        return h(
          'div',
          {
            class: `tab${active ? ' active' : ''}`,
            role: 'tab',
            'aria-selected': String(active),
            'data-testid': 'tab',
          },
          h(
            'button',
            { class: 'tab-label', type: 'button', onclick: () => route && navigate(route) },
            view.title,
          ),
          h(
            'button',
            {
              class: 'tab-close',
              type: 'button',
              'aria-label': `Close ${view.title}`,
              onclick: () => close(key),
            },
            '×',
          ),
        );
      }),
    );
  }

  function routeOf(key: string): Route | null {
    const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'ticket') return { kind: 'ticket', id: Number(rest) };
    if (kind === 'user') return { kind: 'user', id: Number(rest) };
    if (kind === 'nav') return { kind: 'nav', app: rest };
    if (kind === 'missing') {
      const [what, id] = rest.split(':');
      if (what === 'ticket') return { kind: 'ticket', id: Number(id) };
      if (what === 'user') return { kind: 'user', id: Number(id) };
    }
    return null;
  }

  function close(key: string) {
    const view = views.get(key);
    if (!view) return;
    view.destroy?.();
    view.pane.remove();
    view.appPane?.remove();
    views.delete(key);
    opened.splice(opened.indexOf(key), 1);
    if (current === view) {
      current = null;
      const next = opened[opened.length - 1];
      const route = next ? routeOf(next) : null;
      navigate(route ?? { kind: 'home' });
    } else {
      renderChrome();
    }
  }

  async function refreshTickets() {
    const fresh = await api.tickets();
    tickets = fresh.tickets;
    fresh.users.forEach((u) => users.set(u.id, u));
    renderChrome();
  }

  // ---- what every app location may read and invoke ----
  const ctx: WorkspaceContext = {
    config,
    me,
    meIdentities,
    brands,
    zaf,
    endUsers: () => [...users.values()].filter((u) => u.role === 'end-user'),
    navigate: (route) => navigate(route),
    refreshChrome: () => void refreshTickets(),
    commonRoot: () => ({
      currentUser: {
        ...zafUser(me, meIdentities),
        groups: [{ id: 21, name: 'Support' }],
      },
      currentAccount: {
        subdomain: config.subdomain,
        planName: 'Suite Professional',
        timeZone: { ianaName: me.iana_time_zone, name: me.time_zone },
      },
      colorScheme: 'light',
    }),
    invokeCommon(name: string, args: unknown[], view: View): Lookup {
      switch (name) {
        case 'notify':
          notify(args[0], args[1], args[2]);
          return { found: true, value: undefined };
        case 'routeTo': {
          const [where, id] = args;
          if (where === 'ticket' && Number(id) > 0) navigate({ kind: 'ticket', id: Number(id) });
          else if (where === 'user' && Number(id) > 0) navigate({ kind: 'user', id: Number(id) });
          else if (where === 'nav_bar') navigate({ kind: 'nav', app: NAV_APP });
          else return { found: false, message: `routeTo: cannot route to ${JSON.stringify(args)}` };
          return { found: true, value: undefined };
        }
        case 'hide':
        case 'show':
          if (view.appPane) view.appPane.hidden = name === 'hide';
          return { found: true, value: undefined };
        case 'preloadPane':
          return { found: true, value: undefined };
        case 'instances.create':
        case 'popover':
          return {
            found: false,
            message: `${name}: modals and popovers are not emulated by the local workspace`,
          };
        default:
          return { found: false, message: `Could not find handler for: "${name}"` };
      }
    },
  };

  async function viewFor(route: Route | { kind: 'invalid'; text: string }): Promise<View> {
    if (route.kind === 'invalid') return notFoundView(ctx, 'page', route.text);
    const key = routeKey(route);
    const existing = views.get(key) ?? views.get(`missing:${key}`);
    if (existing) return existing;
    let view: View;
    if (route.kind === 'ticket') view = await createTicketView(ctx, route.id);
    else if (route.kind === 'user') view = await createUserView(ctx, route.id);
    else if (route.kind === 'nav') view = createNavView(ctx, route.app);
    else throw new Error('home has no view');
    views.set(view.key, view);
    opened.push(view.key);
    panes.appendChild(view.pane);
    if (view.appPane) tray.appendChild(view.appPane);
    return view;
  }

  async function show(route: Route | { kind: 'invalid'; text: string }) {
    if (route.kind === 'home') {
      const first = tickets[0];
      if (first) {
        history.replaceState(null, '', routeUrl({ kind: 'ticket', id: first.id }));
        await show({ kind: 'ticket', id: first.id });
      }
      return;
    }
    const mine = ++navigation;
    let view: View;
    try {
      view = await viewFor(route);
    } catch (error) {
      notify(`Could not open this page: ${(error as Error).message}`, 'error');
      return;
    }
    if (mine !== navigation) return;
    const previous = current;
    if (previous === view) {
      renderChrome();
      return;
    }
    if (previous) {
      previous.pane.hidden = true;
      if (previous.appPane) previous.appPane.hidden = true;
      previous.onHide?.();
      previous.instance?.trigger('app.deactivated');
    }
    current = view;
    for (const v of views.values()) {
      v.pane.hidden = v !== view;
      if (v.appPane && v !== view) v.appPane.hidden = true;
    }
    if (view.appPane) view.appPane.hidden = false;
    tray.hidden = view.appPane === null;
    document.body.classList.toggle('full-width', view.appPane === null);
    view.onShow?.();
    if (previous) view.instance?.trigger('app.activated', { firstLoad: false });
    document.title = `${view.title} – Agent Workspace – Zendesk (local)`;
    renderChrome();
  }

  function navigate(route: Route) {
    const url = routeUrl(route);
    if (`${location.pathname}${location.search}` !== url) history.pushState(null, '', url);
    void show(route);
  }

  window.addEventListener('popstate', () => void show(parseRoute(location.search)));
  renderChrome();
  await show(parseRoute(location.search));
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
