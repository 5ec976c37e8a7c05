/** Klaviyo's cursor paging: opaque `page[cursor]`, `links.next` absent on the last page. */
import { invalid } from './errors';

function encodeCursor(offset: number): string {
  return btoa(`o:${offset}`).replace(/=+$/, '');
}

function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  try {
    const m = /^o:(\d+)$/.exec(atob(cursor));
    if (m) return Number(m[1]);
  } catch {
    // fall through
  }
  throw invalid('Invalid page cursor.', 'page[cursor]');
}

export interface Page<T> {
  slice: T[];
  links: { self: string; next?: string };
}

export function page<T>(items: T[], url: URL, size: number): Page<T> {
  const offset = decodeCursor(url.searchParams.get('page[cursor]'));
  const slice = items.slice(offset, offset + size);
  const links: Page<T>['links'] = { self: url.toString() };
  if (offset + size < items.length) {
    const next = new URL(url.toString());
    next.searchParams.set('page[cursor]', encodeCursor(offset + size));
    links.next = next.toString();
  }
  return { slice, links };
}
