import { LG, Paragraph } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';

/** A titled block of the setup page. */
export function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} style={{ marginBottom: 32, maxWidth: 720 }}>
      <LG tag="h2" id={id} isBold>
        {title}
      </LG>
      {description && <Paragraph style={{ margin: '4px 0 12px' }}>{description}</Paragraph>}
      {children}
    </section>
  );
}
