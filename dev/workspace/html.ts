/** The agent workspace's HTML shell; dev/host/main.ts renders everything inside it. */
export function hostPage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Agent Workspace – Zendesk (local)</title>
    <link rel="stylesheet" href="/__host/host.css" />
  </head>
  <body>
    <div id="workspace" class="workspace" aria-busy="true"></div>
    <script src="/__host/host.js"></script>
  </body>
</html>
`;
}
