/**
 * Text from Klaviyo or Zendesk (untrusted, any length) cut to `max` characters (code points) with an ellipsis, so one
 * absurdly long value cannot make the sidebar thousands of pixels tall. The full text goes in a
 * `title` where it matters.
 */
export function clip(text: string, max = 200): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
