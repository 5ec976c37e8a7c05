/**
 * The workspace's chrome: the top bar with the ticket tabs, the product rail, the left navigation
 * (tickets, customers, the app's nav bar page) and the work area with the apps tray.
 */
import { h, initials, replaceChildren } from '../dom';
import { statusBadge } from '../ticket-view';
import { routeKey, routeOf, routeUrl, type Route } from '../view';
import { NAV_APP } from './common';
import type { Shell } from './shell';

export function layout(root: HTMLElement, shell: Shell): void {
  const railButton = (label: string, icon: string, route: Route, testid: string) =>
    h(
      'button',
      {
        class: 'rail-button',
        type: 'button',
        title: label,
        'aria-label': label,
        'data-testid': testid,
        onclick: () => shell.navigate(route),
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
      shell.el.tabs,
      h('input', {
        class: 'topbar-search',
        type: 'search',
        placeholder: 'Search',
        'aria-label': 'Search',
        disabled: true,
      }),
      h(
        'span',
        { class: 'topbar-agent', title: `${shell.me.name} <${shell.me.email}>` },
        h('span', { class: 'avatar avatar-small' }, initials(shell.me.name)),
        shell.me.name,
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
          { kind: 'user', id: shell.tickets[0]?.requester_id ?? shell.me.id },
          'rail-customers',
        ),
        railButton(
          `${shell.config.app.name} (nav bar)`,
          'K',
          { kind: 'nav', app: NAV_APP },
          'rail-app',
        ),
      ),
      shell.el.navigator,
      h(
        'div',
        { class: 'workarea' },
        h('div', { class: 'content' }, shell.el.panes, shell.el.tray),
      ),
    ),
  );
}

function navItem(
  shell: Shell,
  label: Node | string,
  route: Route,
  extra: Node[] = [],
  testid?: string,
) {
  const active = shell.current?.key === routeKey(route);
  return h(
    'a',
    {
      class: `nav-item${active ? ' active' : ''}`,
      href: routeUrl(route),
      'aria-current': active ? 'page' : null,
      'data-testid': testid,
      onclick: (e: Event) => {
        e.preventDefault();
        shell.navigate(route);
      },
    },
    ...extra,
    h('span', { class: 'nav-item-label' }, label),
  );
}

export function renderChrome(shell: Shell): void {
  const endUsers = [...shell.users.values()].filter((u) => u.role === 'end-user');
  replaceChildren(
    shell.el.navigator,
    h('h2', {}, 'Views'),
    h('div', { class: 'nav-section-title' }, `All tickets (${shell.tickets.length})`),
    ...shell.tickets.map((t) =>
      navItem(
        shell,
        h(
          'span',
          {},
          h('span', { class: 'nav-subject' }, t.subject),
          h(
            'span',
            { class: 'nav-sub' },
            `#${t.id} · ${shell.users.get(t.requester_id)?.name ?? ''}`,
          ),
        ),
        { kind: 'ticket', id: t.id },
        [statusBadge(t.status)],
        `nav-ticket-${t.id}`,
      ),
    ),
    h('div', { class: 'nav-section-title' }, 'Customers'),
    ...endUsers.map((u) =>
      navItem(
        shell,
        u.name,
        { kind: 'user', id: u.id },
        [h('span', { class: 'avatar avatar-small' }, initials(u.name))],
        `nav-user-${u.id}`,
      ),
    ),
    h('div', { class: 'nav-section-title' }, 'Apps'),
    navItem(
      shell,
      `${shell.config.app.name} setup (nav bar)`,
      { kind: 'nav', app: NAV_APP },
      [h('span', { class: 'nav-app-icon' }, 'K')],
      'nav-app',
    ),
    h('p', { class: 'nav-footnote' }, 'Local workspace · Klaviyo: ', shell.config.klaviyo),
  );
  replaceChildren(
    shell.el.tabs,
    ...shell.opened.map((key) => {
      const view = shell.views.get(key);
      if (!view) return null;
      const active = shell.current?.key === key;
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
          { class: 'tab-label', type: 'button', onclick: () => route && shell.navigate(route) },
          view.title,
        ),
        h(
          'button',
          {
            class: 'tab-close',
            type: 'button',
            'aria-label': `Close ${view.title}`,
            onclick: () => shell.close(key),
          },
          '×',
        ),
      );
    }),
  );
}
