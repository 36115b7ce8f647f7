// Horizontal bar charts drawn as inline SVG with DOM calls (no chart library, no markup strings):
// one row per {label, count}, the longest bar the largest count, the count written after it.
const NS = 'http://www.w3.org/2000/svg';
const ROW = 34;
const LABEL_W = 150;
const BAR_W = 330;

function svg(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

// `rows`: [{label, count}]; `title` names the chart for screen readers.
export function barChart(title, rows) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const height = Math.max(1, rows.length) * ROW + 8;
  const chart = svg('svg', { class: 'bar-chart', viewBox: `0 0 ${LABEL_W + BAR_W + 70} ${height}`, role: 'img', 'aria-label': title });
  chart.append(svg('title', {}, title));
  rows.forEach((r, i) => {
    const y = i * ROW + 4;
    const width = r.count ? Math.max(3, Math.round((r.count / max) * BAR_W)) : 0;
    const row = svg('g', { class: 'bar-row', 'data-label': r.label, 'data-count': r.count });
    row.append(
      svg('text', { x: LABEL_W - 8, y: y + ROW / 2 + 1, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'bar-label' }, r.label),
      svg('rect', { x: LABEL_W, y: y + 5, width, height: ROW - 12, rx: 3, class: `bar ${r.tone || ''}` }),
      svg('text', { x: LABEL_W + width + 8, y: y + ROW / 2 + 1, 'dominant-baseline': 'middle', class: 'bar-count' }, String(r.count)));
    chart.append(row);
  });
  return chart;
}
