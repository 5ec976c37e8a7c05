import { useCallback, useEffect, useRef, useState } from 'react';
import { useZaf, useZafEvent } from '../context';
import type { ZafGetResult, ZafLocation } from '../types';
import { REQUESTER_EVENTS } from './requesterEvents';
import { readRequesterResult, requesterPaths, type Requester, type TicketInfo } from './requester';

export type { Requester, TicketInfo } from './requester';

export type RequesterState =
  | { status: 'loading' }
  /** A new ticket without a requester yet, or a user sidebar without a user. */
  | { status: 'none'; ticket: TicketInfo | null }
  | { status: 'ready'; requester: Requester; ticket: TicketInfo | null }
  | { status: 'error' };

export { REQUESTER_EVENTS } from './requesterEvents';

function stateOf(location: ZafLocation, result: ZafGetResult): RequesterState {
  const { requester, ticket } = readRequesterResult(location, result);
  return requester ? { status: 'ready', requester, ticket } : { status: 'none', ticket };
}

/**
 * The requester (ticket sidebars) or user (user sidebar) the app is about: at first what the
 * bootstrap already read (no second round trip), then re-read when ZAF says the requester
 * changed; a late answer to an earlier read never replaces a newer one.
 */
export function useRequester(): RequesterState & { reload: () => void } {
  const { client, context, firstRead } = useZaf();
  const usable = firstRead && !firstRead.stale ? firstRead.result : null;
  const [state, setState] = useState<RequesterState>(() =>
    usable ? stateOf(context.location, usable) : { status: 'loading' },
  );
  const generation = useRef(0);
  const alreadyRead = useRef(usable !== null);

  const read = useCallback(async () => {
    const mine = ++generation.current;
    const location = context.location;
    try {
      const result = await client.get(requesterPaths(location));
      if (mine === generation.current) setState(stateOf(location, result));
    } catch {
      if (mine === generation.current) setState({ status: 'error' });
    }
  }, [client, context.location]);

  useEffect(() => {
    // The bootstrap's answer stands for the first read, unless a change came between the first
    // render and now (before this component's own listeners, subscribed in this same commit);
    // later mounts read afresh.
    if (alreadyRead.current && !firstRead?.stale) alreadyRead.current = false;
    else {
      alreadyRead.current = false;
      void read();
    }
    const reads = generation;
    // An answer that arrives after unmount (or after `read` changed) is ignored.
    return () => {
      reads.current++;
    };
  }, [read, firstRead]);

  const onChange = useCallback(() => void read(), [read]);
  useZafEvent(REQUESTER_EVENTS[0], onChange);
  useZafEvent(REQUESTER_EVENTS[1], onChange);
  useZafEvent(REQUESTER_EVENTS[2], onChange);

  return { ...state, reload: onChange };
}
