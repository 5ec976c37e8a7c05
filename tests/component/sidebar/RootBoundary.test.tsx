import { render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { AppShell } from '../../../src/ui/common/AppShell';
import { Screen } from '../../../src/ui/common/RootBoundary';

describe('a whole screen', () => {
  it('shows the error message, not a blank app, when its code cannot be loaded', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    const Broken = lazy(() =>
      Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    render(
      <AppShell locale="en-US">
        <Screen Root={Broken} />
      </AppShell>,
    );
    // The failed import settles on a busy machine in more than findBy's default second.
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(/.+/);
    quiet.mockRestore();
  });
});
