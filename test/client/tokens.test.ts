import fs from 'node:fs';
import path from 'node:path';
import { colors, contrastPairs, fontSizes, touchSizes } from '@/styles/tokens';

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channels = [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('design tokens', () => {
  it('computes contrast the WCAG way (sanity check)', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeLessThan(4.5);
  });

  it.each(contrastPairs.map(([fg, bg]) => [fg, bg]))('%s on %s has contrast >= 4.5:1', (fg, bg) => {
    expect(contrastRatio(colors[fg], colors[bg])).toBeGreaterThanOrEqual(4.5);
  });

  it('tokens.scss mirrors every colour and size in tokens.ts', () => {
    const scss = fs.readFileSync(path.resolve(__dirname, '../../client/styles/tokens.scss'), 'utf8');
    const vars = Object.fromEntries([...scss.matchAll(/^\$([\w-]+):\s*([^;]+);/gm)].map((m) => [m[1], m[2].trim()]));
    for (const [name, value] of Object.entries(colors)) {
      expect(`${name}=${vars[`color-${kebab(name)}`]?.toUpperCase()}`).toBe(`${name}=${value.toUpperCase()}`);
    }
    for (const [name, value] of Object.entries(fontSizes)) {
      expect(`${name}=${vars[`font-size-${kebab(name)}`]}`).toBe(`${name}=${value}px`);
    }
    for (const [name, value] of Object.entries(touchSizes)) {
      expect(`${name}=${vars[`touch-size-${kebab(name)}`]}`).toBe(`${name}=${value}px`);
    }
  });

  // Design px are for a 750-wide design: 2 design px = 1 CSS px on a 375-wide phone.
  it('large mode: body text >= 18px and primary buttons >= 60px tall', () => {
    expect(fontSizes.bodyLarge / 2).toBeGreaterThanOrEqual(18);
    expect(touchSizes.primaryButtonLarge / 2).toBeGreaterThanOrEqual(60);
    expect(touchSizes.primaryButton / 2).toBeGreaterThanOrEqual(48);
  });
});
