import { useEffect, useRef, type RefObject } from 'react';
import { useZaf } from '../context';

/**
 * Keeps the app's iframe as tall as its content: a ResizeObserver on `ref` asks ZAF to `resize`
 * at most once per animation frame, only when the height changed. The page itself never scrolls
 * (body overflow hidden), so there is no scroll inside Zendesk's scroll.
 */
export function useAutoResize(ref: RefObject<HTMLElement | null>): void {
  const { client } = useZaf();
  const last = useRef<number | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const previousOverflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    let frame: number | null = null;

    const measure = () => {
      frame = null;
      const height = Math.ceil(
        Math.max(element.getBoundingClientRect().height, element.scrollHeight),
      );
      if (height <= 0 || height === last.current) return;
      last.current = height;
      void client.invoke('resize', { width: '100%', height: `${height}px` });
    };
    const schedule = () => {
      if (frame === null) frame = requestAnimationFrame(measure);
    };

    schedule();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
      document.body.style.overflow = previousOverflow;
    };
  }, [client, ref]);
}
