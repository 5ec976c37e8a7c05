/** ZIS's error shape and the three ways a ZIS call authenticates: session, bearer, Basic. */
import { HttpResponse } from 'msw';
import type { OAuthClient, ZendeskOAuth } from './oauth';

export class ZisHttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export function zisErrorResponse(error: ZisHttpError): Response {
  return HttpResponse.json(
    { errors: [{ status: String(error.status), title: error.title, detail: error.detail }] },
    { status: error.status },
  );
}

export const unauthorized = (detail = "Couldn't authenticate you") =>
  new ZisHttpError(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new ZisHttpError(403, 'Forbidden', detail);
export const notFound = (detail: string) => new ZisHttpError(404, 'Not Found', detail);
export const badRequest = (detail: string) => new ZisHttpError(400, 'Bad Request', detail);

export interface SessionInfo {
  signedIn: boolean;
  admin: boolean;
  userId: number;
}

export type Caller = { kind: 'session'; userId: number } | { kind: 'bearer'; client: OAuthClient };

/**
 * Who is calling: a bearer token (any Zendesk OAuth client's), else the browser session of a
 * Zendesk app, which ZIS accepts from admins only.
 */
export function callerOf(request: Request, session: SessionInfo, oauth: ZendeskOAuth): Caller {
  const auth = request.headers.get('authorization') ?? '';
  if (/^bearer\s+/i.test(auth)) {
    const client = oauth.verifyBearer(auth.replace(/^bearer\s+/i, '').trim());
    if (!client) throw unauthorized();
    return { kind: 'bearer', client };
  }
  if (auth !== '' || !session.signedIn) throw unauthorized();
  if (!session.admin) throw forbidden('Only admin user is allowed');
  return { kind: 'session', userId: session.userId };
}

/** ZIS management calls made with a token must use the integration's own client. */
export function requireOwnClient(caller: Caller, integration: string) {
  if (caller.kind === 'bearer' && caller.client.identifier !== `zis_${integration}`) {
    throw unauthorized('integration mismatch');
  }
}

export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  throw badRequest('The request body is not a JSON object');
}
