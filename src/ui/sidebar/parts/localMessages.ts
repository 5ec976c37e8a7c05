import type { ThreadMessage } from '../../../sms/model';
import type { LocalMessageUpdate } from '../composer/types';

/** The agent's own messages not yet seen in Klaviyo's events, per profile. */
export type LocalMessages = Record<string, ThreadMessage[]>;

export function applyLocalUpdate(
  state: LocalMessages,
  profileId: string,
  update: LocalMessageUpdate,
): LocalMessages {
  const list = state[profileId] ?? [];
  if (update.type === 'remove') {
    if (!list.some((m) => m.id === update.id)) return state;
    return { ...state, [profileId]: list.filter((m) => m.id !== update.id) };
  }
  const i = list.findIndex((m) => m.id === update.message.id);
  const next =
    i < 0 ? [...list, update.message] : list.map((m, j) => (j === i ? update.message : m));
  return { ...state, [profileId]: next };
}
