/** `invoke('notify', message, kind, options)`: Zendesk's toast notifications, top right. */
import { h } from './dom';

export type NotifyKind = 'notice' | 'alert' | 'error';

let stack: HTMLElement | null = null;

export function notify(message: unknown, kind: unknown = 'notice', options?: unknown): void {
  if (!stack) {
    stack = h('div', { class: 'toasts', 'aria-live': 'polite' });
    document.body.appendChild(stack);
  }
  const k: NotifyKind = kind === 'alert' || kind === 'error' ? kind : 'notice';
  const sticky =
    typeof options === 'object' &&
    options !== null &&
    (options as { sticky?: unknown }).sticky === true;
  const duration = typeof options === 'number' && options > 0 ? options : 5000;
  const close = () => toast.remove();
  const toast = h(
    'div',
    {
      class: `toast toast-${k}`,
      role: k === 'error' ? 'alert' : 'status',
      'data-testid': 'notification',
      'data-kind': k,
    },
    h('span', { class: 'toast-text' }, String(message ?? '')),
    h('button', { class: 'toast-close', 'aria-label': 'Dismiss', onclick: close }, '×'),
  );
  stack.appendChild(toast);
  if (!sticky) setTimeout(close, duration);
}
