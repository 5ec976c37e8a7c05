import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkspaceOptions } from '../../../dev/workspace/config';
import { DEMO_KLAVIYO_KEY, SettingsError } from '../../../dev/workspace/settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'workspace-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function settingsFile(text: string): string {
  const file = join(dir, 'settings.json');
  writeFileSync(file, text);
  return file;
}

describe('workspace options', () => {
  it('starts on port 4567 with the manifest defaults and the demo key', () => {
    const options = loadWorkspaceOptions([], {});
    expect(options.port).toBe(4567);
    expect(options.settings).toMatchObject({
      klaviyo_api_key: DEMO_KLAVIYO_KEY,
      reply_mode: 'conversations',
      quiet_hours_start: 8,
    });
    expect(options.klaviyoUpstream).toBeNull();
  });

  it('takes the port, the key, the upstream and settings from the command line and environment', () => {
    const file = settingsFile('{"reply_mode":"flow","quiet_hours_end":21}');
    const options = loadWorkspaceOptions(['--port', '0', '--settings', file], {
      KLAVIYO_API_KEY: 'pk_test_never_in_the_browser',
      KLAVIYO_UPSTREAM: 'https://a.klaviyo.com/ignored/path',
      ZAF_SETTINGS: '{"send_public_replies_as_sms":true}',
    });
    expect(options.port).toBe(0);
    expect(options.klaviyoUpstream).toBe('https://a.klaviyo.com');
    expect(options.settings).toMatchObject({
      klaviyo_api_key: 'pk_test_never_in_the_browser',
      reply_mode: 'flow',
      quiet_hours_end: 21,
      send_public_replies_as_sms: true,
    });
  });

  it('names the file and the problem when the settings file is not JSON', () => {
    const file = settingsFile('{"reply_mode": flow}');
    expect(() => loadWorkspaceOptions(['--settings', file], {})).toThrow(SettingsError);
    expect(() => loadWorkspaceOptions(['--settings', file], {})).toThrow(
      /settings\.json is not valid JSON/,
    );
  });

  it('lists unknown and mistyped settings instead of ignoring them', () => {
    const file = settingsFile('{"reply_mod":"flow","quiet_hours_start":"eight"}');
    expect(() => loadWorkspaceOptions(['--settings', file], {})).toThrow(
      /unknown setting "reply_mod".*"quiet_hours_start" must be a number/,
    );
  });

  it('rejects a port or upstream it cannot use, with the value in the message', () => {
    expect(() => loadWorkspaceOptions([], { PORT: 'eighty' })).toThrow(/PORT .*"eighty"/);
    expect(() => loadWorkspaceOptions([], { KLAVIYO_UPSTREAM: 'a.klaviyo.com' })).toThrow(
      /KLAVIYO_UPSTREAM must be an absolute URL/,
    );
  });
});
