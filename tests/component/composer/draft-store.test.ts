import { draftKey, loadDraft, saveDraft } from '../../../src/ui/sidebar/composer/draft-store';

beforeEach(() => sessionStorage.clear());

const attempt = {
  key: 'k1',
  text: 'Hello',
  profileId: 'P1',
  mode: 'conversations' as const,
  firstAttemptAt: '2026-11-21T10:00:00.000Z',
  conversationId: 'CONV1',
  failure: { kind: 'rate-limited' as const, retryAt: '2026-11-21T10:01:00.000Z' },
};

describe('the composer draft kept per ticket', () => {
  it('comes back after a reload, per ticket', () => {
    saveDraft(101, { text: 'Half-written reply', attempt: null });
    saveDraft(102, { text: 'Other ticket', attempt: null });
    expect(loadDraft(101)).toEqual({ text: 'Half-written reply', attempt: null });
    expect(loadDraft(102).text).toBe('Other ticket');
    expect(loadDraft(103)).toEqual({ text: '', attempt: null });
  });

  it('keeps a failed attempt with its idempotency key for the retry', () => {
    saveDraft(101, { text: 'Hello', attempt });
    expect(loadDraft(101).attempt).toEqual(attempt);
  });

  it('restores a send that was in flight when the page went away as "may have been sent" (conversations) or safe to retry (flow)', () => {
    saveDraft(101, { text: 'Hello', attempt: { ...attempt, failure: null } });
    expect(loadDraft(101).attempt?.failure).toEqual({ kind: 'uncertain', checkedAt: null });
    saveDraft(102, { text: 'Hello', attempt: { ...attempt, mode: 'flow', failure: null } });
    expect(loadDraft(102).attempt?.failure).toEqual({ kind: 'network' });
  });

  it('ignores damaged storage instead of failing', () => {
    sessionStorage.setItem(draftKey(101), '{not json');
    expect(loadDraft(101)).toEqual({ text: '', attempt: null });
    sessionStorage.setItem(draftKey(102), JSON.stringify({ text: 'Kept', attempt: { key: 1 } }));
    expect(loadDraft(102)).toEqual({ text: 'Kept', attempt: null });
  });

  it('removes the entry once there is nothing to keep', () => {
    saveDraft(101, { text: 'x', attempt: null });
    saveDraft(101, { text: '', attempt: null });
    expect(sessionStorage.getItem(draftKey(101))).toBeNull();
  });
});
