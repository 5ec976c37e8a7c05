/**
 * What an Action state does in the ZIS stand-in: the built-in Jq transform (on jq-wasm, jq 1.7.1),
 * the config built-ins, and custom HTTP actions, which call the Zendesk stand-in over HTTP with
 * the connection's bearer token. A non-2xx answer is the runtime error ZIS documents; 429 and 500
 * are marked retryable (ZIS reruns the whole flow for them).
 */
import type { ZisHttpDefinition } from '../../src/inbound/zis-types';
import { renderPlaceholders, requirePath } from './paths';

export class StateError extends Error {
  override readonly name = 'StateError';
  constructor(
    readonly error: string,
    readonly causeText: string,
    /** 429 or 500 from an HTTP action: ZIS reruns the flow. */
    readonly retryable = false,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(causeText);
  }
}

export interface ActionDeps {
  /** A custom action of the integration, by its name. */
  customAction(name: string): ZisHttpDefinition | undefined;
  /** The connection's access token (renewed when it expired and can be); null when it has none. */
  connectionToken(name: string): Promise<string | null>;
  /** Where `path` actions go: the account, e.g. `https://demo.zendesk.com`. */
  baseUrl: string;
  fetch(request: Request): Promise<Response>;
  jq(data: unknown, expr: string): Promise<unknown>;
  loadConfig(scope: string): unknown;
  patchConfig(scope: string, config: unknown): unknown;
  /** Counts HTTP calls, for the run log. */
  onHttp(call: { method: string; path: string; status: number }): void;
}

function renderDeep(value: unknown, params: unknown): unknown {
  if (typeof value === 'string') return renderPlaceholders(value, params);
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, params));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, params)]));
  }
  return value;
}

async function httpAction(
  def: ZisHttpDefinition,
  params: Record<string, unknown>,
  deps: ActionDeps,
): Promise<unknown> {
  const target = def.path
    ? new URL(renderPlaceholders(def.path, params), deps.baseUrl)
    : new URL(renderPlaceholders(def.url ?? '', params));
  for (const q of def.query ?? []) {
    target.searchParams.append(q.key, renderPlaceholders(q.value, params));
  }
  const headers = new Headers();
  for (const h of def.headers ?? []) headers.set(h.key, renderPlaceholders(h.value, params));
  if (def.connectionName) {
    const token = await deps.connectionToken(def.connectionName);
    if (token) headers.set('Authorization', `Bearer ${token}`);
  }
  let body: string | undefined;
  if (def['requestBody.$']) body = JSON.stringify(requirePath(params, def['requestBody.$']));
  else if (def.requestBody !== undefined) {
    const rendered = renderDeep(def.requestBody, params);
    body = typeof rendered === 'string' ? rendered : JSON.stringify(rendered);
  }
  const response = await deps.fetch(
    new Request(target, { method: def.method, headers, ...(body === undefined ? {} : { body }) }),
  );
  const text = await response.text();
  deps.onHttp({
    method: def.method,
    path: target.pathname + target.search,
    status: response.status,
  });
  if (response.status < 200 || response.status >= 300) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new StateError(
      'States.TaskFailed',
      `external action failed due to status code: ${response.status}`,
      response.status === 429 || response.status === 500,
      Number.isFinite(retryAfter) && response.headers.has('retry-after') ? retryAfter : null,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { __httpresponse: text };
  }
}

export async function runAction(
  integration: string,
  actionName: string,
  params: Record<string, unknown>,
  deps: ActionDeps,
): Promise<unknown> {
  switch (actionName) {
    case 'zis:common:transform:Jq':
      try {
        return await deps.jq(params.data, String(params.expr));
      } catch (error) {
        throw new StateError('States.TaskFailed', `jq: ${(error as Error).message}`);
      }
    case 'zis:common:action:LoadConfig':
      return deps.loadConfig(String(params.scope));
    case 'zis:common:action:PatchConfig':
      return deps.patchConfig(String(params.scope), params.config);
  }
  const prefix = `zis:${integration}:action:`;
  const def = actionName.startsWith(prefix)
    ? deps.customAction(actionName.slice(prefix.length))
    : undefined;
  if (!def) {
    throw new StateError('States.TaskFailed', `action ${actionName} is not available here`);
  }
  return httpAction(def, params, deps);
}
