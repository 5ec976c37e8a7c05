/** Rewrites flow-schemas.json from Klaviyo's spec: `npx tsx dev/klaviyo/flows/extract-schemas.ts [spec.json]`. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFlowSchemas } from './schemas';

const here = path.dirname(fileURLToPath(import.meta.url));
const specPath =
  process.argv[2] ??
  process.env.KLAVIYO_OPENAPI ??
  path.resolve(here, '../../../../shared/klaviyo-openapi/stable.json');
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
const out = path.join(here, 'flow-schemas.json');
fs.writeFileSync(out, `${JSON.stringify(extractFlowSchemas(spec))}\n`);
console.log(`wrote ${out} from ${specPath}`);
