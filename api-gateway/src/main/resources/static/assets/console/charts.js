// Small SVG charts drawn here (no chart library to fetch or audit). Each chart is an image with a name for screen
// readers, followed by the same numbers as a table that only screen readers see.
import { h, number } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  children.forEach((c) => el.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return el;
}

function dataTable(caption, items, unit) {
  return h('table', { class: 'visually-hidden' }, h('caption', {}, caption),
    h('tbody', {}, items.map((i) => h('tr', {}, h('th', { scope: 'row' }, i.label), h('td', {}, `${number(i.value)}${unit}`)))));
}

/** Horizontal bars, one per item: good for a few named things (channels, entry paths) on a narrow phone. */
export function barChart(caption, items, unit = '') {
  const rowHeight = 30;
  const labelWidth = 110;
  const width = 360;
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${items.length * rowHeight + 4}`, role: 'img', 'aria-label': caption, class: 'chart' },
    ...items.map((item, n) => {
      const y = n * rowHeight + 2;
      const barWidth = ((width - labelWidth - 60) * (item.value ?? 0)) / max;
      return svg('g', {},
        svg('text', { x: 0, y: y + 19, class: 'chart-label' }, item.label),
        svg('rect', { x: labelWidth, y: y + 4, width: Math.max(barWidth, 1), height: rowHeight - 10, rx: 4, class: 'chart-bar' }),
        svg('text', { x: labelWidth + barWidth + 6, y: y + 19, class: 'chart-value' }, `${number(item.value)}${unit}`));
    }));
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, caption), chart, dataTable(caption, items, unit));
}

/** Columns over time (or hours of the day): labels under every nth column so they never overlap. */
export function columnChart(caption, items, unit = '') {
  const width = 360;
  const height = 160;
  const base = height - 24;
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  const margin = 12; // room for the first and last labels, which are centred on their columns
  const step = (width - 2 * margin) / Math.max(items.length, 1);
  const every = Math.ceil(items.length / 8);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': caption, class: 'chart' },
    svg('line', { x1: 0, y1: base, x2: width, y2: base, class: 'chart-axis' }),
    ...items.map((item, n) => {
      const barHeight = ((base - 16) * (item.value ?? 0)) / max;
      return svg('g', {},
        svg('rect', { x: margin + n * step + 2, y: base - barHeight, width: Math.max(step - 4, 1), height: barHeight, class: 'chart-bar' }),
        item.value ? svg('text', { x: margin + n * step + step / 2, y: base - barHeight - 3, class: 'chart-value', 'text-anchor': 'middle' }, number(item.value)) : '',
        n % every === 0 ? svg('text', { x: margin + n * step + step / 2, y: height - 6, class: 'chart-label', 'text-anchor': 'middle' }, item.label) : '');
    }));
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, caption), chart, dataTable(caption, items, unit));
}
