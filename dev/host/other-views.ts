/** The user profile page (user_sidebar app), the nav bar app page, and "not found" pages. */
import type { ZdIdentity, ZdUser } from '../zendesk/types';
import { ApiError, api, createUserFieldReader } from './api';
import { mountApp } from './app-pane';
import { h, initials } from './dom';
import type { View, WorkspaceContext } from './view';
import type { InstanceModel, Lookup } from './zaf-host';
import { lookup, zafUser } from './zaf-objects';

export function notFoundView(
  ctx: WorkspaceContext,
  kind: 'ticket' | 'user' | 'page',
  id: number | string,
): View {
  const noun = kind === 'page' ? 'page' : kind;
  const pane = h(
    'div',
    { class: 'not-found', 'data-testid': 'not-found', role: 'alert' },
    h('div', { class: 'not-found-icon', 'aria-hidden': 'true' }, '?'),
    h(
      'h1',
      {},
      kind === 'ticket'
        ? 'Ticket not found'
        : kind === 'user'
          ? 'User not found'
          : 'Page not found',
    ),
    h(
      'p',
      {},
      kind === 'page'
        ? `There is nothing at "${id}".`
        : `The ${noun} #${id} doesn't exist, was deleted, or you don't have access to it.`,
    ),
    h(
      'button',
      { type: 'button', class: 'button', onclick: () => ctx.navigate({ kind: 'home' }) },
      'Go to your tickets',
    ),
  );
  return {
    key: `missing:${kind}:${id}`,
    title: kind === 'ticket' ? `Ticket #${id}` : `${noun} ${id}`,
    pane,
    appPane: null,
    instance: null,
  };
}

const unknown = (path: string): Lookup => ({
  found: false,
  message: `Could not find handler for: "${path}"`,
});

export async function createUserView(ctx: WorkspaceContext, id: number): Promise<View> {
  let user: ZdUser;
  let identities: ZdIdentity[];
  try {
    [user, identities] = await Promise.all([api.user(id), api.identities(id)]);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return notFoundView(ctx, 'user', id);
    throw error;
  }
  const tickets = (await api.tickets()).tickets.filter((t) => t.requester_id === id);
  const readUserFields = await createUserFieldReader();
  const model: InstanceModel = {
    async get(path) {
      let defined: string[] = [];
      if (path.includes('customField:')) ({ user, keys: defined } = await readUserFields(user));
      return lookup({ ...ctx.commonRoot(), user: zafUser(user, identities) }, path, defined);
    },
    set: (path) => unknown(path),
    invoke: (name) => unknown(name),
  };
  const fields = Object.entries(user.user_fields);
  const pane = h(
    'div',
    { class: 'user-view', 'data-testid': 'user-view', 'data-user-id': id },
    h(
      'header',
      { class: 'user-header' },
      h('span', { class: 'avatar avatar-large' }, initials(user.name)),
      h(
        'div',
        {},
        h('h1', {}, user.name),
        h('div', { class: 'user-role' }, user.role === 'end-user' ? 'End user' : user.role),
      ),
    ),
    h(
      'dl',
      { class: 'user-props' },
      h('dt', {}, 'Email'),
      h('dd', {}, user.email ?? '—'),
      h('dt', {}, 'Phone'),
      h('dd', {}, user.phone ?? '—'),
      h('dt', {}, 'Time zone'),
      h('dd', {}, `${user.time_zone} (${user.iana_time_zone})`),
      h('dt', {}, 'Language'),
      h('dd', {}, user.locale),
      h('dt', {}, 'Tags'),
      h('dd', {}, user.tags.join(', ') || '—'),
      ...fields.flatMap(([key, value]) => [
        h('dt', {}, key),
        h('dd', {}, value == null ? '—' : String(value)),
      ]),
    ),
    h('h2', {}, `Requested tickets (${tickets.length})`),
    h(
      'ul',
      { class: 'user-tickets' },
      ...tickets.map((t) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: `/?ticket=${t.id}`,
              onclick: (e: Event) => {
                e.preventDefault();
                ctx.navigate({ kind: 'ticket', id: t.id });
              },
            },
            `#${t.id} ${t.subject}`,
          ),
          ` · ${t.status}`,
        ),
      ),
    ),
  );
  const view: View = { key: `user:${id}`, title: user.name, pane, appPane: null, instance: null };
  const mounted = mountApp(ctx, 'user_sidebar', { userId: id }, model, () => view);
  view.appPane = mounted.pane;
  view.instance = mounted.instance;
  view.destroy = () => mounted.instance?.destroy();
  return view;
}

export function createNavView(ctx: WorkspaceContext, app: string): View {
  const model: InstanceModel = {
    get: (path) => lookup(ctx.commonRoot(), path),
    set: (path) => unknown(path),
    invoke: (name) => unknown(name),
  };
  const view: View = {
    key: `nav:${app}`,
    title: ctx.config.app.name,
    pane: h('div'),
    appPane: null,
    instance: null,
  };
  const mounted = mountApp(ctx, 'nav_bar', {}, model, () => view);
  view.pane = h('div', { class: 'nav-view', 'data-testid': 'nav-view' }, mounted.pane);
  view.instance = mounted.instance;
  view.destroy = () => mounted.instance?.destroy();
  return view;
}
