/**
 * The agent interface's origin, as Zendesk hands it to the app's iframe (the `origin` query
 * parameter the ZAF SDK also reads): where Zendesk's own pages open, such as the Integration
 * Services consent page. Anything but an https Zendesk host (or, in the local workspace, a
 * loopback http host) is ignored in favour of `https://{subdomain}.zendesk.com`.
 */
export function zendeskPageOrigin(
  subdomain: string,
  search: string = typeof window === 'undefined' ? '' : window.location.search,
): string {
  const fallback = `https://${subdomain}.zendesk.com`;
  const given = new URLSearchParams(search).get('origin');
  if (!given) return fallback;
  try {
    const url = new URL(given);
    const zendesk = url.protocol === 'https:' && url.hostname.endsWith('.zendesk.com');
    const loopback =
      url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
    return zendesk || loopback ? url.origin : fallback;
  } catch {
    return fallback;
  }
}
