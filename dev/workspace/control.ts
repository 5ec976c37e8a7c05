/**
 * The workspace control API (`/__workspace/*`, JSON) that end-to-end tests and the benchmark use
 * to reset the stores, change settings, inject faults and latency, drive tickets, and read what
 * reached Klaviyo and Zendesk. One route table (control/*.ts) answers the requests and lists
 * itself at `GET /__workspace/`. Secrets are redacted from everything it returns. Documented in
 * dev/README.md.
 */
import { ZendeskApiError } from '../zendesk/errors';
import { klaviyoRoutes } from './control/klaviyo';
import { ControlError, match, ok, type ControlAnswer, type ControlRoute } from './control/route';
import { workspaceRoutes } from './control/workspace';
import { zendeskRoutes } from './control/zendesk';
import { SettingsError, redact } from './settings';
import type { WorkspaceState } from './state';

export type { ControlAnswer } from './control/route';

const listing: ControlRoute = {
  method: 'GET',
  path: '/',
  handle: () =>
    ok({
      endpoints: ROUTES.map(
        (r) =>
          `${r.method.padEnd(6)} /__workspace${r.path === '/' ? '/' : r.path}${r.takes ? ` ${r.takes}` : ''}`,
      ),
    }),
};

/** Every control endpoint; other rooms add theirs to their own file's table. */
const ROUTES: ControlRoute[] = [listing, ...workspaceRoutes, ...klaviyoRoutes, ...zendeskRoutes];

/** Answers one control request. `path` is the part after `/__workspace`. */
export async function handleControl(
  state: WorkspaceState,
  method: string,
  path: string,
  readBody: () => Promise<unknown>,
): Promise<ControlAnswer> {
  try {
    const verb = method.toUpperCase();
    // Reads see the webhooks that earlier ticket changes fired, as if Zendesk had delivered them.
    if (verb === 'GET') await state.settled();
    const found = match(ROUTES, verb, path.replace(/\/+$/, '') || '/');
    if (!found) {
      throw new ControlError(
        404,
        `No control endpoint ${verb} /__workspace${path}. GET /__workspace/ lists them.`,
      );
    }
    const answer = await found.route.handle({ state, params: found.params, body: readBody });
    return { status: answer.status, body: redact(answer.body, state.secrets()) };
  } catch (error) {
    if (error instanceof ControlError) {
      return { status: error.status, body: { error: error.message } };
    }
    if (error instanceof SettingsError) return { status: 400, body: { error: error.message } };
    if (error instanceof ZendeskApiError) return { status: error.status, body: error.body };
    throw error;
  }
}
