/** What every workspace view (ticket, user, nav bar app, not found) offers the shell. */
import type { ZdBrand, ZdIdentity, ZdUser } from '../zendesk/types';
import type { HostConfig } from './api';
import type { AppInstance, Lookup, ZafHost } from './zaf-host';

export type Route =
  | { kind: 'ticket'; id: number }
  | { kind: 'user'; id: number }
  | { kind: 'nav'; app: string }
  | { kind: 'home' };

export interface View {
  key: string;
  /** Tab label. */
  title: string;
  /** The main area's content. */
  pane: HTMLElement;
  /** The apps tray's content for this view; null hides the tray (nav bar apps, errors). */
  appPane: HTMLElement | null;
  instance: AppInstance | null;
  /** Called when the view stops being shown (the shell hides its panes). */
  onHide?(): void;
  onShow?(): void;
  destroy?(): void;
}

export interface WorkspaceContext {
  config: HostConfig;
  me: ZdUser;
  meIdentities: ZdIdentity[];
  brands: ZdBrand[];
  zaf: ZafHost;
  /** End-users the agent may pick as a requester. */
  endUsers(): ZdUser[];
  navigate(route: Route): void;
  /** The navigator and tabs show subjects and statuses: redraw them after a save. */
  refreshChrome(): void;
  /** Paths every location has: currentUser, currentAccount, colorScheme, … */
  commonRoot(): Record<string, unknown>;
  /** Actions every location has: notify, routeTo, hide, show, instances.create… */
  invokeCommon(name: string, args: unknown[], view: View): Lookup;
}

export function routeKey(route: Route): string {
  switch (route.kind) {
    case 'ticket':
      return `ticket:${route.id}`;
    case 'user':
      return `user:${route.id}`;
    case 'nav':
      return `nav:${route.app}`;
    default:
      return 'home';
  }
}

export function routeUrl(route: Route): string {
  switch (route.kind) {
    case 'ticket':
      return `/?ticket=${route.id}`;
    case 'user':
      return `/?user=${route.id}`;
    case 'nav':
      return `/?nav=${encodeURIComponent(route.app)}`;
    default:
      return '/';
  }
}

export function parseRoute(search: string): Route | { kind: 'invalid'; text: string } {
  const q = new URLSearchParams(search);
  const id = (name: string) => {
    const raw = q.get(name) ?? '';
    return /^\d+$/.test(raw) ? Number(raw) : null;
  };
  if (q.has('ticket')) {
    const n = id('ticket');
    return n === null
      ? { kind: 'invalid', text: `ticket ${q.get('ticket')}` }
      : { kind: 'ticket', id: n };
  }
  if (q.has('user')) {
    const n = id('user');
    return n === null
      ? { kind: 'invalid', text: `user ${q.get('user')}` }
      : { kind: 'user', id: n };
  }
  if (q.has('nav')) return { kind: 'nav', app: q.get('nav') || 'klaviyo' };
  return { kind: 'home' };
}

/** The route a tab key (`routeKey`) stands for, or null for a key no route makes. */
export function routeOf(key: string): Route | null {
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
