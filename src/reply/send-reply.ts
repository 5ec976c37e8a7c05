/**
 * Sends one SMS reply through Klaviyo, exactly once as far as the API allows, then records it on
 * the ticket.
 *
 * Exactly once:
 * - The idempotency key is made when the agent first presses Send and is reused by every retry.
 * - Flow mode sends it as the event's `unique_id`: Klaviyo records only the first event with a
 *   given id, so any retry is harmless (a 409 duplicate means it was already accepted).
 * - The Conversations API has no idempotency key. A POST that got no answer may or may not have
 *   gone out, so it is never posted again blindly: the failure is `uncertain`, and the next try
 *   first reads the profile's latest delivered texts (`Received SMS`) since the first attempt.
 *   If the text is there the reply counts as sent; if not, the attempt stays `uncertain` and only
 *   an explicit "send again" from the agent (`resendIfNotFound`) posts it a second time.
 * - Lookups (the conversation id) never send anything, so they are always safe to retry.
 * - The internal note comes after the send; its failure is reported, never a reason to resend.
 */
import { isKlaviyoError } from '../klaviyo';
import { classifyFailure, type ReplyStep } from './failure';
import type {
  DeliveredText,
  DescribeNote,
  FailedReply,
  NoteState,
  ReplyDeps,
  ReplyFailure,
  ReplyRequest,
  ReplyResult,
  SentReply,
} from './types';

/** Klaviyo's clock and ours may differ a little: look this far before the first attempt. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** Texts compare equal when they differ only in whitespace (carriers may normalise line ends). */
export function sameText(a: string | null, b: string): boolean {
  if (a === null) return false;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** Whether the reply shows among the texts Klaviyo recorded since the first attempt. */
export function findDelivered(
  delivered: DeliveredText[],
  text: string,
  firstAttemptAt: string,
): DeliveredText | null {
  const since = new Date(firstAttemptAt).getTime() - CLOCK_SKEW_MS;
  return (
    delivered.find((d) => new Date(d.datetime).getTime() >= since && sameText(d.text, text)) ?? null
  );
}

export async function writeReplyNote(
  deps: Pick<ReplyDeps, 'addInternalNote'>,
  ticketId: number | null,
  body: string,
): Promise<NoteState> {
  if (ticketId === null) return 'skipped';
  try {
    await deps.addInternalNote(ticketId, body);
    return 'written';
  } catch {
    return 'failed';
  }
}

function failed(
  req: ReplyRequest,
  failure: ReplyFailure,
  conversationId: string | null,
): FailedReply {
  return { status: 'failed', key: req.key, failure, conversationId };
}

async function attempt(
  step: ReplyStep,
  run: () => Promise<void>,
  now: () => Date,
): Promise<ReplyFailure | null> {
  try {
    await run();
    return null;
  } catch (error) {
    // A 409 on a flow event is Klaviyo saying "this unique_id is already recorded": sent before.
    if (step === 'flow-event' && isKlaviyoError(error) && error.kind === 'conflict') return null;
    // A 2xx whose body was not what the spec says: Klaviyo did accept the message.
    if (step !== 'lookup' && isKlaviyoError(error) && error.kind === 'malformed') return null;
    return classifyFailure(error, step, now());
  }
}

export async function sendReply(
  deps: ReplyDeps,
  req: ReplyRequest,
  describeNote: DescribeNote,
): Promise<ReplyResult> {
  const now = () => deps.now();
  let conversationId = req.conversationId ?? null;
  let confirmedAfterUncertain = false;

  if (req.mode === 'conversations' && req.previouslyUncertain) {
    let delivered: DeliveredText[];
    try {
      delivered = await deps.recentDeliveredTexts(req.profileId);
    } catch (error) {
      // Could not look: still uncertain (or rate-limited), never a blind resend.
      const failure = classifyFailure(error, 'lookup', now());
      return failed(
        req,
        failure.kind === 'rate-limited' ? failure : { kind: 'uncertain', checkedAt: null },
        conversationId,
      );
    }
    if (findDelivered(delivered, req.text, req.firstAttemptAt)) {
      confirmedAfterUncertain = true;
    } else if (!req.resendIfNotFound) {
      return failed(req, { kind: 'uncertain', checkedAt: now().toISOString() }, conversationId);
    }
  }

  if (!confirmedAfterUncertain) {
    let failure: ReplyFailure | null;
    if (req.mode === 'flow') {
      failure = await attempt(
        'flow-event',
        () =>
          deps.createReplyEvent({
            profileId: req.profileId,
            metricName: req.flowMetricName,
            text: req.text,
            uniqueId: req.key,
            ticketId: req.ticketId,
          }),
        now,
      );
    } else {
      if (!conversationId) {
        let found: string | null = null;
        failure = await attempt(
          'lookup',
          async () => {
            found = await deps.findSmsConversation(req.profileId);
          },
          now,
        );
        if (failure) return failed(req, failure, null);
        if (!found) return failed(req, { kind: 'no-conversation' }, null);
        conversationId = found;
      }
      const id: string = conversationId;
      failure = await attempt(
        'conversation-message',
        () => deps.sendConversationMessage(id, req.text, req.key),
        now,
      );
    }
    if (failure) return failed(req, failure, conversationId);
  }

  const acceptedAt = now();
  const note = await writeReplyNote(
    deps,
    req.writeNote === false ? null : req.ticketId,
    describeNote({
      text: req.text,
      mode: req.mode,
      acceptedAt,
      conversationId,
      key: req.key,
      confirmedAfterUncertain,
    }),
  );
  const sent: SentReply = {
    status: 'sent',
    key: req.key,
    text: req.text,
    mode: req.mode,
    acceptedAt: acceptedAt.toISOString(),
    conversationId,
    confirmedAfterUncertain,
    note,
  };
  return sent;
}
