import {
  useCallback,
  useEffect,
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
  // The window is held by its first message, so texts arriving at the bottom add to it instead of
  // pushing its top out, and older pages arriving at the top stay hidden until asked for.
  const [startId, setStartId] = useState<string | null>(null);
  const found = startId === null ? -1 : all.findIndex((m) => m.id === startId);
  const start = found >= 0 ? found : Math.max(0, all.length - THREAD_FIRST_SHOWN);
  const shown = useMemo(() => all.slice(start), [all, start]);
  const hiddenCount = start;
  const startMessageId = all[start]?.id ?? null;
  useEffect(() => {
    if (found < 0 && startMessageId !== null) setStartId(startMessageId);
  }, [found, startMessageId]);

  /** Distance from the bottom before earlier messages were added, to restore after. */
  const anchor = useRef<number | null>(null);
  const atBottom = useRef(true);
  /** "Load older messages" was pressed: show some of them as soon as they arrive. */
  const revealOnArrival = useRef(false);

  const keepPlace = () => {
    const el = logRef.current;
    if (el) anchor.current = el.scrollHeight - el.scrollTop;
  };
  const showEarlier = useCallback(() => {
    if (start === 0) {
      revealOnArrival.current = true;
      return;
    }
    keepPlace();
    setStartId(all[Math.max(0, start - THREAD_STEP)]?.id ?? null);
  }, [all, start]);

  const oldestId = all[0]?.id;
  useEffect(() => {
    if (!revealOnArrival.current || start === 0) return;
    revealOnArrival.current = false;
    keepPlace();
    setStartId(all[Math.max(0, start - THREAD_STEP)]?.id ?? null);
    // Only when older messages arrived at the top.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [oldestId]);

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
