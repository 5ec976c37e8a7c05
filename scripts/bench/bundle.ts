/**
 * Bundle sizes from the built page (dist/assets): "initial" is what index.html itself loads (module
 * scripts, modulepreloads, stylesheets), "later" is every other JS/CSS chunk (loaded on demand).
 * Sizes raw and gzipped (zlib, level 9, as a CDN would serve them).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  kind: 'js' | 'css';
  raw: number;
  gzip: number;
}

export interface SizeTotals {
  raw: number;
  gzip: number;
}

export interface BundleReport {
  initial: FileSize[];
  later: FileSize[];
  initialJs: SizeTotals;
  initialCss: SizeTotals;
  laterJs: SizeTotals;
  laterCss: SizeTotals;
}

/** Relative asset paths index.html loads up front, in document order, without duplicates. */
export function initialAssets(html: string): string[] {
  const found: string[] = [];
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const match of html.matchAll(tag)) {
    const el = match[0];
    const attr = (name: string) =>
      new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(el)?.[1] ?? null;
    let ref: string | null = null;
    if (match[1]!.toLowerCase() === 'script') ref = attr('src');
    else {
      const rel = (attr('rel') ?? '').toLowerCase();
      if (rel === 'modulepreload' || rel === 'stylesheet') ref = attr('href');
    }
    if (ref === null || /^[a-z]+:|^\/\//i.test(ref)) continue;
    const name = ref.replace(/^\.\//, '').replace(/^\//, '');
    if (!found.includes(name)) found.push(name);
  }
  return found;
}

export function sizeOf(file: string, content: Buffer): FileSize {
  return {
    file,
    kind: file.endsWith('.css') ? 'css' : 'js',
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
  };
}

function total(files: FileSize[], kind: 'js' | 'css'): SizeTotals {
  return files
    .filter((f) => f.kind === kind)
    .reduce((acc, f) => ({ raw: acc.raw + f.raw, gzip: acc.gzip + f.gzip }), { raw: 0, gzip: 0 });
}

export function measureBundle(assetsDir: string): BundleReport {
  const html = readFileSync(join(assetsDir, 'index.html'), 'utf8');
  const initialNames = initialAssets(html);
  const all = readdirSync(assetsDir).filter((f) => /\.(m?js|css)$/.test(f));
  const read = (f: string) => sizeOf(f, readFileSync(join(assetsDir, f)));
  const initial = initialNames.filter((f) => all.includes(f)).map(read);
  const later = all.filter((f) => !initialNames.includes(f)).map(read);
  return {
    initial,
    later,
    initialJs: total(initial, 'js'),
    initialCss: total(initial, 'css'),
    laterJs: total(later, 'js'),
    laterCss: total(later, 'css'),
  };
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
