import { createContext, useContext } from 'react';
import type { KlaviyoProfile } from '../../klaviyo';
import type { ConsentSummary, LocalTimeStatus, ThreadMessage } from '../../sms/model';
import type { LocalMessageUpdate } from './composer/types';

/** What the sidebar shows now, for the ticket.save bridge at the root. */
export interface CurrentProfile {
  profile: KlaviyoProfile;
  consent: ConsentSummary | null;
  localTime: LocalTimeStatus | null;
}

export interface SidebarShared {
  ticketId: number | null;
  localMessages: (profileId: string) => ThreadMessage[];
  onLocalMessage: (profileId: string, update: LocalMessageUpdate) => void;
  setCurrent: (current: CurrentProfile | null) => void;
}

const Context = createContext<SidebarShared>({
  ticketId: null,
  localMessages: () => [],
  onLocalMessage: () => {},
  setCurrent: () => {},
});

export const SidebarSharedProvider = Context.Provider;

export function useSidebarShared(): SidebarShared {
  return useContext(Context);
}
