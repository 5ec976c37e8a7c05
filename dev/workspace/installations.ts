/**
 * Zendesk's Apps installations API for the one installed app of the workspace
 * (`GET /api/v2/apps/installations`, `GET` and `PUT /api/v2/apps/installations/{id}`, admins only):
 * a PUT of `{"settings": {...}}` changes the installation's settings, which app instances created
 * afterwards receive (as after "Update" in Zendesk's admin center). Secure values are accepted and
 * kept in the server; answers show non-secure settings only. Settings are checked against the
 * manifest's parameters; an unknown name or a wrong type is refused with 422.
 */
import {
  ZendeskApiError,
  errorAnswer,
  notFound,
  recordInvalid,
  unauthenticated,
} from '../zendesk/errors';
import { SettingsError, publicSettings, validateSettings } from './settings';
import type { WorkspaceState } from './state';

export const APP_ID = 1001;
export const INSTALLATION_ID = 2002;

const PATH = /^\/api\/v2\/apps\/installations(?:\/(\d+))?(?:\.json)?$/;

function installation(state: WorkspaceState) {
  return {
    id: INSTALLATION_ID,
    app_id: APP_ID,
    product: 'support',
    enabled: true,
    settings: {
      name: state.manifest.name,
      title: state.manifest.name,
      ...publicSettings(state.settings, state.manifest.parameters),
    },
    settings_objects: [],
    updated_at: state.zendesk.now().toISOString(),
  };
}

async function answer(
  state: WorkspaceState,
  request: Request,
  id: string | undefined,
): Promise<Response> {
  if (state.zendesk.session === 'anonymous') throw unauthenticated();
  state.zendesk.requireAdmin();
  if (id === undefined) {
    if (request.method !== 'GET') throw notFound();
    return Response.json({ installations: [installation(state)] });
  }
  if (Number(id) !== INSTALLATION_ID) throw notFound();
  if (request.method === 'GET') return Response.json(installation(state));
  if (request.method !== 'PUT') throw notFound();
  let body: Record<string, unknown>;
  try {
    body = (await request.json()) as Record<string, unknown>;
  } catch {
    throw recordInvalid({ base: 'The request body is not valid JSON' });
  }
  try {
    const changes = validateSettings(body.settings ?? {}, state.manifest.parameters, 'settings');
    state.settings = { ...state.settings, ...changes };
  } catch (error) {
    if (error instanceof SettingsError) throw recordInvalid({ settings: error.message });
    throw error;
  }
  return Response.json(installation(state));
}

/** Zendesk's answer for an installations path, or null when the path is another one. */
export async function installationsAnswer(
  state: WorkspaceState,
  request: Request,
): Promise<Response | null> {
  const match = PATH.exec(new URL(request.url).pathname);
  if (!match) return null;
  let response: Response;
  try {
    response = await answer(state, request, match[1]);
  } catch (error) {
    if (!(error instanceof ZendeskApiError)) throw error;
    response = errorAnswer(error);
  }
  const url = new URL(request.url);
  state.zendesk.requests.push({
    method: request.method,
    path: url.pathname + url.search,
    status: response.status,
    ...(request.method === 'GET' ? {} : { body: '[settings]' }),
    at: state.zendesk.now().toISOString(),
  });
  return response;
}
