/**
 * `npm start` (after `npm run build`): serves the local Zendesk agent workspace with the built app
 * in its sidebar and prints the URL to open. Options: see dev/workspace/config.ts and dev/README.md.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkspaceOptions } from './workspace/config';
import { startWorkspaceServer } from './workspace/server';
import { SettingsError } from './workspace/settings';

async function main() {
  let options;
  try {
    options = loadWorkspaceOptions();
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(`Cannot start the workspace: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (!existsSync(join(options.rootDir, 'dist', 'assets', 'index.html'))) {
    console.warn(
      'dist/ is not built: the sidebar will say so. Run `npm run build` (npm start does).',
    );
  }
  let server;
  try {
    server = await startWorkspaceServer(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(
        `Port ${options.port} is in use. Stop the other process or pick another port: PORT=4568 npm start`,
      );
      process.exit(2);
    }
    throw error;
  }
  const klaviyo = options.klaviyoUpstream
    ? `forwarded to ${options.klaviyoUpstream}`
    : 'built-in stand-in with demo data';
  console.log(
    [
      '',
      `  Local Zendesk workspace: ${server.url}`,
      '',
      `  App (other origin):      ${server.appOrigin}/app/assets/index.html`,
      `  Klaviyo:                 ${klaviyo}`,
      `  Control API:             ${server.hostOrigin}/__workspace/`,
      options.recordFile ? `  Recording Klaviyo calls: ${options.recordFile}` : '',
      '',
      '  Ctrl+C to stop.',
      '',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
