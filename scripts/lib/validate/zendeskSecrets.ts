/**
 * What Zendesk's validator (ZAS `validations/secrets.rb`) looks for in an app's text files, as
 * facts: the keywords it flags as "possible secrets" and the named patterns it flags as "possible
 * <name>". Both only warn in ZAS. The patterns are written here in JavaScript with the same
 * meaning: each Ruby `[aA]`-style class is `ci('a')`, and Ruby's multi-line mode (`.` also matches
 * a line break) is the `s` flag. Their quirks are kept on purpose (the Facebook pattern's `=-|`
 * is a character range, as in Ruby), so that we flag exactly what Zendesk flags.
 */

/** ZAS package.rb `text_files`: the paths both checks read (a suffix, not an extension). */
export const ZAS_TEXT_FILE = /(html?|xml|js|json?)$/;

/** ZAS secrets.rb SECRET_KEYWORDS, matched case-sensitively anywhere in the text. */
export const SECRET_KEYWORDS = [
  'password',
  'secret',
  'secretToken',
  'secret_token',
  'auth_key',
  'authKey',
  'auth_pass',
  'authPass',
  'auth_user',
  'AuthUser',
  'api_key',
];

/** `ci('key')` = `[kK][eE][yY]`: the word in either case, letter by letter, as ZAS spells it. */
function ci(word: string): string {
  return [...word]
    .map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : `\\${c}`))
    .join('');
}

const SEP = '(?: [:"=-]|[:"=-])';
const TAIL = '.*.[0-9a-zA-Z+_.-]{4,156}';
/** The common ZAS shape: a word, a separator, then on the same line a token-like run. */
const named = (word: string) => new RegExp(`${ci(word)}${SEP}${TAIL}`);

/** ZAS secrets.rb APPLICATION_SECRETS: name -> pattern. */
export const APPLICATION_SECRETS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Slack Token', /xox[pboa|]-*.[a-z0-9]/],
  ['RSA Private Key', /-----BEGIN RSA PRIVATE KEY-----/],
  ['SSH Private Key (OpenSSH)', /-----BEGIN OPENSSH PRIVATE KEY-----/],
  ['SSH Private Key (DSA)', /-----BEGIN DSA PRIVATE KEY-----/],
  ['SSH Private Key (EC)', /-----BEGIN EC PRIVATE KEY-----/],
  ['PGP Private Key Block', /-----BEGIN PGP PRIVATE KEY BLOCK-----/],
  ['Facebook OAuth Token', new RegExp(`${ci('facebook')}(?: [|:"=-]|[:"=-|]).*.[0-9a-f]{24,36}`)],
  ['Twitter OAuth Token', new RegExp(`${ci('twitter')}${SEP}.*.[0-9a-zA-Z]{30,45}`)],
  ['Github Token', new RegExp(`${ci('github')}${SEP}.*.[0-9a-zA-Z]{30,45}`)],
  [
    'Google OAuth Token',
    new RegExp(`${ci('client')}[-_]${ci('secret')}${SEP}.*[a-zA-Z0-9_-]{16,32}`),
  ],
  ['AWS Access Key ID', /AKIA[0-9A-Z]{8,24}/],
  [
    'AWS Secret Access Key',
    new RegExp(
      `${ci('aws')}[_-]${ci('secret')}[_-]${ci('access')}[_-]${ci('key')}.*.[0-9a-zA-Z]{24,48}`,
    ),
  ],
  [
    'Heroku API Key',
    new RegExp(`${ci('heroku')}.*[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{6,18}`),
  ],
  ['Quickpay Secret', /quickpay_secret:.*.[0-9a-zA-Z]{24,72}/],
  ['Doorman Secret', new RegExp(`${ci('doorman')}[-_]${ci('secret')}.*.[0-9a-f]{16,132}`)],
  ['Shared Session Secret', /shared_session_secret.*.[0-9a-f]{4,132}/],
  ['Permanent Cookie Secret', /permanent_cookie_secret.*.[0-9a-f]{120,156}/],
  [
    'Scarlett AWS Secret Key',
    new RegExp(
      `${ci('scarlett')}[_-]${ci('aws')}[_-]${ci('secret')}[_-]${ci('key')}.*.[0-9a-zA-Z+.]{35,45}`,
    ),
  ],
  ['Braintree Key', /braintree_key.*.[0-9a-zA-Z]{16,36}/],
  ['Ticket Validation Key', /ticket_validation_key.*.[0-9a-zA-Z]{15,25}/],
  ['App Key', new RegExp(`${ci('app')}[-_]${ci('key')}${SEP}${TAIL}`)],
  ['App Secret', new RegExp(`${ci('app')}[-_]${ci('secret')}${SEP}${TAIL}`)],
  ['Consumer Key', new RegExp(`${ci('consumer')}[-_]${ci('key')}${SEP}${TAIL}`)],
  ['Consumer Secret', new RegExp(`${ci('consumer')}[-_]${ci('secret')}${SEP}${TAIL}`)],
  ['Generic Secret', new RegExp(`^${ci('secret')}${SEP}${TAIL}`, 'ms')],
  ['Master Key', new RegExp(`${ci('master')}[-_]${ci('key')}${SEP}${TAIL}`)],
  ['Master Secret', new RegExp(`${ci('master')}[-_]${ci('secret')}${SEP}${TAIL}`)],
  ['Token Key', new RegExp(`${ci('token')}[-_]${ci('key')}${SEP}${TAIL}`)],
  ['Token Secret', new RegExp(`${ci('token')}[-_]${ci('secret')}${SEP}${TAIL}`)],
  ['Zendesk Zopim Mobile SSO Key', /zendesk_zopim_mobile_sso_key.*.[0-9a-f]{58,68}/],
  ['Help Center Private Key', new RegExp(`${ci('private')}[-_]${ci('key')}${SEP}${TAIL}`)],
  [
    'X-Outbound-Key',
    new RegExp(`${ci('x')}-${ci('outbound')}-${ci('key')}[:" \\t=-].*.[0-9a-z-]{32,36}`),
  ],
  ['Attachment Token Key', /attachment_token_key.*.[0-9a-f]{24,72}/],
  ['Password', new RegExp(`${ci('password')}${TAIL}`)],
  ['Token', named('token')],
];
