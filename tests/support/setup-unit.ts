import '@testing-library/jest-dom';
import { loadAllCatalogs } from '../../src/i18n/load';

// Garden reads matchMedia on import; jsdom has none.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

// The sidebar sizes itself with ResizeObserver; jsdom has none.
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', {
    writable: true,
    configurable: true,
    value: ResizeObserverStub,
  });
}

// The app fetches the agent's language before it mounts (src/main.tsx); tests switch at will.
beforeAll(() => loadAllCatalogs());
