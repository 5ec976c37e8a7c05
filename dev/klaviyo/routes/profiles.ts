/** Profiles, and the lists and segments a profile belongs to. */
import { notFound } from '../errors';
import { profilesMatching } from '../matching';
import { page } from '../paging';
import { groupResource, profileResource } from '../resources';
import type { KlaviyoStore, SeedGroup, SeedProfile } from '../store';
import type { Route } from './types';

/** The profile a `/api/profiles/{id}/…` path names, or Klaviyo's 404 for it. */
export function profileOr404(store: KlaviyoStore, id: string): SeedProfile {
  const p = store.profiles.get(id);
  if (!p) throw notFound(`A profile with id ${id} does not exist.`);
  return p;
}

type GroupKind = 'list' | 'segment';
const groupsOf = (store: KlaviyoStore, kind: GroupKind): SeedGroup[] =>
  kind === 'list' ? store.lists : store.segments;

function groupsBody(base: string, kind: GroupKind, groups: SeedGroup[], url: URL, links: object) {
  const fields = url.searchParams.get(`fields[${kind}]`);
  return { data: groups.map((g) => groupResource(base, kind, g, fields)), links };
}

/** `GET /api/lists` or `/api/segments`: the account's lists or segments, 10 a page by default. */
function groupsRoute(name: string, pattern: RegExp, kind: GroupKind): Route {
  return {
    name,
    method: 'GET',
    pattern,
    handle: ({ store, base, url }) => {
      const size = Number(url.searchParams.get('page[size]') ?? 10);
      const { slice, links } = page(groupsOf(store, kind), url, size);
      return { status: 200, body: groupsBody(base, kind, slice, url, links) };
    },
  };
}

/** `GET /api/profiles/{id}/lists` or `…/segments`: the ones the profile belongs to, one page. */
function profileGroupsRoute(name: string, pattern: RegExp, kind: GroupKind): Route {
  return {
    name,
    method: 'GET',
    pattern,
    handle: ({ store, base, url, params }) => {
      const p = profileOr404(store, params[0]!);
      const all = groupsOf(store, kind);
      const groups = ((kind === 'list' ? p.listIds : p.segmentIds) ?? [])
        .map((id) => all.find((g) => g.id === id))
        .filter((g) => g !== undefined);
      return { status: 200, body: groupsBody(base, kind, groups, url, { self: url.toString() }) };
    },
  };
}

export const profileRoutes: Route[] = [
  {
    name: 'profiles',
    method: 'GET',
    pattern: /^\/api\/profiles\/?$/,
    handle: ({ store, base, url }) => {
      const size = Number(url.searchParams.get('page[size]') ?? 20);
      const { slice, links } = page(profilesMatching(store, url.searchParams), url, size);
      return {
        status: 200,
        body: { data: slice.map((p) => profileResource(base, p, url.searchParams)), links },
      };
    },
  },
  {
    name: 'profile',
    method: 'GET',
    pattern: /^\/api\/profiles\/([^/]+)\/?$/,
    handle: ({ store, base, url, params }) => {
      const p = profileOr404(store, params[0]!);
      return {
        status: 200,
        body: { data: profileResource(base, p, url.searchParams), links: { self: url.toString() } },
      };
    },
  },
  groupsRoute('lists', /^\/api\/lists\/?$/, 'list'),
  groupsRoute('segments', /^\/api\/segments\/?$/, 'segment'),
  profileGroupsRoute('profileLists', /^\/api\/profiles\/([^/]+)\/lists\/?$/, 'list'),
  profileGroupsRoute('profileSegments', /^\/api\/profiles\/([^/]+)\/segments\/?$/, 'segment'),
];
