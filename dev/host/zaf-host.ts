/**
 * The host side of the ZAF v2 protocol, as zendesk_app_framework_sdk (lib/client.js) expects it:
 *
 * - app → host messages are JSON strings (replies to hooks are plain objects) posted to the host
 *   origin; the host accepts them only from its own iframes and from the app origin;
 * - `iframe.handshake` → the host posts `zaf.app.registered` with `{metadata, context}`;
 * - `{id, request: 'get'|'set'|'invoke', params}` → `{id, result: {..., errors: {}}}`;
 * - `iframe.on:<event>` / `iframe.off:<event>` carry the subscriber count; events go to the app as
 *   `zaf.<event>` only while it has subscribers;
 * - `request:<n>` (client.request) → `zaf.request:<n>.done` / `.fail` with `responseArgs`;
 * - hooks (`ticket.save`) go as `zaf.<event>` with `needsReply: true`; the SDK answers
 *   `iframe.reply:<event>`, with `error: {msg}` when a handler returned false, a string, threw, or
 *   its promise rejected;
 * - `iframe.trigger:<event>` (client.trigger / instance.trigger) is delivered as `zaf.<event>` to the
 *   instance named by `instanceGuid`.
 */
import type { ZafContext, ZafLocation, ZafMetadata } from '../../src/zaf/types';
import { requestThroughProxy } from './zaf-request';

export type Lookup = { found: true; value: unknown } | { found: false; message: string };

/** What an app instance can read, change and ask for: the location's data model. */
export interface InstanceModel {
  get(path: string): Lookup | Promise<Lookup>;
  set(path: string, value: unknown): Lookup | Promise<Lookup>;
  invoke(name: string, args: unknown[]): Lookup | Promise<Lookup>;
}

export type HookReply =
  { ok: true; skipped?: boolean } | { ok: false; message: string | null; timedOut?: boolean };

export interface InstanceOptions {
  location: ZafLocation;
  /** The location's page URL (on the app origin). */
  url: string;
  metadata: ZafMetadata;
  context: Omit<ZafContext, 'instanceGuid'>;
  model: InstanceModel;
  /** Called when the app asks to be resized (height in px). */
  onResize?: (height: number | null, width: string | null) => void;
}

type Incoming = {
  key?: string;
  message?: unknown;
  id?: number;
  request?: 'get' | 'set' | 'invoke';
  params?: unknown;
  appGuid?: string;
  instanceGuid?: string;
  error?: { msg?: unknown };
};

function guid(): string {
  return crypto.randomUUID();
}

const unknownPath = (path: string) => ({
  name: 'APIUnavailable',
  message: `Could not find handler for: "${path}"`,
  path,
});

/** One app instance: one iframe, as Zendesk keeps one per ticket tab and location. */
export class AppInstance {
  readonly guid = guid();
  readonly iframe: HTMLIFrameElement;
  readonly location: ZafLocation;
  registered = false;
  destroyed = false;
  private readonly subscriptions = new Map<string, number>();
  private readonly replyWaiters = new Map<string, Array<(reply: HookReply) => void>>();

  constructor(
    private readonly host: ZafHost,
    private readonly options: InstanceOptions,
  ) {
    this.location = options.location;
    const src = new URL(options.url);
    src.searchParams.set('origin', host.hostOrigin);
    src.searchParams.set('app_guid', this.guid);
    this.iframe = document.createElement('iframe');
    this.iframe.src = src.toString();
    this.iframe.title = options.metadata.name ?? 'App';
    this.iframe.className = 'app-iframe';
    this.iframe.dataset.testid = 'app-iframe';
    this.iframe.dataset.location = options.location;
    this.iframe.dataset.guid = this.guid;
    if (options.context.ticketId) this.iframe.dataset.ticketId = String(options.context.ticketId);
    if (options.context.userId) this.iframe.dataset.userId = String(options.context.userId);
  }

  get context(): ZafContext {
    return { ...this.options.context, instanceGuid: this.guid };
  }

  /** Whether the app currently listens to `event`. */
  isSubscribed(event: string): boolean {
    return (this.subscriptions.get(event) ?? 0) > 0;
  }

  post(message: Record<string, unknown>): void {
    if (this.destroyed) return;
    this.iframe.contentWindow?.postMessage(JSON.stringify(message), this.host.appOrigin);
  }

  /** Sends a framework event (`app.activated`, `ticket.status.changed`, …) if the app listens. */
  trigger(event: string, payload?: unknown): void {
    if (!this.registered || !this.isSubscribed(event)) return;
    this.post({ key: `zaf.${event}`, message: payload, instanceGuid: this.guid });
  }

  /**
   * Runs a hook (`ticket.save`) and waits for the app's reply. Apps that do not listen are not
   * asked. No reply within `timeoutMs` counts as a failure.
   */
  askHook(event: string, timeoutMs: number): Promise<HookReply> {
    if (!this.registered || !this.isSubscribed(event)) {
      return Promise.resolve({ ok: true, skipped: true });
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        remove();
        resolve({ ok: false, message: null, timedOut: true });
      }, timeoutMs);
      const waiter = (reply: HookReply) => {
        clearTimeout(timer);
        resolve(reply);
      };
      const remove = () => {
        const list = this.replyWaiters.get(event) ?? [];
        this.replyWaiters.set(
          event,
          list.filter((w) => w !== waiter),
        );
      };
      this.replyWaiters.set(event, [...(this.replyWaiters.get(event) ?? []), waiter]);
      this.post({ key: `zaf.${event}`, needsReply: true, instanceGuid: this.guid });
    });
  }

  destroy(): void {
    this.trigger('app.willDestroy');
    this.destroyed = true;
    this.iframe.remove();
    this.host.forget(this);
  }

  /** Handles one message from this instance's iframe. */
  async receive(data: Incoming): Promise<void> {
    const key = typeof data.key === 'string' ? data.key : '';
    if (key === 'iframe.handshake') {
      this.registered = true;
      this.post({
        key: 'zaf.app.registered',
        message: { metadata: this.options.metadata, context: this.context },
        instanceGuid: this.guid,
      });
      return;
    }
    if (key.startsWith('iframe.on:') || key.startsWith('iframe.off:')) {
      const event = key.slice(key.indexOf(':') + 1);
      const count = Number(
        (data.message as { subscriberCount?: unknown } | undefined)?.subscriberCount,
      );
      this.subscriptions.set(
        event,
        Number.isFinite(count) ? count : key.startsWith('iframe.on:') ? 1 : 0,
      );
      return;
    }
    if (key.startsWith('iframe.reply:')) {
      const event = key.slice('iframe.reply:'.length);
      const reply: HookReply = data.error
        ? {
            ok: false,
            message:
              typeof data.error.msg === 'string' && data.error.msg.trim() !== ''
                ? data.error.msg
                : null,
          }
        : { ok: true };
      const waiters = this.replyWaiters.get(event) ?? [];
      this.replyWaiters.delete(event);
      waiters.forEach((w) => w(reply));
      return;
    }
    if (key.startsWith('iframe.trigger:')) {
      const event = key.slice('iframe.trigger:'.length);
      const target = this.host.find(data.instanceGuid ?? this.guid) ?? this;
      target.post({ key: `zaf.${event}`, message: data.message, instanceGuid: target.guid });
      return;
    }
    if (/^request:\d+$/.test(key)) {
      await this.request(key, data.message);
      return;
    }
    if (typeof data.id === 'number' && data.request) {
      await this.answer(data.id, data.request, data.params);
    }
  }

  private async answer(id: number, request: 'get' | 'set' | 'invoke', params: unknown) {
    const result: Record<string, unknown> & { errors: Record<string, unknown> } = { errors: {} };
    const model = this.options.model;
    try {
      if (request === 'get') {
        for (const path of Array.isArray(params) ? params.map(String) : []) {
          const r = await model.get(path);
          if (r.found) result[path] = r.value;
          else result.errors[path] = { ...unknownPath(path), message: r.message };
        }
      } else if (request === 'set') {
        for (const [path, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
          const r = await model.set(path, value);
          if (r.found) result[path] = r.value;
          else result.errors[path] = { ...unknownPath(path), message: r.message };
        }
      } else if (request === 'invoke') {
        for (const [name, args] of Object.entries((params ?? {}) as Record<string, unknown>)) {
          const list = Array.isArray(args) ? args : [args];
          const r = name === 'resize' ? this.resize(list[0]) : await model.invoke(name, list);
          if (r.found) {
            if (r.value !== undefined) result[name] = r.value;
          } else {
            result.errors[name] = { ...unknownPath(name), message: r.message };
          }
        }
      }
      this.post({ id, result, instanceGuid: this.guid });
    } catch (error) {
      this.post({
        id,
        error: { name: 'Error', message: (error as Error).message ?? String(error) },
        instanceGuid: this.guid,
      });
    }
  }

  private resize(arg: unknown): Lookup {
    const size = (arg ?? {}) as { height?: unknown; width?: unknown };
    const px = (value: unknown): number | null => {
      if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value);
      if (typeof value === 'string') {
        const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/.exec(value);
        if (m) return Math.round(Number(m[1]));
      }
      return null;
    };
    const height = px(size.height);
    if (size.height !== undefined && height === null && size.height !== '100%') {
      return {
        found: false,
        message: `resize: height must be a number of pixels, not ${JSON.stringify(size.height)}`,
      };
    }
    this.options.onResize?.(height, typeof size.width === 'string' ? size.width : null);
    return { found: true, value: undefined };
  }

  /** `client.request(options)`: answered through the workspace's emulated proxy. */
  private async request(key: string, raw: unknown) {
    const answer = await requestThroughProxy(raw);
    this.post({
      key: `zaf.${key}.${answer.outcome}`,
      message: { responseArgs: answer.responseArgs },
      instanceGuid: this.guid,
    });
  }
}

/** All app instances of the page and the one `message` listener that routes to them. */
export class ZafHost {
  private readonly instances = new Set<AppInstance>();

  constructor(
    readonly hostOrigin: string,
    readonly appOrigin: string,
  ) {
    window.addEventListener('message', (event) => this.onMessage(event));
  }

  create(options: InstanceOptions): AppInstance {
    const instance = new AppInstance(this, options);
    this.instances.add(instance);
    return instance;
  }

  find(guid: string): AppInstance | undefined {
    return [...this.instances].find((i) => i.guid === guid);
  }

  forget(instance: AppInstance): void {
    this.instances.delete(instance);
  }

  private onMessage(event: MessageEvent) {
    const instance = [...this.instances].find((i) => i.iframe.contentWindow === event.source);
    if (!instance) return;
    if (event.origin !== this.appOrigin) {
      console.warn(
        `ZAF host: ignored a message from ${event.origin} (app origin is ${this.appOrigin})`,
      );
      return;
    }
    let data: unknown = event.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        return;
      }
    }
    if (!data || typeof data !== 'object') return;
    void instance.receive(data as Incoming).catch((error: unknown) => {
      console.error('ZAF host: failed to handle a message', error);
    });
  }
}
