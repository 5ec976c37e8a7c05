/**
 * `npm run logos`: draws the app's logos (assets/logo.png 320x320, assets/logo-small.png 128x128)
 * and the nav bar icon (assets/icon_nav_bar.svg). The art is procedural and our own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { drawLogo, navBarIconSvg } from './lib/logo';

const assets = join(process.cwd(), 'assets');
mkdirSync(assets, { recursive: true });

for (const [file, size] of [
  ['logo.png', 320],
  ['logo-small.png', 128],
] as const) {
  const canvas = drawLogo(size);
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(canvas.data);
  writeFileSync(join(assets, file), PNG.sync.write(png));
  console.log(`assets/${file}: ${size}x${size}`);
}

writeFileSync(join(assets, 'icon_nav_bar.svg'), navBarIconSvg());
console.log('assets/icon_nav_bar.svg: 18x18, currentColor');
