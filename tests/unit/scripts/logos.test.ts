import { drawLogo, navBarIconSvg } from '../../../scripts/lib/logo';
import { svgs } from '../../../scripts/lib/validate/assets';
import { buildContext } from '../../../scripts/lib/validate/context';
import { appFolderFrom } from '../../../scripts/lib/appFolder';

const alphaAt = (data: Uint8Array, size: number, x: number, y: number) =>
  data[(y * size + x) * 4 + 3];

describe('the logos', () => {
  it.each([320, 128])('at %i px have transparent rounded corners and an opaque body', (size) => {
    const { data } = drawLogo(size);
    expect(data).toHaveLength(size * size * 4);
    expect(alphaAt(data, size, 0, 0)).toBe(0);
    expect(alphaAt(data, size, size - 1, size - 1)).toBe(0);
    expect(alphaAt(data, size, size >> 1, 2)).toBe(255);
    expect(alphaAt(data, size, size >> 1, size >> 1)).toBe(255);
  });

  it('draw a white speech bubble on the coloured square', () => {
    const size = 320;
    const { data } = drawLogo(size);
    const at = (x: number, y: number) =>
      Array.from(data.slice((y * size + x) * 4, (y * size + x) * 4 + 3));
    expect(at(Math.round(size * 0.25), Math.round(size * 0.4))).toEqual([255, 255, 255]);
    const background = at(10, size >> 1);
    expect(background[1]!).toBeGreaterThan(background[0]! + 40);
  });
});

describe('the nav bar icon', () => {
  it('is a clean SVG drawn in currentColor, so Zendesk can tint it', () => {
    const svg = navBarIconSvg();
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 18 18"/);
    expect(svg).toContain('fill="currentColor"');
    expect(svg).not.toMatch(/#[0-9a-f]{3,6}/i);
    const context = buildContext({ app: appFolderFrom({ 'assets/icon_nav_bar.svg': svg }) });
    expect(svgs(context)).toEqual([]);
  });
});
