import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import { I18nProvider } from './I18nProvider';

/** Garden theme and translations around every root. */
export function AppShell({ locale, children }: { locale: string; children: ReactNode }) {
  return (
    <ThemeProvider>
      <I18nProvider locale={locale}>{children}</I18nProvider>
    </ThemeProvider>
  );
}
