import { parseSettings } from './settings';
import { ZafTransport } from './transport';
import type { ZafValue } from './context';
import type { ZafClient, ZafContext, ZafMetadata, ZafUser } from './types';

/** Reads what every screen needs once, right after the host registers the app. */
export async function bootstrapZaf(client: ZafClient): Promise<ZafValue> {
  const [context, metadata, userResult] = await Promise.all([
    client.context() as Promise<ZafContext>,
    client.metadata() as Promise<ZafMetadata>,
    client.get('currentUser'),
  ]);
  const currentUser = userResult['currentUser'] as ZafUser | undefined;
  if (!currentUser) throw new Error('Zendesk did not return the current user');
  return {
    client,
    context,
    metadata,
    settings: parseSettings(metadata.settings),
    currentUser,
    transport: new ZafTransport(client),
  };
}
