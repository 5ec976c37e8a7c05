import { commentToSmsText, htmlToPlainText } from '../../../src/reply/plain-text';

describe('the editor comment as SMS text', () => {
  it('keeps paragraphs and line breaks from the rich-text editor as new lines', () => {
    expect(
      htmlToPlainText('<p>Hi Maria,</p><p>Your order ships <b>today</b>.<br>Thanks!</p>'),
    ).toBe('Hi Maria,\nYour order ships today.\nThanks!');
  });

  it('decodes entities and drops markup, scripts and styles without running anything', () => {
    (window as unknown as { hacked?: boolean }).hacked = false;
    const text = htmlToPlainText(
      '<p>Fish &amp; chips &lt;3</p><script>window.hacked = true</script><style>p{}</style><img src=x onerror="window.hacked=true">',
    );
    expect(text).toBe('Fish & chips <3');
    expect((window as unknown as { hacked?: boolean }).hacked).toBe(false);
  });

  it('turns list items into bullet lines', () => {
    expect(htmlToPlainText('<ul><li>One</li><li>Two</li></ul>')).toBe('• One\n• Two');
  });

  it('leaves plain text from the plain editor as typed (no HTML decoding)', () => {
    expect(commentToSmsText('Use code A&amp;B <now>\r\n\r\n\r\nBye', false)).toBe(
      'Use code A&amp;B <now>\n\nBye',
    );
  });

  it('returns an empty string for an editor holding only empty paragraphs', () => {
    expect(commentToSmsText('<p><br></p><p>&nbsp;</p>', true)).toBe('');
  });
});
