// The fills of chart-data.ts drawn as canvas patterns, and the two small
// chart.js plugins its options name: words at a bar's tip or a line's end,
// and a named base line. Kept out of chart-data.ts, which must run without a page.
import type { Chart, Plugin } from 'chart.js';
import { CHART_TEXT, type Fill, type Paint } from './chart-data';

/** Whether dark or light strokes show on a colour (relative luminance, WCAG's formula). */
function isDark(hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2;
}

/**
 * A paint that draws each fill's pattern over its colour, `scale` canvas
 * pixels to a page pixel (the chart's device pixel ratio), so the stripes are
 * as wide and as sharp on paper as on screen.
 */
export function patterns(scale: number): Paint {
  const made = new Map<string, CanvasPattern | string>();
  return (fill: Fill) => {
    const key = `${fill.colour} ${fill.pattern}`;
    if (!made.has(key)) made.set(key, draw(fill, scale));
    return made.get(key)!;
  };
}

function draw(fill: Fill, scale: number): CanvasPattern | string {
  if (fill.pattern === 'solid') return fill.colour;
  const size = Math.round(10 * scale);
  const tile = document.createElement('canvas');
  tile.width = tile.height = size;
  const g = tile.getContext('2d');
  if (!g) return fill.colour;
  g.fillStyle = fill.colour;
  g.fillRect(0, 0, size, size);
  g.strokeStyle = g.fillStyle = isDark(fill.colour) ? '#ffffff' : '#0b0c0c';
  g.lineWidth = 1.6 * scale;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    g.beginPath();
    g.moveTo(x1 * size, y1 * size);
    g.lineTo(x2 * size, y2 * size);
    g.stroke();
  };
  switch (fill.pattern) {
    case 'diagonal': line(0, 1, 1, 0); line(-0.5, 0.5, 0.5, -0.5); line(0.5, 1.5, 1.5, 0.5); break;
    case 'back-diagonal': line(0, 0, 1, 1); line(-0.5, 0.5, 0.5, 1.5); line(0.5, -0.5, 1.5, 0.5); break;
    case 'cross': line(0, 0, 1, 1); line(0, 1, 1, 0); break;
    case 'vertical': line(0.5, 0, 0.5, 1); break;
    case 'horizontal': line(0, 0.5, 1, 0.5); break;
    case 'grid': line(0.5, 0, 0.5, 1); line(0, 0.5, 1, 0.5); break;
    case 'zigzag': line(0, 0.75, 0.5, 0.25); line(0.5, 0.25, 1, 0.75); break;
    case 'dots':
      g.beginPath();
      g.arc(size / 2, size / 2, 1.8 * scale, 0, 2 * Math.PI);
      g.fill();
      break;
  }
  const pattern = g.createPattern(tile, 'repeat');
  // chart.js draws scaled by its pixel ratio, patterns included: the tile is drawn that much finer, then scaled back.
  pattern?.setTransform(new DOMMatrix().scale(1 / scale));
  return pattern ?? fill.colour;
}

/** Text with a white halo, so a line or grid line running under it does not cross it out. */
function write(g: CanvasRenderingContext2D, text: string, x: number, y: number) {
  g.save();
  g.strokeStyle = '#ffffff';
  g.lineWidth = 4;
  g.lineJoin = 'round';
  g.strokeText(text, x, y);
  g.restore();
  g.fillText(text, x, y);
}

function font(chart: Chart, bold = false) {
  const family = (chart.options.font as { family?: string } | undefined)?.family ?? 'sans-serif';
  return `${bold ? '700 ' : ''}${CHART_TEXT.size - 1}px ${family}`;
}

/** Names at the tips of bars and the ends of lines (`plugins.directLabels`), so a reader needs no legend. */
export const directLabels: Plugin = {
  id: 'directLabels',
  afterDatasetsDraw(chart, _args, options: { bars?: string[][]; lines?: string[] }) {
    const g = chart.ctx;
    g.save();
    g.font = font(chart);
    g.fillStyle = CHART_TEXT.colour;
    g.textBaseline = 'middle';
    options.bars?.forEach((labels, d) => {
      const meta = chart.getDatasetMeta(d);
      if (meta.hidden) return;
      meta.data.forEach((bar, i) => {
        const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        const toRight = x >= base;
        g.textAlign = toRight ? 'left' : 'right';
        write(g, labels[i] ?? '', x + (toRight ? 5 : -5), y);
      });
    });
    // Each line's name just above its last point, nudged apart where two would overlap.
    const ends = (options.lines ?? [])
      .map((label, d) => ({ label, meta: chart.getDatasetMeta(d) }))
      .filter(({ meta }) => !meta.hidden && meta.data.length)
      .map(({ label, meta }) => ({ label, x: meta.data[meta.data.length - 1].x, y: meta.data[meta.data.length - 1].y - 16 }))
      .sort((a, b) => a.y - b.y);
    const gap = CHART_TEXT.size + 4;
    ends.forEach((e, i) => {
      if (i > 0 && e.y - ends[i - 1].y < gap) e.y = ends[i - 1].y + gap;
      g.textAlign = 'right';
      g.font = font(chart, true);
      write(g, e.label, e.x - 10, e.y);
    });
    g.restore();
  },
};

/** A solid line across the chart at a value (`plugins.baseLine`), named above the plot. */
export const baseLine: Plugin = {
  id: 'baseLine',
  afterDatasetsDraw(chart, _args, options: { value?: number; label?: string }) {
    if (options.value === undefined) return;
    const horizontal = (chart.options as { indexAxis?: string }).indexAxis === 'y';
    const scale = horizontal ? chart.scales.x : chart.scales.y;
    const at = scale.getPixelForValue(options.value);
    const { top, bottom, left, right } = chart.chartArea;
    const g = chart.ctx;
    g.save();
    g.strokeStyle = CHART_TEXT.colour;
    g.lineWidth = 2;
    g.beginPath();
    if (horizontal) {
      g.moveTo(at, top - 4);
      g.lineTo(at, bottom);
    } else {
      g.moveTo(left, at);
      g.lineTo(right, at);
    }
    g.stroke();
    if (options.label) {
      g.font = font(chart, true);
      g.fillStyle = CHART_TEXT.colour;
      g.textBaseline = 'bottom';
      const width = g.measureText(options.label).width;
      g.textAlign = 'left';
      const x = horizontal ? Math.min(Math.max(at - width / 2, left), right - width) : left;
      write(g, options.label, x, horizontal ? top - 6 : at - 4);
    }
    g.restore();
  },
};
