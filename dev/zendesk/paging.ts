/**
 * Zendesk's two ways of paging a list, written once for every resource of the stand-in:
 * offset paging (`?page=&per_page=` → `next_page`, `previous_page`, `count`; tickets, users,
 * triggers, brands, fields...) and cursor paging (`?page[size]=&page[after]=` → `meta.has_more`,
 * `meta.after_cursor`, `links.next`; webhooks and their invocations). Both cap a page at 100.
 */

const MAX_PAGE = 100;

function positive(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : null;
}

export function offsetPage<T>(
  url: URL,
  items: readonly T[],
  key: string,
  defaultSize = MAX_PAGE,
): Record<string, unknown> {
  const perPage = Math.min(positive(url.searchParams.get('per_page')) ?? defaultSize, MAX_PAGE);
  const page = positive(url.searchParams.get('page')) ?? 1;
  const link = (p: number) => {
    const next = new URL(url.pathname, url.origin);
    for (const [name, value] of url.searchParams) next.searchParams.set(name, value);
    next.searchParams.set('page', String(p));
    next.searchParams.set('per_page', String(perPage));
    return next.toString();
  };
  return {
    [key]: items.slice((page - 1) * perPage, page * perPage),
    next_page: page * perPage < items.length ? link(page + 1) : null,
    previous_page: page > 1 ? link(page - 1) : null,
    count: items.length,
  };
}

export function cursorPage<T extends { id: string }>(
  url: URL,
  items: readonly T[],
  key: string,
  defaultSize = 20,
): Record<string, unknown> {
  const size = Math.min(positive(url.searchParams.get('page[size]')) ?? defaultSize, MAX_PAGE);
  const after = url.searchParams.get('page[after]');
  const start = after ? items.findIndex((i) => i.id === after) + 1 : 0;
  const slice = items.slice(start, start + size);
  const hasMore = start + size < items.length;
  const last = slice[slice.length - 1];
  const next = new URL(url.pathname, url.origin);
  next.searchParams.set('page[size]', String(size));
  if (last) next.searchParams.set('page[after]', last.id);
  return {
    [key]: slice,
    meta: {
      has_more: hasMore,
      after_cursor: hasMore && last ? last.id : null,
      before_cursor: slice[0]?.id ?? null,
    },
    links: { next: hasMore ? next.toString() : null, prev: null },
  };
}
