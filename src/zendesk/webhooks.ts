import type { Transport } from '../transport';
import { listAll, zendeskCall } from './http';
import type { Webhook, WebhookInput, WebhookInvocation } from './types';

export function listWebhooks(transport: Transport): Promise<Webhook[]> {
  return listAll<Webhook>(
    transport,
    '/api/v2/webhooks?page[size]=100',
    'webhooks',
    'Listing webhooks',
  );
}

export async function createWebhook(transport: Transport, input: WebhookInput): Promise<Webhook> {
  const body = await zendeskCall<{ webhook: Webhook }>(
    transport,
    'POST',
    '/api/v2/webhooks',
    'Creating the webhook',
    { webhook: input },
  );
  return body.webhook;
}

/**
 * Replaces a webhook's settings (PUT answers 204). Leaving `authentication` out keeps the secret
 * Zendesk already holds.
 */
export async function updateWebhook(
  transport: Transport,
  id: string,
  input: WebhookInput,
): Promise<void> {
  await zendeskCall(
    transport,
    'PUT',
    `/api/v2/webhooks/${encodeURIComponent(id)}`,
    'Updating the webhook',
    {
      webhook: input,
    },
  );
}

/**
 * Changes only the given settings (JSON Merge Patch, answers 204): what is left out, the stored
 * authentication secret above all, stays as Zendesk has it.
 */
export async function patchWebhook(
  transport: Transport,
  id: string,
  changes: Partial<Omit<WebhookInput, 'authentication'>>,
): Promise<void> {
  await zendeskCall(
    transport,
    'PATCH',
    `/api/v2/webhooks/${encodeURIComponent(id)}`,
    'Updating the webhook',
    { webhook: changes },
    'application/merge-patch+json',
  );
}

export async function deleteWebhook(transport: Transport, id: string): Promise<void> {
  await zendeskCall(
    transport,
    'DELETE',
    `/api/v2/webhooks/${encodeURIComponent(id)}`,
    'Deleting the webhook',
  );
}

/** The webhook's most recent invocations, newest first (one page). */
export async function listWebhookInvocations(
  transport: Transport,
  id: string,
  pageSize = 20,
): Promise<WebhookInvocation[]> {
  const body = await zendeskCall<{ invocations?: WebhookInvocation[] }>(
    transport,
    'GET',
    `/api/v2/webhooks/${encodeURIComponent(id)}/invocations?page[size]=${pageSize}&sort=-latest_completed_at`,
    'Reading webhook invocations',
  );
  return Array.isArray(body?.invocations) ? body.invocations : [];
}
