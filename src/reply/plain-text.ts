/**
 * Turns the ticket editor's comment into the plain text an SMS carries. The rich-text editor gives
 * HTML: it is parsed with `DOMParser` (which never runs scripts or loads anything) and only the
 * text is kept, with line breaks where the editor had paragraphs, list items or `<br>`.
 */
const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'TABLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'HEAD', 'NOSCRIPT']);

function walk(node: Node, out: string[]): void {
  if (node.nodeType === 3 /* text */) {
    out.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== 1 /* element */) return;
  const tag = (node as Element).tagName.toUpperCase();
  if (SKIP.has(tag)) return;
  if (tag === 'BR') {
    out.push('\n');
    return;
  }
  if (tag === 'LI') out.push('• ');
  node.childNodes.forEach((child) => walk(child, out));
  if (BLOCKS.has(tag)) out.push('\n');
}

export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function htmlToPlainText(html: string): string {
  if (!/[<&]/.test(html)) return tidyText(html);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: string[] = [];
  walk(doc.body, out);
  return tidyText(out.join(''));
}

/** The editor's text as the customer should read it: HTML only when the editor is rich text. */
export function commentToSmsText(text: string, richText: boolean): string {
  return richText ? htmlToPlainText(text) : tidyText(text);
}
