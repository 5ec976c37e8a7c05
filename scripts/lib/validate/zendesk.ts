/**
 * The facts the rules check against, as Zendesk publishes them. Most come from Zendesk's own app
 * validator, zendesk/zendesk_apps_support ("ZAS"), lib/zendesk_apps_support/; the rest from
 * Zendesk's developer docs and zcli. Each list names its origin.
 */

/** ZAS product.rb: product keys of `location`, with their legacy names. */
export const PRODUCTS: Record<string, string> = {
  support: 'support',
  zendesk: 'support',
  chat: 'chat',
  zopim: 'chat',
  standalone_chat: 'standalone_chat',
  lotus_box: 'standalone_chat',
  sell: 'sell',
};

/** ZAS location.rb: the locations each product accepts. */
export const LOCATIONS: Record<string, readonly string[]> = {
  support: [
    'top_bar',
    'nav_bar',
    'ticket_sidebar',
    'new_ticket_sidebar',
    'user_sidebar',
    'organization_sidebar',
    'background',
    'modal',
    'ticket_editor',
    'system_top_bar',
  ],
  chat: ['chat_sidebar', 'background'],
  standalone_chat: ['nav_bar', 'system_top_bar'],
  sell: [
    'deal_card',
    'person_card',
    'company_card',
    'lead_card',
    'background',
    'modal',
    'dashboard',
    'note_editor',
    'call_log_editor',
    'email_editor',
  ],
};

/** Zendesk docs (manifest reference, "flexible"): only the Support sidebars can be flexible. */
export const FLEXIBLE_LOCATIONS = [
  'ticket_sidebar',
  'new_ticket_sidebar',
  'user_sidebar',
  'organization_sidebar',
];

/** ZAS manifest/location_options.rb: the per-location options Zendesk reads. */
export const LOCATION_OPTIONS = [
  'url',
  'autoLoad',
  'autoHide',
  'flexible',
  'signed',
  'size',
  'legacy',
];

/**
 * zcli buildAppJSON (ICON_LOCATION_ALLOWLIST): locations whose icon is the SVG file
 * assets/icon_<location>.svg. Zendesk docs require it for the nav bar and the top bar.
 */
export const ICON_LOCATIONS: Record<string, { required: boolean }> = {
  nav_bar: { required: true },
  top_bar: { required: true },
  system_top_bar: { required: false },
  ticket_editor: { required: false },
};

/** ZAS app_version.rb: the only framework version new and updated apps may target. */
export const FRAMEWORK_VERSION = '2.0';

/** ZAS manifest.rb REQUIRED_MANIFEST_FIELDS, plus location and frameworkVersion for located apps. */
export const REQUIRED_FIELDS = ['author', 'defaultLocale'];

/** ZAS manifest.rb boolean_error / string_error. */
export const BOOLEAN_FIELDS = [
  'requirementsOnly',
  'marketingOnly',
  'singleInstall',
  'signedUrls',
  'private',
];
export const STRING_FIELDS = [
  'defaultLocale',
  'version',
  'frameworkVersion',
  'remoteInstallationURL',
  'termsConditionsURL',
  'gaID',
];

/** ZAS manifest.rb OAUTH_REQUIRED_FIELDS. */
export const OAUTH_REQUIRED_FIELDS = [
  'client_id',
  'client_secret',
  'authorize_uri',
  'access_token_uri',
];

/** ZAS marketplace.rb WHITELISTED_EXPERIMENTS. */
export const ALLOWED_EXPERIMENTS = ['hashParams', 'newCssCompiler'];

/** ZAS manifest/parameter.rb TYPES. */
export const PARAMETER_TYPES = [
  'text',
  'password',
  'checkbox',
  'url',
  'number',
  'multiline',
  'hidden',
  'oauth',
];

/**
 * Where Zendesk's proxy may substitute a secure setting (the parameter's `scopes`); the same list
 * dev/zaf-proxy/rules.ts enforces locally.
 */
export const SECURE_SCOPES = ['header', 'body', 'url'];

/** ZAS manifest.rb SECURE_PARAM_SCOPES: every scope Zendesk accepts. */
export const ZENDESK_SECURE_SCOPES = [
  'header',
  'body',
  'url',
  'jwt_secret_key',
  'jwt_claim',
  'basic_auth_username',
  'basic_auth_password',
];

/** ZAS secure_settings.rb SECURABLE_KEYWORDS: names that suggest a credential. */
export const SECURABLE_NAME = /token|key|pwd|password/i;

/** ZAS translations.rb VALID_LOCALE. */
export const VALID_LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/;

/** ZAS translations.rb get_missing_keys: what the default locale must hold for a public app. */
export const MARKETPLACE_KEYS = [
  'name',
  'short_description',
  'long_description',
  'installation_instructions',
];

/** Project rule: the Marketplace listing shows the app name in narrow tiles; keep it short. */
export const APP_NAME_MAX = 40;

/** Zendesk docs ("File requirements") and branding guidelines: logo files and sizes. */
export const LOGOS = [
  { path: 'assets/logo.png', width: 320, height: 320 },
  { path: 'assets/logo-small.png', width: 128, height: 128 },
];

/** ZAS screenshots.rb. */
export const SCREENSHOT = {
  pattern: /^assets\/screenshot-\d\.png$/,
  max: 3,
  width: 1024,
  height: 768,
};

/** ZAS banner.rb: 830x200, or exactly twice that. */
export const BANNER = { path: 'assets/banner.png', width: 830, height: 200 };

/** ZAS requirements.rb / app_requirement.rb. */
export const REQUIREMENT_TYPES = [
  'automations',
  'channel_integrations',
  'custom_objects',
  'macros',
  'targets',
  'views',
  'ticket_fields',
  'triggers',
  'user_fields',
  'organization_fields',
];
export const MAX_REQUIREMENTS = 5000;

/** ZAS mime.rb UNSUPPORTED_MIME_TYPES, by file extension. */
export const UNSUPPORTED_EXTENSIONS = [
  'rar',
  'zip',
  'gz',
  'gzip',
  'pdf',
  'doc',
  'docx',
  'avi',
  'bin',
  'bz',
  'bz2',
  'csh',
  'sh',
  'jar',
  'mp3',
  'mpeg',
  'odt',
  'pptx',
  'ppt',
  'xls',
  'xlsx',
  '7z',
];

/** Extensions read as text by the content rules (http:// URLs, secrets). */
export const TEXT_EXTENSIONS = [
  'json',
  'html',
  'htm',
  'js',
  'mjs',
  'css',
  'svg',
  'txt',
  'md',
  'map',
];
