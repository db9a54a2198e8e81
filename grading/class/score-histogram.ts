// The class's scores as an SVG bar chart, drawn by echarts' server-side renderer as grading/plots does.
import * as echarts from 'echarts';

/** Counts of students per tenth of the points (the last bin holds 100 %), as a standalone SVG document. */
export function renderScoreHistogram(percents: number[], title: string): string {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const value of percents) bins[Math.min(9, Math.floor(value / 10))] += 1;
  const labels = bins.map((_, i) => (i === 9 ? '90–100' : `${i * 10}–${i * 10 + 10}`));
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 450 });
  try {
    instance.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      title: { text: title, subtext: `${percents.length} students`, left: 'center' },
      grid: { left: 70, right: 30, top: 80, bottom: 60 },
      xAxis: { type: 'category', data: labels, name: 'score (% of the points)', nameLocation: 'middle', nameGap: 35 },
      yAxis: { type: 'value', name: 'students', nameLocation: 'middle', nameGap: 45, minInterval: 1 },
      series: [{ type: 'bar', data: bins, color: '#1f5fa8', label: { show: true, position: 'top' } }],
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n${instance.renderToSVGString()}\n`;
  } finally {
    instance.dispose();
  }
}
