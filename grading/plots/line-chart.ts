// A line chart as an SVG document, drawn by echarts' server-side renderer: axes, ticks and legend from a well-kept
// charting library, not by hand.
import * as echarts from 'echarts';

export interface LineSeries {
  name: string;
  /** [x, y] points, in order of x. */
  points: Array<[number, number]>;
  color: string;
  dashed?: boolean;
}

export interface LineChart {
  title: string;
  subtitle?: string;
  xName: string;
  yName: string;
  /** Logarithmic axes (both), for quantities that span decades. */
  logarithmic?: boolean;
  series: LineSeries[];
  width?: number;
  height?: number;
}

/** The chart as a standalone SVG document. */
export function renderLineChart(chart: LineChart): string {
  const axisType = chart.logarithmic ? 'log' : 'value';
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: chart.width ?? 900, height: chart.height ?? 560 });
  try {
    instance.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      title: { text: chart.title, subtext: chart.subtitle, left: 'center' },
      legend: { top: 62, itemGap: 30 },
      grid: { left: 80, right: 40, top: 110, bottom: 70 },
      xAxis: { type: axisType, name: chart.xName, nameLocation: 'middle', nameGap: 35, minorSplitLine: { show: chart.logarithmic } },
      yAxis: { type: axisType, name: chart.yName, nameLocation: 'middle', nameGap: 55, minorSplitLine: { show: chart.logarithmic } },
      series: chart.series.map((series) => ({
        name: series.name,
        type: 'line',
        data: series.points,
        showSymbol: false,
        color: series.color,
        lineStyle: { width: series.dashed ? 2 : 2.5, type: series.dashed ? 'dashed' : 'solid' },
      })),
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n${instance.renderToSVGString()}\n`;
  } finally {
    instance.dispose();
  }
}
