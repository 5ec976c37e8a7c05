/**
 * Zendesk Integration Services calls, through the `Transport` as the signed-in admin (ZIS accepts
 * the browser session of a Zendesk app for most of them). One exception: creating an inbound
 * webhook needs a ZIS bearer token, minted from the integration's OAuth client and passed in here;
 * the caller keeps it in memory only. Secrets in answers (the OAuth client secret, connection
 * tokens) are dropped here so they never travel further into the app.
 */
import type { Transport } from '../transport';
import { ZendeskError } from './errors';
import { zendeskCall } from './http';

const ZIS = '/api/services/zis';
const enc = encodeURIComponent;

export interface ZisIntegration {
  name: string;
  description: string;
}

/** The OAuth client ZIS made with the integration, without its secret. */
export interface ZisOAuthClient {
  id: number;
  identifier: string;
}

export interface ZisJobSpec {
  name: string;
  installed: boolean;
  event_source?: string;
  event_type?: string;
  flow_name?: string;
}

/** What Create Inbound Webhook answers: `username` and `password` are shown once, never stored. */
export interface ZisInboundWebhook {
  uuid: string;
  path: string;
  username: string;
  password: string;
  source_system: string;
  event_type: string;
}

/** An OAuth connection as the app sees it: whether a token exists and when it expires. */
export interface ZisConnectionStatus {
  name: string;
  hasToken: boolean;
  tokenExpiry: string | null;
}

export function listIntegrations(transport: Transport): Promise<ZisIntegration[]> {
  return zendeskCall<{ integrations?: ZisIntegration[] }>(
    transport,
    'GET',
    `${ZIS}/registry/integrations`,
    'Reading the Integration Services registry',
  ).then((body) => (Array.isArray(body?.integrations) ? body.integrations : []));
}

/**
 * Registers the integration. Resolves its OAuth client; an integration this account already has
 * answers 409, which resolves `null` (look the client up with `findOAuthClient`).
 */
export async function createIntegration(
  transport: Transport,
  key: string,
  description: string,
): Promise<ZisOAuthClient | null> {
  try {
    const body = await zendeskCall<{
      zendesk_oauth_client?: { id?: number; identifier?: string };
    }>(transport, 'POST', `${ZIS}/registry/${enc(key)}`, 'Registering the integration', {
      description,
    });
    const client = body?.zendesk_oauth_client;
    if (typeof client?.id !== 'number' || typeof client.identifier !== 'string') {
      throw new ZendeskError('malformed', 'Registering the integration: no OAuth client answered');
    }
    return { id: client.id, identifier: client.identifier };
  } catch (error) {
    if (error instanceof ZendeskError && error.status === 409) return null;
    throw error;
  }
}

export async function findOAuthClient(
  transport: Transport,
  identifier: string,
): Promise<ZisOAuthClient | null> {
  const body = await zendeskCall<{ clients?: Array<{ id: number; identifier: string }> }>(
    transport,
    'GET',
    '/api/v2/oauth/clients.json',
    'Reading OAuth clients',
  );
  const found = (body?.clients ?? []).find((c) => c.identifier === identifier);
  return found ? { id: found.id, identifier: found.identifier } : null;
}

/** A short-lived token of the integration's OAuth client, for the one ZIS call that needs it. */
export async function createAccessToken(
  transport: Transport,
  clientId: number,
  scopes: string[] = ['read', 'write'],
): Promise<string> {
  const body = await zendeskCall<{ token?: { full_token?: string } }>(
    transport,
    'POST',
    '/api/v2/oauth/tokens.json',
    'Creating the setup token',
    { token: { client_id: clientId, scopes } },
  );
  const token = body?.token?.full_token;
  if (typeof token !== 'string' || token === '') {
    throw new ZendeskError('malformed', 'Creating the setup token: Zendesk answered no token');
  }
  return token;
}

/** Sends a call with the ZIS bearer instead of the session. */
async function withBearer<T>(
  transport: Transport,
  bearer: string,
  method: 'POST' | 'DELETE',
  path: string,
  what: string,
  body?: unknown,
): Promise<T> {
  const bearerTransport: Transport = {
    send: (request) =>
      transport.send({
        ...request,
        headers: { ...request.headers, Authorization: `Bearer ${bearer}` },
      }),
  };
  return zendeskCall<T>(bearerTransport, method, path, what, body);
}

export async function createInboundWebhook(
  transport: Transport,
  key: string,
  bearer: string,
  sourceSystem: string,
  eventType: string,
): Promise<ZisInboundWebhook> {
  const body = await withBearer<Partial<ZisInboundWebhook>>(
    transport,
    bearer,
    'POST',
    `${ZIS}/inbound_webhooks/generic/${enc(key)}`,
    'Creating the inbound webhook',
    { source_system: sourceSystem, event_type: eventType },
  );
  const { uuid, path, username, password } = body ?? {};
  if (![uuid, path, username, password].every((v) => typeof v === 'string' && v !== '')) {
    throw new ZendeskError('malformed', 'Creating the inbound webhook: the answer is incomplete');
  }
  return {
    uuid: uuid!,
    path: path!,
    username: username!,
    password: password!,
    source_system: sourceSystem,
    event_type: eventType,
  };
}

/** Deletes a webhook by uuid (undocumented but answered 204 in production); 404 counts as gone. */
export async function deleteInboundWebhook(
  transport: Transport,
  key: string,
  bearer: string,
  uuid: string,
): Promise<void> {
  try {
    await withBearer(
      transport,
      bearer,
      'DELETE',
      `${ZIS}/inbound_webhooks/generic/${enc(key)}/${enc(uuid)}`,
      'Deleting the inbound webhook',
    );
  } catch (error) {
    if (!(error instanceof ZendeskError && error.status === 404)) throw error;
  }
}

export interface OAuthStart {
  /** Where the admin clicks Allow (open it in a pop-up). */
  redirectUrl: string;
}

export async function startZendeskConnection(
  transport: Transport,
  key: string,
  subdomain: string,
  returnUrl: string,
): Promise<OAuthStart> {
  const body = await zendeskCall<{ redirect_url?: string }>(
    transport,
    'POST',
    `${ZIS}/connections/oauth/start/${enc(key)}`,
    'Starting the Zendesk connection',
    {
      name: 'zendesk',
      oauth_client_name: 'zendesk',
      oauth_url_subdomain: subdomain,
      origin_oauth_redirect_url: returnUrl,
      permission_scopes: 'read write',
      allow_offline_access: true,
    },
  );
  if (typeof body?.redirect_url !== 'string') {
    throw new ZendeskError(
      'malformed',
      'Starting the Zendesk connection: no consent page answered',
    );
  }
  return { redirectUrl: body.redirect_url };
}

/** The integration's OAuth connection named `name`, tokens dropped; null when there is none. */
export async function readConnection(
  transport: Transport,
  key: string,
  name: string,
): Promise<ZisConnectionStatus | null> {
  const body = await zendeskCall<{
    oauth?: Array<{ name?: string; access_token?: string; token_expiry?: string | null }>;
  }>(
    transport,
    'GET',
    `${ZIS}/integrations/${enc(key)}/connections/all`,
    'Reading the integration’s connections',
  );
  const found = (body?.oauth ?? []).find((c) => c.name === name);
  if (!found) return null;
  return {
    name,
    hasToken: typeof found.access_token === 'string' && found.access_token !== '',
    tokenExpiry: typeof found.token_expiry === 'string' ? found.token_expiry : null,
  };
}

export async function uploadBundle(transport: Transport, key: string, bundle: unknown) {
  await zendeskCall(
    transport,
    'POST',
    `${ZIS}/registry/${enc(key)}/bundles`,
    'Uploading the bundle',
    bundle,
  );
}

export async function listJobSpecs(transport: Transport, key: string): Promise<ZisJobSpec[]> {
  const body = await zendeskCall<{ job_specs?: ZisJobSpec[] }>(
    transport,
    'GET',
    `${ZIS}/registry/${enc(key)}/job_specs`,
    'Reading the job specs',
  );
  return Array.isArray(body?.job_specs) ? body.job_specs : [];
}

export async function installJobSpec(transport: Transport, jobSpecName: string) {
  await zendeskCall(
    transport,
    'POST',
    `${ZIS}/registry/job_specs/install?job_spec_name=${enc(jobSpecName)}`,
    'Installing the job spec',
  );
}

/** Uninstalls; a job spec that is not installed (404) counts as done. */
export async function uninstallJobSpec(transport: Transport, jobSpecName: string) {
  try {
    await zendeskCall(
      transport,
      'DELETE',
      `${ZIS}/registry/job_specs/install?job_spec_name=${enc(jobSpecName)}`,
      'Uninstalling the job spec',
    );
  } catch (error) {
    if (!(error instanceof ZendeskError && error.status === 404)) throw error;
  }
}

export async function readConfig<T>(
  transport: Transport,
  key: string,
  scope: string,
): Promise<T | null> {
  const body = await zendeskCall<{ configs?: Array<{ scope: string; config: T }> }>(
    transport,
    'GET',
    `${ZIS}/integrations/${enc(key)}/configs?filter[scope]=${enc(scope)}`,
    'Reading the integration’s settings',
  );
  return (body?.configs ?? []).find((c) => c.scope === scope)?.config ?? null;
}

/** Creates the scope, or replaces its config when it exists. */
export async function writeConfig(
  transport: Transport,
  key: string,
  scope: string,
  config: unknown,
  exists: boolean,
) {
  await zendeskCall(
    transport,
    exists ? 'PUT' : 'POST',
    exists
      ? `${ZIS}/integrations/${enc(key)}/configs/${enc(scope)}`
      : `${ZIS}/integrations/${enc(key)}/configs`,
    'Saving the integration’s settings',
    exists ? { config } : { scope, config },
  );
}

export async function deleteConfig(transport: Transport, key: string, scope: string) {
  try {
    await zendeskCall(
      transport,
      'DELETE',
      `${ZIS}/integrations/${enc(key)}/configs/${enc(scope)}`,
      'Deleting the integration’s settings',
    );
  } catch (error) {
    if (!(error instanceof ZendeskError && error.status === 404)) throw error;
  }
}
