/**
 * The Klaviyo flow the setup page creates: valid against `FlowCreateQuery` in Klaviyo's spec, and
 * a webhook body that carries the customer's text intact when Klaviyo JSON-escapes template
 * values, and fails visibly (not a wrong ticket) when it does not.
 */
import { Liquid } from 'liquidjs';
import {
  basicAuthorization,
  ingestUrl,
  klaviyoFlowBody,
  SMS_EVENT_PROPERTIES,
  webhookBodyTemplate,
} from '../../../src/inbound/klaviyo-flow';
import { KLAVIYO_FLOW_NAME } from '../../../src/inbound/names';
import { klaviyoSchema } from './klaviyoSpec';

const INGEST = {
  url: 'https://acme.zendesk.com/api/services/zis/inbound_webhooks/generic/ingest/tok123',
  username: 'user1',
  password: 'p@ss:word',
};

describe('the Klaviyo flow body', () => {
  it('is a valid FlowCreateQuery in Klaviyo’s spec', () => {
    const validate = klaviyoSchema('FlowCreateQuery');
    const ok = validate(klaviyoFlowBody('SmSnT1', INGEST));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('triggers on Sent SMS for SMS-consented profiles, with one webhook to the ingest URL', () => {
    const { attributes } = klaviyoFlowBody('SmSnT1', INGEST).data;
    expect(attributes.name).toBe(KLAVIYO_FLOW_NAME);
    expect(attributes.definition.triggers).toEqual([{ type: 'metric', id: 'SmSnT1' }]);
    const condition = attributes.definition.profile_filter.condition_groups[0]!.conditions[0]!;
    expect(condition.consent).toMatchObject({ channel: 'sms', can_receive_marketing: true });
    const [action] = attributes.definition.actions;
    expect(attributes.definition.entry_action_id).toBe(action!.temporary_id);
    expect(action!.data.message.url).toBe(INGEST.url);
  });

  it('carries the Basic credentials in the Authorization header, decodable as ZIS reads them', () => {
    const header = klaviyoFlowBody('SmSnT1', INGEST).data.attributes.definition.actions[0]!.data
      .message.headers.Authorization!;
    expect(header).toBe(basicAuthorization('user1', 'p@ss:word'));
    expect(Buffer.from(header.replace('Basic ', ''), 'base64').toString()).toBe('user1:p@ss:word');
  });

  it('refuses a webhook URL that is not https, as Klaviyo does', () => {
    expect(() => klaviyoFlowBody('SmSnT1', { ...INGEST, url: 'http://x/ingest' })).toThrow(/https/);
  });

  it('builds the ingest URL from a relative or an absolute webhook path', () => {
    expect(ingestUrl('https://acme.zendesk.com/', '/api/services/zis/x')).toBe(
      'https://acme.zendesk.com/api/services/zis/x',
    );
    expect(ingestUrl('https://acme.zendesk.com', 'https://other.example/x')).toBe(
      'https://other.example/x',
    );
  });
});

describe('the webhook body template', () => {
  const hostile = `He said "hi" \\ ✓\nsecond line \u200f<script>x</script>`;
  const event = { [SMS_EVENT_PROPERTIES.text]: hostile, [SMS_EVENT_PROPERTIES.to]: '+14155550000' };
  const person = { KlaviyoID: '01HP', phone_number: '+14155550101', first_name: 'Ana' };

  function engine(escape: (v: unknown) => string) {
    const liquid = new Liquid({ outputEscape: escape });
    liquid.registerFilter('lookup', (o: Record<string, unknown>, k: string) => o?.[k]);
    liquid.registerFilter('default', (v: unknown, d: unknown) => (v == null || v === '' ? d : v));
    // Klaviyo writes `default:''` (Django style); liquidjs reads `default: ''`.
    return (template: string) =>
      liquid.parseAndRenderSync(template.replace(/\|(\w+):/g, '| $1: '), { event, person });
  }

  it('arrives as the exact text when Klaviyo JSON-escapes values', () => {
    const render = engine((v) => JSON.stringify(String(v ?? '')).slice(1, -1));
    const body = JSON.parse(render(webhookBodyTemplate()));
    expect(body).toMatchObject({ profile_id: '01HP', text: hostile, to: '+14155550000' });
  });

  it('is not JSON at all when Klaviyo pastes values raw, so ZIS refuses it instead of filing a wrong text', () => {
    const render = engine((v) => String(v ?? ''));
    expect(() => JSON.parse(render(webhookBodyTemplate()))).toThrow(SyntaxError);
  });

  it('holds no secret', () => {
    expect(webhookBodyTemplate()).not.toMatch(/p@ss|user1|Basic/);
  });
});
