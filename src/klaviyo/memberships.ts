/** The lists and segments a profile belongs to (two requests, in parallel). */
import type { KlaviyoHttp } from './context';
import type { ProfileMemberships } from './model';
import { parseDocument, toNamedGroups } from './parse';

export function membershipsResource(http: KlaviyoHttp) {
  async function getProfileMemberships(profileId: string): Promise<ProfileMemberships> {
    const id = encodeURIComponent(profileId);
    const [lists, segments] = await Promise.all([
      http.get(
        'get_lists_for_profile',
        http.url(`/api/profiles/${id}/lists`, [['fields[list]', 'name']]),
      ),
      http.get(
        'get_segments_for_profile',
        http.url(`/api/profiles/${id}/segments`, [['fields[segment]', 'name']]),
      ),
    ]);
    return {
      lists: toNamedGroups(parseDocument(lists, 'many', 'list memberships')),
      segments: toNamedGroups(parseDocument(segments, 'many', 'segment memberships')),
    };
  }
  return { getProfileMemberships };
}
