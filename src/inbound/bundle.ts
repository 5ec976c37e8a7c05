/**
 * The ZIS bundle of the inbound path, built as a typed object (never by text substitution): one
 * job spec (webhook event → flow), four Zendesk actions, one flow. Names come from the
 * integration key; constants the flow needs (tag, keywords, brand table, translated words) travel
 * in its first Pass state, so nothing is read at run time but the text and the tickets.
 */
import { brandTable, type BrandMapping } from './brands';
import { AGAIN, BUILD_TICKET, BUILD_USER, NORMALIZE, PICK, SETTLE } from './jq';
import {
  ACTIONS,
  actionName,
  CONNECTION,
  EVENT_TYPE,
  FLOW,
  flowName,
  INBOUND_TAG,
  isIntegrationKey,
  JOB_SPEC,
  SOURCE_SYSTEM,
} from './names';
import {
  ZIS_TEMPLATE_VERSION,
  type ZisActionState,
  type ZisBundle,
  type ZisFlowDefinition,
  type ZisHttpActionResource,
  type ZisState,
} from './zis-types';

/**
 * Subscription keywords Klaviyo applies to consent: no ticket, no comment. HELP and INFO are
 * deliberately absent (they open a ticket, as in Klaviyo's own integration).
 */
export const SUBSCRIPTION_KEYWORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'START',
  'UNSTOP',
  'SUBSCRIBE',
  'YES',
] as const;

/** Words the flow writes into tickets, translated at install time into the admin's language. */
export interface BundleWords {
  /** Subject start: "SMS from" (the name or number and the start of the text follow). */
  subjectPrefix: string;
  /** The comment when the customer sent an image (MMS), which the ticket does not show. */
  imageNotice: string;
  /** The name of a customer Klaviyo knows neither by name nor number. */
  unknownName: string;
}

export interface BundleOptions {
  key: string;
  /** The `sms_ticket_tag` setting. */
  smsTag: string;
  mapping: BrandMapping;
  words: BundleWords;
}

/** Characters of the text in the subject. */
export const SUBJECT_CHARS = 60;
/**
 * How long after a comment a rerun can still arrive: ZIS waits at most 120 s between attempts
 * (a 429's Retry-After is capped there; a 500 waits 30 s, then 60 s) and a run lasts at most
 * 100 s. The same words as the ticket's newest comment, by the customer, within this window, are
 * that comment again, and a live ticket created this recently from the same words is that
 * ticket again.
 */
export const RERUN_WINDOW_SECONDS = 300;

const JSON_HEADERS = [{ key: 'Content-Type', value: 'application/json' }];
const FAIL_TO = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'Failed' }];

function httpAction(
  name: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
): ZisHttpActionResource {
  const sendsBody = method === 'POST' || method === 'PUT';
  return {
    type: 'ZIS::Action::Http',
    properties: {
      name,
      definition: {
        method,
        path,
        connectionName: CONNECTION,
        ...(sendsBody ? { headers: JSON_HEADERS, 'requestBody.$': '$.requestBody' } : {}),
      },
    },
  };
}

function jq(expr: string, resultPath: string, next: string): ZisActionState {
  return {
    Type: 'Action',
    ActionName: 'zis:common:transform:Jq',
    Parameters: { expr, 'data.$': '$' },
    ResultPath: resultPath,
    Next: next,
  };
}

function zendesk(
  key: string,
  action: string,
  parameters: Record<string, string>,
  resultPath: string,
  next: string,
): ZisActionState {
  return {
    Type: 'Action',
    ActionName: actionName(key, action),
    Parameters: parameters,
    ResultPath: resultPath,
    Catch: FAIL_TO,
    Next: next,
  };
}

/** The flow's states, in the order a text goes through them. */
export function inboundFlow(options: BundleOptions): ZisFlowDefinition {
  const { key } = options;
  const states: Record<string, ZisState> = {
    Constants: {
      Type: 'Pass',
      Result: {
        tag: options.smsTag,
        inbound_tag: INBOUND_TAG,
        stop_keywords: [...SUBSCRIPTION_KEYWORDS],
        brands: brandTable(options.mapping),
        default_brand_id: options.mapping.defaultBrandId,
        subject_prefix: options.words.subjectPrefix,
        image_notice: options.words.imageNotice,
        unknown_name: options.words.unknownName,
        subject_chars: SUBJECT_CHARS,
        rerun_window_seconds: RERUN_WINDOW_SECONDS,
      },
      ResultPath: '$.k',
      Next: 'Normalize',
    },
    Normalize: jq(NORMALIZE, '$.msg', 'CheckValid'),
    CheckValid: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.msg.valid', BooleanEquals: false, Next: 'SkipInvalid' },
        { Variable: '$.msg.is_keyword', BooleanEquals: true, Next: 'SkipKeyword' },
      ],
      Default: 'FindTickets',
    },
    FindTickets: zendesk(
      key,
      ACTIONS.find,
      { 'external_id.$': '$.msg.external_id' },
      '$.found',
      'Pick',
    ),
    Pick: jq(PICK, '$.pick', 'Route'),
    Route: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.pick.action', StringEquals: 'update', Next: 'ReadLatest' },
        // A rerun after the create went through: check for a twin before calling it done.
        { Variable: '$.pick.action', StringEquals: 'duplicate', Next: 'Recheck' },
      ],
      Default: 'BuildUser',
    },
    // A rerun after Zendesk wrote the comment but its answer was lost (a 500 or a timeout after
    // the write) would add the text twice: the ticket's newest comment says whether it is there.
    ReadLatest: zendesk(
      key,
      ACTIONS.latest,
      { 'ticket_id.$': '$.pick.ticket_id' },
      '$.latest',
      'Again',
    ),
    Again: jq(AGAIN, '$.again', 'AfterAgain'),
    AfterAgain: {
      Type: 'Choice',
      Choices: [{ Variable: '$.again.repeat', BooleanEquals: true, Next: 'SkipRepeat' }],
      Default: 'UpdateTicket',
    },
    UpdateTicket: zendesk(
      key,
      ACTIONS.update,
      { 'ticket_id.$': '$.pick.ticket_id', 'requestBody.$': '$.pick.body' },
      '$.updated',
      'DoneUpdated',
    ),
    BuildUser: jq(BUILD_USER, '$.userBody', 'UpsertUser'),
    UpsertUser: zendesk(
      key,
      ACTIONS.user,
      { 'requestBody.$': '$.userBody' },
      '$.user',
      'CheckCustomer',
    ),
    CheckCustomer: {
      Type: 'Choice',
      Choices: [{ Variable: '$.user.user.role', StringEquals: 'end-user', Next: 'BuildTicket' }],
      Default: 'SkipStaff',
    },
    BuildTicket: jq(BUILD_TICKET, '$.ticketBody', 'CreateTicket'),
    CreateTicket: zendesk(
      key,
      ACTIONS.create,
      { 'requestBody.$': '$.ticketBody' },
      '$.created',
      'Recheck',
    ),
    Recheck: zendesk(
      key,
      ACTIONS.find,
      { 'external_id.$': '$.msg.external_id' },
      '$.recheck',
      'Settle',
    ),
    Settle: jq(SETTLE, '$.settle', 'AfterSettle'),
    AfterSettle: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.settle.action', StringEquals: 'fold', Next: 'DropTwin' },
        { Variable: '$.settle.action', StringEquals: 'duplicate', Next: 'SkipDuplicate' },
      ],
      Default: 'DoneCreated',
    },
    DropTwin: zendesk(
      key,
      ACTIONS.drop,
      { 'ticket_id.$': '$.settle.drop_id' },
      '$.dropped',
      'FoldText',
    ),
    FoldText: zendesk(
      key,
      ACTIONS.update,
      { 'ticket_id.$': '$.settle.ticket_id', 'requestBody.$': '$.settle.body' },
      '$.folded',
      'DoneFolded',
    ),
    // Messages carry ids only: integration logs are visible to every admin, texts are not theirs.
    DoneCreated: { Type: 'Succeed', Message: 'Ticket created from the text' },
    DoneUpdated: { Type: 'Succeed', Message: 'Text added to the open SMS ticket' },
    DoneFolded: {
      Type: 'Succeed',
      Message: 'Text added to the SMS ticket another text opened at the same moment',
    },
    SkipInvalid: { Type: 'Succeed', Message: 'Skipped: no text, or no profile id or phone' },
    SkipKeyword: { Type: 'Succeed', Message: 'Skipped: subscription keyword' },
    SkipDuplicate: { Type: 'Succeed', Message: 'Skipped: this text already made its ticket' },
    SkipRepeat: {
      Type: 'Succeed',
      Message: 'Skipped: this text is already the ticket’s newest comment (a rerun)',
    },
    SkipStaff: {
      Type: 'Succeed',
      Message: 'Skipped: the profile belongs to a Zendesk agent or admin',
    },
    Failed: { Type: 'Fail', Error: 'ZendeskWriteFailed', Cause: 'A Zendesk call failed' },
  };
  return { StartAt: 'Constants', States: states };
}

export function buildInboundBundle(options: BundleOptions): ZisBundle {
  const { key } = options;
  if (!isIntegrationKey(key)) throw new Error(`"${key}" is not a valid ZIS integration name.`);
  return {
    zis_template_version: ZIS_TEMPLATE_VERSION,
    name: key,
    description: 'Klaviyo for Zendesk: customers’ texts become tickets',
    resources: {
      [ACTIONS.find]: httpAction(
        ACTIONS.find,
        'GET',
        '/api/v2/tickets.json?external_id={{$.external_id}}',
      ),
      [ACTIONS.user]: httpAction(ACTIONS.user, 'POST', '/api/v2/users/create_or_update.json'),
      [ACTIONS.create]: httpAction(ACTIONS.create, 'POST', '/api/v2/tickets.json'),
      [ACTIONS.update]: httpAction(ACTIONS.update, 'PUT', '/api/v2/tickets/{{$.ticket_id}}.json'),
      [ACTIONS.latest]: httpAction(
        ACTIONS.latest,
        'GET',
        '/api/v2/tickets/{{$.ticket_id}}/comments.json?sort_order=desc&per_page=1',
      ),
      [ACTIONS.drop]: httpAction(ACTIONS.drop, 'DELETE', '/api/v2/tickets/{{$.ticket_id}}.json'),
      inbound_sms_flow: {
        type: 'ZIS::Flow',
        properties: { name: FLOW, definition: inboundFlow(options) },
      },
      inbound_sms_job: {
        type: 'ZIS::JobSpec',
        properties: {
          name: JOB_SPEC,
          event_source: SOURCE_SYSTEM,
          event_type: EVENT_TYPE,
          flow_name: flowName(key),
        },
      },
    },
  };
}

/**
 * A short fingerprint of a bundle (FNV-1a over its JSON), kept in the ZIS config so Repair can
 * tell whether the uploaded bundle is the one this version of the app would build.
 */
export function bundleHash(bundle: ZisBundle): string {
  const text = JSON.stringify(bundle);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
