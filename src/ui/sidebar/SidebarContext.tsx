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

/** What the sidebar's root shares with the views below it. */
export interface SidebarShared {
  ticketId: number | null;
  localMessages: (profileId: string) => ThreadMessage[];
  onLocalMessage: (profileId: string, update: LocalMessageUpdate) => void;
  setCurrent: (current: CurrentProfile | null) => void;
}

const Context = createContext<SidebarShared | null>(null);

export const SidebarSharedProvider = Context.Provider;

/** The root's shared state. Outside `<SidebarSharedProvider>` it throws: a silent no-op would
 *  lose the agent's sent messages without a trace. */
export function useSidebarShared(): SidebarShared {
  const shared = useContext(Context);
  if (!shared) throw new Error('useSidebarShared must be used inside <SidebarSharedProvider>');
  return shared;
}
