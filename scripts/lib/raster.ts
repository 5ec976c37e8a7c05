/**
 * A tiny anti-aliased rasteriser for the logos: shapes are inside-tests in unit coordinates
 * (0..1 on both axes), each pixel is supersampled on an N x N grid and painted with "over"
 * compositing into a straight-alpha RGBA buffer that pngjs can write.
 */

export type Rgba = readonly [number, number, number, number];
/** True when the point (x, y), in unit coordinates, is inside the shape. */
export type Shape = (x: number, y: number) => boolean;
/** Colour for a point; lets a fill be a gradient. */
export type Paint = Rgba | ((x: number, y: number) => Rgba);

export interface Canvas {
  readonly size: number;
  /** Straight (non-premultiplied) RGBA, 0..255, row-major. */
  readonly data: Uint8Array;
}

export function createCanvas(size: number): Canvas {
  return { size, data: new Uint8Array(size * size * 4) };
}

export function hex(color: string, alpha = 1): Rgba {
  const value = color.replace('#', '');
  return [
    parseInt(value.slice(0, 2), 16),
    parseInt(value.slice(2, 4), 16),
    parseInt(value.slice(4, 6), 16),
    Math.round(alpha * 255),
  ];
}

export function mix(a: Rgba, b: Rgba, t: number): Rgba {
  const k = Math.min(1, Math.max(0, t));
  return [0, 1, 2, 3].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * k)) as unknown as Rgba;
}

/** Paints `shape` over what is already there; `samples` per axis controls the anti-aliasing. */
export function fill(canvas: Canvas, shape: Shape, paint: Paint, samples = 5): void {
  const { size, data } = canvas;
  const step = 1 / (size * samples);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = px / size + (sx + 0.5) * step;
          const y = py / size + (sy + 0.5) * step;
          if (shape(x, y)) hits += 1;
        }
      }
      if (hits === 0) continue;
      const cx = (px + 0.5) / size;
      const cy = (py + 0.5) / size;
      const color = typeof paint === 'function' ? paint(cx, cy) : paint;
      const coverage = (hits / (samples * samples)) * (color[3] / 255);
      blend(data, (py * size + px) * 4, color, coverage);
    }
  }
}

function blend(data: Uint8Array, offset: number, color: Rgba, alpha: number): void {
  const dstA = data[offset + 3]! / 255;
  const outA = alpha + dstA * (1 - alpha);
  if (outA === 0) return;
  for (let i = 0; i < 3; i += 1) {
    const src = color[i]!;
    const dst = data[offset + i]!;
    data[offset + i] = Math.round((src * alpha + dst * dstA * (1 - alpha)) / outA);
  }
  data[offset + 3] = Math.round(outA * 255);
}

export function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

export function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Convex or concave polygon by the even-odd rule. */
export function polygon(points: ReadonlyArray<readonly [number, number]>): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

export function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}
