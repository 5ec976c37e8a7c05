/** Reads a PNG fully with pngjs (signature, chunks, CRCs, pixel data), so a broken file fails. */
import { PNG } from 'pngjs';

export type PngInfo = { ok: true; width: number; height: number } | { ok: false; error: string };

export function readPng(bytes: Uint8Array): PngInfo {
  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { ok: true, width: png.width, height: png.height };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
