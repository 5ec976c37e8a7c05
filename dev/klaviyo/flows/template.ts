/**
 * Klaviyo's template language (Django-style: `{{ person.first_name|default:'there' }}`,
 * `{{ event|lookup:'Message Body' }}`) on a real engine, liquidjs, with the Django filters Klaviyo
 * documents registered under their Django names and meanings. Values are never re-read as
 * templates. How a value is escaped where it lands is the store's `templateEscaping` (store.ts).
 */
import { Liquid } from 'liquidjs';
import type { TemplateEscaping } from '../store';
import type { SeedEvent, SeedProfile } from '../store';

/** Python's truthiness, which Django's `default` uses. */
function falsy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

const ESCAPES: Record<TemplateEscaping, (v: unknown) => string> = {
  raw: (v) => String(v),
  json: (v) => JSON.stringify(String(v)).slice(1, -1),
  html: (v) =>
    String(v)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#x27;'),
};

function engine(escaping: TemplateEscaping): Liquid {
  const liquid = new Liquid({ ownPropertyOnly: true, outputEscape: ESCAPES[escaping] });
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  liquid.registerFilter('default', (v: unknown, fallback: unknown) => (falsy(v) ? fallback : v));
  liquid.registerFilter('default_if_none', (v: unknown, fallback: unknown) =>
    v === null || v === undefined ? fallback : v,
  );
  liquid.registerFilter('lookup', (o: unknown, key: unknown) =>
    o !== null && typeof o === 'object' && Object.hasOwn(o, String(key))
      ? (o as Record<string, unknown>)[String(key)]
      : undefined,
  );
  liquid.registerFilter('upper', (v: unknown) => text(v).toUpperCase());
  liquid.registerFilter('lower', (v: unknown) => text(v).toLowerCase());
  liquid.registerFilter(
    'capfirst',
    (v: unknown) => text(v).charAt(0).toUpperCase() + text(v).slice(1),
  );
  liquid.registerFilter('title', (v: unknown) =>
    text(v).replace(
      /\p{L}[\p{L}']*/gu,
      (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(),
    ),
  );
  liquid.registerFilter('truncatechars', (v: unknown, n: unknown) => {
    const s = [...text(v)];
    const max = Number(n);
    return s.length <= max ? s.join('') : `${s.slice(0, Math.max(0, max - 1)).join('')}…`;
  });
  liquid.registerFilter('length', (v: unknown) =>
    Array.isArray(v) ? v.length : typeof v === 'string' ? [...v].length : 0,
  );
  liquid.registerFilter('floatformat', (v: unknown, places: unknown = -1) => {
    const n = Number(v);
    if (!Number.isFinite(n)) return '';
    const p = Number(places);
    const fixed = n.toFixed(Math.abs(p));
    return p < 0 && Number.isInteger(Number(fixed)) ? String(Math.round(n)) : fixed;
  });
  liquid.registerFilter('striptags', (v: unknown) => text(v).replace(/<[^>]*>/g, ''));
  // Django's `safe`: the value is written unescaped.
  liquid.registerFilter('safe', { handler: (v: unknown) => v, raw: true });
  return liquid;
}

const engines = new Map<TemplateEscaping, Liquid>();
const engineFor = (escaping: TemplateEscaping) => {
  let e = engines.get(escaping);
  if (!e) engines.set(escaping, (e = engine(escaping)));
  return e;
};

/** The template's syntax error, or null when it parses (Klaviyo refuses a broken template on save). */
export function templateError(template: string): string | null {
  try {
    engineFor('raw').parse(template);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : 'invalid template';
  }
}

/** `person.*` as Klaviyo's templates see a profile: its attributes, custom properties, `KlaviyoID`. */
function personVars(profile: SeedProfile): Record<string, unknown> {
  const { properties, ...attributes } = profile.attributes;
  const custom = properties !== null && typeof properties === 'object' ? properties : {};
  return { ...custom, ...attributes, id: profile.id, KlaviyoID: profile.id };
}

/** `event.*`: the event's properties (`$extra` also as `event.extra`), its id and time. */
function eventVars(event: SeedEvent): Record<string, unknown> {
  const extra = event.properties.$extra;
  return {
    ...event.properties,
    ...(extra !== undefined ? { extra } : {}),
    event_id: event.id,
    datetime: event.datetime,
  };
}

export interface TemplateScope {
  profile: SeedProfile;
  event: SeedEvent;
}

export function renderTemplate(
  template: string,
  scope: TemplateScope,
  escaping: TemplateEscaping,
): Promise<string> {
  return engineFor(escaping).parseAndRender(template, {
    person: personVars(scope.profile),
    event: eventVars(scope.event),
  });
}
