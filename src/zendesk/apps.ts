/** The app's own installation: the setup page records there that the reply path is installed. */
import type { Transport } from '../transport';
import { zendeskCall } from './http';

/** Changes some of the installation's settings (the others stay as they are). */
export async function updateInstallationSettings(
  transport: Transport,
  installationId: number,
  settings: Record<string, string | boolean | number>,
): Promise<void> {
  await zendeskCall(
    transport,
    'PUT',
    `/api/v2/apps/installations/${installationId}.json`,
    'Updating the app settings',
    { settings },
  );
}

/** The installation's settings as Zendesk holds them now (the page's copy is from its load). */
export async function readInstallationSettings(
  transport: Transport,
  installationId: number,
): Promise<Record<string, unknown>> {
  const body = await zendeskCall<{ settings?: Record<string, unknown> }>(
    transport,
    'GET',
    `/api/v2/apps/installations/${installationId}.json`,
    'Reading the app settings',
  );
  return body.settings ?? {};
}
