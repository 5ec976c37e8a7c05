import { createFormatters, createTranslator } from '../../../src/i18n';
import { describeReplyNote } from '../../../src/reply/note';

const facts = {
  text: 'Your order ships today.',
  acceptedAt: new Date('2026-11-21T18:04:05.000Z'),
  key: '3f1c9b1e-0000-4000-8000-000000000001',
  confirmedAfterUncertain: false,
};

describe('the internal note that records an SMS reply', () => {
  it('holds the text, the exact and local time, the mode, the conversation and the reply id', () => {
    const body = describeReplyNote(
      createTranslator('en'),
      createFormatters('en-US'),
      'Zendesk SMS Reply',
      {
        ...facts,
        mode: 'conversations',
        conversationId: 'CONV1',
      },
    );
    expect(body).toContain('Your order ships today.');
    expect(body).toContain('2026-11-21T18:04:05.000Z');
    expect(body).toContain('Conversations API');
    expect(body).toContain('CONV1');
    expect(body).toContain(facts.key);
  });

  it('names the flow and its metric in flow mode, in the agent’s language', () => {
    const body = describeReplyNote(
      createTranslator('es'),
      createFormatters('es-ES'),
      'Zendesk SMS Reply',
      {
        ...facts,
        mode: 'flow',
        conversationId: null,
      },
    );
    expect(body).toContain('flujo, métrica “Zendesk SMS Reply”');
    expect(body).not.toContain('Klaviyo conversation');
  });

  it('says when a text was found delivered instead of being sent again', () => {
    const body = describeReplyNote(createTranslator('en'), createFormatters('en-US'), 'x', {
      ...facts,
      mode: 'conversations',
      conversationId: 'CONV1',
      confirmedAfterUncertain: true,
    });
    expect(body).toMatch(/found among the customer’s delivered messages/);
  });
});
