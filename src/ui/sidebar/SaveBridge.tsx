import type { KlaviyoClient } from '../../klaviyo';
import { useTicketSaveBridge } from './composer';
import type { LocalMessageUpdate } from './composer/types';
import type { CurrentProfile } from './SidebarContext';

/** Registers the composer's ticket.save bridge once for the whole sidebar, with the profile shown now. */
export function SaveBridge({
  klaviyo,
  ticketId,
  current,
  onLocalMessage,
}: {
  klaviyo: KlaviyoClient;
  ticketId: number | null;
  current: CurrentProfile | null;
  onLocalMessage: (update: LocalMessageUpdate) => void;
}) {
  useTicketSaveBridge({
    klaviyo,
    ticketId,
    profile: current?.profile ?? null,
    consent: current?.consent ?? null,
    localTime: current?.localTime ?? null,
    onLocalMessage,
  });
  return null;
}
