/**
 * The workspace shell's state and navigation: the open views (one per ticket, user or nav bar
 * page, each with its own app instance), the tabs, which view is shown, and switching between
 * them (`app.deactivated` / `app.activated` as Zendesk sends them; closing a tab destroys its app).
 */
import type { ZdTicket, ZdUser } from '../../zendesk/types';
import { api, type HostConfig } from '../api';
import { notify } from '../notify';
import { createNavView, createUserView, notFoundView } from '../other-views';
import { createTicketView } from '../ticket-view';
import { routeKey, routeOf, routeUrl, type Route, type View, type WorkspaceContext } from '../view';
import { renderChrome } from './chrome';

export interface Shell {
  readonly config: HostConfig;
  readonly me: ZdUser;
  tickets: ZdTicket[];
  readonly users: Map<number, ZdUser>;
  readonly views: Map<string, View>;
  /** Keys of the open tabs, oldest first. */
  readonly opened: string[];
  current: View | null;
  /** Counts navigations, so a slow page never replaces a newer one. */
  navigation: number;
  readonly el: { navigator: HTMLElement; tabs: HTMLElement; panes: HTMLElement; tray: HTMLElement };
  readonly ctx: WorkspaceContext;
  navigate(route: Route): void;
  /** Closes a tab (its view and app instance); the chrome's close buttons call it. */
  close(key: string): void;
}

type AnyRoute = Route | { kind: 'invalid'; text: string };

export function closeView(shell: Shell, key: string): void {
  const view = shell.views.get(key);
  if (!view) return;
  view.destroy?.();
  view.pane.remove();
  view.appPane?.remove();
  shell.views.delete(key);
  shell.opened.splice(shell.opened.indexOf(key), 1);
  if (shell.current === view) {
    shell.current = null;
    const next = shell.opened[shell.opened.length - 1];
    const route = next ? routeOf(next) : null;
    shell.navigate(route ?? { kind: 'home' });
  } else {
    renderChrome(shell);
  }
}

export async function refreshTickets(shell: Shell): Promise<void> {
  const fresh = await api.tickets();
  shell.tickets = fresh.tickets;
  fresh.users.forEach((u) => shell.users.set(u.id, u));
  renderChrome(shell);
}

async function viewFor(shell: Shell, route: AnyRoute): Promise<View> {
  if (route.kind === 'invalid') return notFoundView(shell.ctx, 'page', route.text);
  const key = routeKey(route);
  const existing = shell.views.get(key) ?? shell.views.get(`missing:${key}`);
  if (existing) return existing;
  let view: View;
  if (route.kind === 'ticket') view = await createTicketView(shell.ctx, route.id);
  else if (route.kind === 'user') view = await createUserView(shell.ctx, route.id);
  else if (route.kind === 'nav') view = createNavView(shell.ctx, route.app);
  else throw new Error('home has no view');
  shell.views.set(view.key, view);
  shell.opened.push(view.key);
  shell.el.panes.appendChild(view.pane);
  if (view.appPane) shell.el.tray.appendChild(view.appPane);
  return view;
}

export async function show(shell: Shell, route: AnyRoute): Promise<void> {
  if (route.kind === 'home') {
    const first = shell.tickets[0];
    if (first) {
      history.replaceState(null, '', routeUrl({ kind: 'ticket', id: first.id }));
      await show(shell, { kind: 'ticket', id: first.id });
    }
    return;
  }
  const mine = ++shell.navigation;
  let view: View;
  try {
    view = await viewFor(shell, route);
  } catch (error) {
    notify(`Could not open this page: ${(error as Error).message}`, 'error');
    return;
  }
  if (mine !== shell.navigation) return;
  const previous = shell.current;
  if (previous === view) {
    renderChrome(shell);
    return;
  }
  if (previous) {
    previous.pane.hidden = true;
    if (previous.appPane) previous.appPane.hidden = true;
    previous.onHide?.();
    previous.instance?.trigger('app.deactivated');
  }
  shell.current = view;
  for (const v of shell.views.values()) {
    v.pane.hidden = v !== view;
    if (v.appPane && v !== view) v.appPane.hidden = true;
  }
  if (view.appPane) view.appPane.hidden = false;
  shell.el.tray.hidden = view.appPane === null;
  document.body.classList.toggle('full-width', view.appPane === null);
  view.onShow?.();
  if (previous) view.instance?.trigger('app.activated', { firstLoad: false });
  document.title = `${view.title} – Agent Workspace – Zendesk (local)`;
  renderChrome(shell);
}

export function navigateTo(shell: Shell, route: Route): void {
  const url = routeUrl(route);
  if (`${location.pathname}${location.search}` !== url) history.pushState(null, '', url);
  void show(shell, route);
}
