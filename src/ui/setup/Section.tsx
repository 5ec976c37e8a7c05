import { LG, Paragraph } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import styled from 'styled-components';

const Block = styled.section`
  max-width: 720px;
  margin-bottom: ${({ theme }) => theme.space.lg};
`;

const Description = styled(Paragraph)`
  margin: ${({ theme }) => `${theme.space.xxs} 0 ${theme.space.sm}`};
`;

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
    <Block aria-labelledby={id}>
      <LG tag="h2" id={id} isBold>
        {title}
      </LG>
      {description && <Description>{description}</Description>}
      {children}
    </Block>
  );
}
