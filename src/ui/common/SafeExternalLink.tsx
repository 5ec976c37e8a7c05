import { Anchor } from '@zendeskgarden/react-buttons';
import type { ReactNode } from 'react';

/** The URL when it is an absolute https: URL, else null (javascript:, data:, http:, relative…). */
export function safeHttpsUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' && parsed.hostname ? parsed.href : null;
  } catch {
    return null;
  }
}

interface Props {
  href: unknown;
  children: ReactNode;
  /** Read to screen readers after the text: the link opens a new tab. */
  newTabLabel?: string;
}

/**
 * A link that opens only https: URLs, in a new tab, without giving the new page a handle on this
 * one. Anything else renders as plain text, so a hostile URL from an API is never clickable.
 */
export function SafeExternalLink({ href, children, newTabLabel }: Props) {
  const url = safeHttpsUrl(href);
  if (!url) return <span>{children}</span>;
  return (
    <Anchor
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      isExternal
      {...(newTabLabel ? { externalIconLabel: newTabLabel } : {})}
    >
      {children}
    </Anchor>
  );
}
