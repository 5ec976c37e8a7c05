import '@testing-library/jest-dom';

// A full sidebar render takes about a second alone and several times that on a loaded two-core
// machine, where Jest's 5 s default failed it. A test that hangs still fails, after 30 s.
jest.setTimeout(30_000);

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
