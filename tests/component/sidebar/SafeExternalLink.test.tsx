import { render, screen } from '@testing-library/react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { SafeExternalLink, safeHttpsUrl } from '../../../src/ui/common/SafeExternalLink';

function renderLink(href: unknown) {
  return render(
    <ThemeProvider>
      <SafeExternalLink href={href} newTabLabel="(opens in a new tab)">
        Open profile
      </SafeExternalLink>
    </ThemeProvider>,
  );
}

describe('SafeExternalLink', () => {
  it('opens an https link in a new tab without giving the new page a handle on the app', () => {
    renderLink('https://www.klaviyo.com/profile/01ABC');
    const link = screen.getByRole('link', { name: /open profile/i });
    expect(link).toHaveAttribute('href', 'https://www.klaviyo.com/profile/01ABC');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toEqual(expect.stringContaining('noopener'));
    expect(link.getAttribute('rel')).toEqual(expect.stringContaining('noreferrer'));
  });

  it.each([
    'javascript:alert(document.cookie)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://www.klaviyo.com/profile/01ABC',
    '//evil.example.com/x',
    '/relative/path',
    'vbscript:msgbox(1)',
    42,
    null,
  ])('renders %p as plain text, not a link', (href) => {
    renderLink(href);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('Open profile')).toBeInTheDocument();
  });

  it('accepts only absolute https URLs', () => {
    expect(safeHttpsUrl('https://a.example.com/x?y=1')).toBe('https://a.example.com/x?y=1');
    expect(safeHttpsUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpsUrl('https://')).toBeNull();
  });
});
