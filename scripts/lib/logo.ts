/**
 * The app's own mark, drawn procedurally: a teal rounded square, a white speech bubble with three
 * "typing" dots, and a small yellow pennant planted on the bubble. The same geometry, in one
 * colour, is the nav bar icon.
 */
import {
  type Canvas,
  circle,
  createCanvas,
  fill,
  hex,
  mix,
  polygon,
  roundedRect,
  union,
} from './raster';

const TEAL_TOP = hex('#14a37f');
const TEAL_BOTTOM = hex('#0b5e4e');
const WHITE = hex('#ffffff');
const YELLOW = hex('#ffc23d');
const SHADOW = hex('#06392f', 0.22);

const bubbleBody = roundedRect(0.17, 0.3, 0.83, 0.7, 0.15);
const bubbleTail = polygon([
  [0.27, 0.62],
  [0.45, 0.66],
  [0.22, 0.83],
]);
const bubble = union(bubbleBody, bubbleTail);
const dots = union(circle(0.35, 0.5, 0.048), circle(0.5, 0.5, 0.048), circle(0.65, 0.5, 0.048));
const pole = roundedRect(0.686, 0.1, 0.714, 0.32, 0.014);
const pennant = polygon([
  [0.712, 0.105],
  [0.875, 0.16],
  [0.712, 0.215],
]);

function shifted(shape: (x: number, y: number) => boolean, dx: number, dy: number) {
  return (x: number, y: number) => shape(x - dx, y - dy);
}

export function drawLogo(size: number): Canvas {
  const canvas = createCanvas(size);
  fill(canvas, roundedRect(0, 0, 1, 1, 0.2), (_x, y) => mix(TEAL_TOP, TEAL_BOTTOM, y));
  fill(canvas, shifted(union(bubble, pole), 0.012, 0.022), SHADOW);
  fill(canvas, bubble, WHITE);
  fill(canvas, dots, (_x, y) => mix(TEAL_TOP, TEAL_BOTTOM, y));
  fill(canvas, pole, WHITE);
  fill(canvas, pennant, YELLOW);
  return canvas;
}

/**
 * The nav bar icon: the same bubble, dots cut out, and pennant, in `currentColor` so Zendesk can
 * tint it for the active, inactive and hover states.
 */
export function navBarIconSvg(): string {
  // 18 x 18 units: the unit geometry scaled by 18; `n` prints a coordinate with at most 2 decimals.
  const s = (v: number) => Math.round(v * 180) / 10;
  const tidy = (d: string) =>
    d.replace(/-?\d+\.\d+/g, (m) => String(Math.round(Number(m) * 100) / 100));
  const r = s(0.15);
  const [x0, y0, x1, y1] = [s(0.12), s(0.3), s(0.88), s(0.72)];
  const bubblePath = [
    `M${x0 + r} ${y0}`,
    `H${x1 - r}`,
    `A${r} ${r} 0 0 1 ${x1} ${y0 + r}`,
    `V${y1 - r}`,
    `A${r} ${r} 0 0 1 ${x1 - r} ${y1}`,
    `H${s(0.45)}`,
    `L${s(0.2)} ${s(0.9)}`,
    `L${s(0.26)} ${y1}`,
    `H${x0 + r}`,
    `A${r} ${r} 0 0 1 ${x0} ${y1 - r}`,
    `V${y0 + r}`,
    `A${r} ${r} 0 0 1 ${x0 + r} ${y0}`,
    'Z',
  ].join(' ');
  const dot = (cx: number) => {
    const rr = s(0.06);
    return `M${s(cx) - rr} ${s(0.51)} a${rr} ${rr} 0 1 0 ${2 * rr} 0 a${rr} ${rr} 0 1 0 ${-2 * rr} 0 Z`;
  };
  const flag = `M${s(0.68)} ${s(0.04)} H${s(0.73)} L${s(0.95)} ${s(0.12)} L${s(0.73)} ${s(0.2)} V${s(0.3)} H${s(0.68)} Z`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 18 18">',
    `  <path fill="currentColor" fill-rule="evenodd" d="${tidy(`${bubblePath} ${dot(0.32)} ${dot(0.5)} ${dot(0.68)}`)}"/>`,
    `  <path fill="currentColor" d="${tidy(flag)}"/>`,
    '</svg>',
    '',
  ].join('\n');
}
