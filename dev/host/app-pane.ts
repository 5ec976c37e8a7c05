/** The app's box in the apps tray (or the nav bar's full page) that holds its iframe. */
import type { ZafContext, ZafLocation, ZafMetadata } from '../../src/zaf/types';
import { h } from './dom';
import type { View, WorkspaceContext } from './view';
import type { AppInstance, InstanceModel } from './zaf-host';

export const DEFAULT_SIDEBAR_HEIGHT = 200;

export function appMetadata(ctx: WorkspaceContext): ZafMetadata {
  const a = ctx.config.app;
  return {
    appId: a.appId,
    installationId: a.installationId,
    name: a.name,
    version: a.version,
    settings: a.settings,
  };
}

/** Explains why there is no app to show (dist not built, location not in the manifest). */
export function missingApp(ctx: WorkspaceContext, location: ZafLocation): HTMLElement | null {
  if (!ctx.config.distReady) {
    return h(
      'div',
      { class: 'app-missing', role: 'alert' },
      h('strong', {}, 'The app is not built.'),
      ' Run ',
      h('code', {}, 'npm run build'),
      ' (',
      h('code', {}, 'npm start'),
      ' does it) and reload.',
    );
  }
  if (!ctx.config.app.locations[location]) {
    return h('div', { class: 'app-missing' }, `The manifest has no ${location} location.`);
  }
  return null;
}

export interface MountedApp {
  pane: HTMLElement;
  instance: AppInstance | null;
}

/**
 * Creates the instance and its box. Sidebar apps start at a default height and grow with
 * `invoke('resize')`; nav bar apps fill the page.
 */
export function mountApp(
  ctx: WorkspaceContext,
  location: ZafLocation,
  context: Omit<ZafContext, 'instanceGuid' | 'product' | 'location' | 'account'>,
  model: InstanceModel,
  viewRef: () => View | null,
): MountedApp {
  const full = location === 'nav_bar';
  const missing = missingApp(ctx, location);
  const body = h('div', { class: 'app-body' });
  const pane = h(
    'section',
    {
      class: full ? 'app-pane app-pane-full' : 'app-pane',
      'data-testid': 'app-pane',
      'data-location': location,
    },
    full
      ? null
      : h(
          'header',
          { class: 'app-pane-header' },
          h('img', {
            class: 'app-logo',
            src: `${ctx.config.appOrigin}/app/assets/logo-small.png`,
            alt: '',
            onerror: (e: Event) => (e.target as HTMLElement).remove(),
          }),
          h('span', { class: 'app-title' }, ctx.config.app.name),
        ),
    body,
  );
  if (missing) {
    body.appendChild(missing);
    return { pane, instance: null };
  }
  const instance = ctx.zaf.create({
    location,
    url: ctx.config.app.locations[location]!.url,
    metadata: appMetadata(ctx),
    context: {
      product: 'support',
      location,
      account: { subdomain: ctx.config.subdomain },
      ...context,
    },
    model: {
      get: (path) => model.get(path),
      set: (path, value) => model.set(path, value),
      invoke: async (name, args) => {
        const own = await model.invoke(name, args);
        if (own.found || !own.message.startsWith('Could not find handler')) return own;
        const view = viewRef();
        return view ? ctx.invokeCommon(name, args, view) : own;
      },
    },
    onResize: (height) => {
      if (full || height === null) return;
      instance.iframe.style.height = `${height}px`;
    },
  });
  if (!full) instance.iframe.style.height = `${DEFAULT_SIDEBAR_HEIGHT}px`;
  body.appendChild(instance.iframe);
  return { pane, instance };
}
