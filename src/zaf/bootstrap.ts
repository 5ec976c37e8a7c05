import { isSidebarLocation, requesterPaths } from './hooks/requester';
import { REQUESTER_EVENTS } from './hooks/requesterEvents';
import { parseSettings } from './settings';
import { ZafTransport } from './transport';
import type { ZafValue } from './context';
import type { ZafClient, ZafContext, ZafGetResult, ZafMetadata, ZafUser } from './types';

/**
 * Reads what every screen needs once, right after the host registers the app: context and
 * metadata come with the registration; the current user and, in a sidebar, the requester (or
 * user) come in one `get`, one round trip to the host, so the first Klaviyo request can leave
 * the moment it answers.
 */
export async function bootstrapZaf(client: ZafClient): Promise<ZafValue> {
  const [context, metadata] = await Promise.all([
    client.context() as Promise<ZafContext>,
    client.metadata() as Promise<ZafMetadata>,
  ]);
  const sidebar = isSidebarLocation(context.location);
  // A requester changed before the sidebar mounts makes this read stale: the sidebar reads again.
  const firstRead = { result: {} as ZafGetResult, stale: false };
  if (sidebar) {
    for (const event of REQUESTER_EVENTS) client.on(event, () => void (firstRead.stale = true));
  }
  const result = await client.get([
    'currentUser',
    ...(sidebar ? requesterPaths(context.location) : []),
  ]);
  const currentUser = result['currentUser'] as ZafUser | undefined;
  if (!currentUser) throw new Error('Zendesk did not return the current user');
  return {
    client,
    context,
    metadata,
    settings: parseSettings(metadata.settings),
    currentUser,
    transport: new ZafTransport(client),
    ...(sidebar ? { firstRead: Object.assign(firstRead, { result }) } : {}),
  };
}
