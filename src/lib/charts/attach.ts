/** Draws a chart configuration on a canvas with only the Chart.js parts the project uses. */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LineController,
	LineElement,
	LinearScale,
	PointElement,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	Legend,
	LineController,
	LineElement,
	LinearScale,
	PointElement,
	Tooltip
);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1f1f1f';

/** Draws the chart; returns a function that updates it with a new configuration and one that destroys it. */
export function attachChart(canvas: HTMLCanvasElement, config: ChartConfiguration) {
	const chart = new Chart(canvas, structuredClone(config));
	return {
		update(next: ChartConfiguration) {
			chart.data = structuredClone(next.data);
			chart.options = structuredClone(next.options ?? {});
			chart.update();
		},
		destroy() {
			chart.destroy();
		}
	};
}
