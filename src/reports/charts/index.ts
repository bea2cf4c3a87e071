// Charts: report chart specs drawn as accessible SVG figures.
export { renderChart, chartSvg, dataTable, type ChartOptions } from './render-chart.js';
