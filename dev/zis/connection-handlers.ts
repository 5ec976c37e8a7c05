/**
 * ZIS OAuth connections to Zendesk: start (answers the consent page's URL), the consent page the
 * admin allows or denies in a pop-up, and the read-back of connections. Tokens expire; a
 * connection made with offline access renews itself when a flow needs it (see dispatch.ts).
 * Tokens are never answered in clear.
 */
import { randomBytes } from 'node:crypto';
import { HttpResponse, type RequestHandler } from 'msw';
import { param, route, type ZisContext } from './context';
import { badRequest, callerOf, forbidden, jsonBody, notFound, unauthorized } from './http';
import { integrationOf } from './registry-handlers';

const CONSENT = '/api/services/zis/connections/oauth/consent';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function consentPage(token: string, integration: string, scopes: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Allow access</title></head>
<body><main><h1>Allow access to your Zendesk account?</h1>
<p>The integration <strong>${escapeHtml(integration)}</strong> asks to ${escapeHtml(scopes.join(' and '))} your Zendesk data.</p>
<form method="post" action="${CONSENT}"><input type="hidden" name="flow_token" value="${escapeHtml(token)}">
<button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Deny</button></form>
</main></body></html>`;
}

export function zisConnectionHandlers(ctx: ZisContext): RequestHandler[] {
  const zis = `${ctx.base}/api/services/zis`;
  const origin = () => ctx.deps.publicOrigin?.() ?? ctx.base;
  return [
    route('post', `${zis}/connections/oauth/start/:key`, async ({ request, params }) => {
      const key = param(params.key);
      callerOf(request, ctx.deps.session(), ctx.deps.oauth);
      integrationOf(ctx, key);
      const body = await jsonBody(request);
      const name = String(body.name ?? '');
      if (!/^[a-z0-9_]{3,64}$/.test(name)) throw badRequest('name must be 3–64 of [a-z0-9_]');
      if (body.oauth_client_name !== 'zendesk') {
        throw badRequest(`OAuth client ${String(body.oauth_client_name)} not found`);
      }
      if (body.oauth_url_subdomain !== ctx.deps.subdomain) {
        throw badRequest('oauth_url_subdomain must be this account’s subdomain');
      }
      if (typeof body.origin_oauth_redirect_url !== 'string') {
        throw badRequest('origin_oauth_redirect_url is required');
      }
      const flowToken = randomBytes(16).toString('hex');
      ctx.registry.consents.set(flowToken, {
        integration: key,
        name,
        returnUrl: body.origin_oauth_redirect_url,
        scopes: String(body.permission_scopes ?? 'read')
          .split(/\s+/)
          .filter(Boolean),
        offline: body.allow_offline_access === true,
      });
      return HttpResponse.json({
        redirect_url: `${origin()}${CONSENT}?flow_token=${flowToken}`,
        flow_token: flowToken,
      });
    }),
    route('get', `${ctx.base}${CONSENT}`, ({ url }) => {
      const session = ctx.deps.session();
      if (!session.signedIn) throw unauthorized();
      const pending = ctx.registry.consents.get(url.searchParams.get('flow_token') ?? '');
      if (!pending) throw notFound('This consent request has expired; start again');
      return new HttpResponse(
        consentPage(url.searchParams.get('flow_token')!, pending.integration, pending.scopes),
        { headers: { 'Content-Type': 'text/html; charset=utf-8' } },
      );
    }),
    route('post', `${ctx.base}${CONSENT}`, async ({ request }) => {
      const session = ctx.deps.session();
      if (!session.signedIn) throw unauthorized();
      if (!session.admin) throw forbidden('Only admin user is allowed');
      const form = new URLSearchParams(await request.text());
      const token = form.get('flow_token') ?? '';
      const pending = ctx.registry.consents.get(token);
      if (!pending) throw notFound('This consent request has expired; start again');
      ctx.registry.consents.delete(token);
      const back = new URL(pending.returnUrl);
      if (form.get('decision') !== 'allow') {
        back.searchParams.set('error', 'access_denied');
        return HttpResponse.redirect(back.toString(), 302);
      }
      const integration = integrationOf(ctx, pending.integration);
      const issued = ctx.deps.oauth.issueToken(integration.oauthClientId, pending.scopes);
      integration.connections.set(pending.name, {
        name: pending.name,
        accessToken: issued.token,
        refreshToken: pending.offline ? issued.refreshToken : null,
        tokenExpiry: issued.expiresAt,
        createdBy: session.userId,
      });
      return HttpResponse.redirect(back.toString(), 302);
    }),
    route('get', `${zis}/integrations/:key/connections/all`, ({ request, params }) => {
      const key = param(params.key);
      callerOf(request, ctx.deps.session(), ctx.deps.oauth);
      const integration = integrationOf(ctx, key);
      const oauth = [...integration.connections.values()].map((c) => ({
        name: c.name,
        integration: key,
        access_token: c.accessToken ? '*****' : '',
        refresh_token: c.refreshToken ? '*****' : '',
        token_type: 'bearer',
        token_expiry: c.tokenExpiry === null ? null : new Date(c.tokenExpiry).toISOString(),
        permission_scope: 'read write',
        oauth_url_subdomain: ctx.deps.subdomain,
        zendesk_account_id: ctx.deps.accountId,
      }));
      return HttpResponse.json({
        oauth,
        api_key: [],
        basic_auth: [],
        bearer_token: [],
        meta: { has_more: false, after: null, before: null },
      });
    }),
  ];
}
