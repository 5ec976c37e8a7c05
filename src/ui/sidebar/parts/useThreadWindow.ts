import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
  type UIEvent,
} from 'react';
import type { ThreadMessage } from '../../../sms/model';

/** Messages shown when the conversation opens, and added each time the agent reaches the top. */
export const THREAD_FIRST_SHOWN = 10;
export const THREAD_STEP = 10;
/** How close to an edge (px) counts as being at it. */
const EDGE = 24;

export interface ThreadWindow {
  logRef: RefObject<HTMLDivElement>;
  /** The latest messages, oldest first. */
  shown: ThreadMessage[];
  /** Held but not yet shown (above the first shown one). */
  hiddenCount: number;
  showEarlier: () => void;
  onScroll: (event: UIEvent<HTMLElement>) => void;
}

/**
 * Which of the held messages a scrollable conversation shows, and where it is scrolled: it opens
 * at the latest message, follows new ones while the agent is at the bottom (and always for the
 * agent's own), and adds earlier ones when the agent scrolls to the top without moving what they
 * were reading.
 */
export function useThreadWindow(all: ThreadMessage[]): ThreadWindow {
  const logRef = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(THREAD_FIRST_SHOWN);
  const shownCount = Math.min(count, all.length);
  const shown = useMemo(() => all.slice(all.length - shownCount), [all, shownCount]);
  const hiddenCount = all.length - shownCount;
  /** Distance from the bottom before earlier messages were added, to restore after. */
  const anchor = useRef<number | null>(null);
  const atBottom = useRef(true);

  const showEarlier = useCallback(() => {
    const el = logRef.current;
    if (el) anchor.current = el.scrollHeight - el.scrollTop;
    setCount((c) => c + THREAD_STEP);
  }, []);

  const firstId = shown[0]?.id;
  useLayoutEffect(() => {
    const el = logRef.current;
    if (!el || anchor.current === null) return;
    el.scrollTop = el.scrollHeight - anchor.current;
    anchor.current = null;
  }, [firstId]);

  const last = shown[shown.length - 1];
  const lastId = last?.id;
  const ownNewest = last?.direction === 'outbound' && last.status === 'pending';
  useLayoutEffect(() => {
    const el = logRef.current;
    if (!el || lastId === undefined) return;
    if (atBottom.current || ownNewest) el.scrollTop = el.scrollHeight;
  }, [lastId, ownNewest]);

  // A short history that does not fill the region cannot be scrolled up: show more until it does.
  useLayoutEffect(() => {
    const el = logRef.current;
    if (!el || el.clientHeight === 0 || hiddenCount === 0) return;
    if (el.scrollHeight <= el.clientHeight) showEarlier();
  }, [hiddenCount, showEarlier]);

  const onScroll = useCallback(
    (event: UIEvent<HTMLElement>) => {
      const el = event.currentTarget;
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < EDGE;
      if (el.scrollTop < EDGE && hiddenCount > 0 && anchor.current === null) showEarlier();
    },
    [hiddenCount, showEarlier],
  );

  return { logRef, shown, hiddenCount, showEarlier, onScroll };
}
