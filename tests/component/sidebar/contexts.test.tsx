/** The sidebar's context hooks refuse to run outside their providers, saying which one is missing. */
import { render } from '@testing-library/react';
import { useKlaviyo } from '../../../src/ui/sidebar/KlaviyoContext';
import { useSidebarShared } from '../../../src/ui/sidebar/SidebarContext';

function Probe({ use }: { use: () => unknown }) {
  use();
  return null;
}

describe('sidebar context hooks', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => {}));
  afterEach(() => jest.restoreAllMocks());

  it('useSidebarShared throws outside <SidebarSharedProvider> instead of dropping sent messages', () => {
    expect(() => render(<Probe use={useSidebarShared} />)).toThrow(
      'useSidebarShared must be used inside <SidebarSharedProvider>',
    );
  });

  it('useKlaviyo throws outside <KlaviyoProvider>', () => {
    expect(() => render(<Probe use={useKlaviyo} />)).toThrow(
      'useKlaviyo must be used inside <KlaviyoProvider>',
    );
  });
});
