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
	type ChartConfiguration,
	type Plugin
} from 'chart.js';
import type { SelectionBandOptions } from './configs';

/** Shades the categories `from`–`to` behind the data and names the band at its top. */
const selectionBand: Plugin = {
	id: 'selectionBand',
	beforeDatasetsDraw(chart, _args, options: SelectionBandOptions) {
		const { from, to, label } = options;
		const x = chart.scales.x;
		if (from === undefined || to === undefined || !x) return;
		const { ctx, chartArea } = chart;
		const step = x.getPixelForValue(1) - x.getPixelForValue(0) || chartArea.width;
		const left = Math.max(chartArea.left, x.getPixelForValue(from) - step / 2);
		const right = Math.min(chartArea.right, x.getPixelForValue(to) + step / 2);
		ctx.save();
		ctx.fillStyle = 'rgba(1, 104, 155, 0.1)';
		ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
		if (label) {
			ctx.fillStyle = '#004f75';
			ctx.font = `600 12px ${Chart.defaults.font.family}`;
			ctx.textAlign = 'center';
			ctx.textBaseline = 'top';
			// Centred on the band, but never past the edges of the plot.
			const half = ctx.measureText(label).width / 2 + 2;
			const centre = Math.min(
				Math.max((left + right) / 2, chartArea.left + half),
				chartArea.right - half
			);
			ctx.fillText(label, centre, chartArea.top + 2);
		}
		ctx.restore();
	}
};

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	Legend,
	LineController,
	LineElement,
	LinearScale,
	PointElement,
	Tooltip,
	selectionBand
);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1f1f1f';

/**
 * At least two device pixels per CSS pixel, so that a printed or downloaded chart stays sharp
 * on a screen with a ratio of 1.
 */
export const CHART_PIXEL_RATIO = 2;
/** Device pixels per CSS pixel while printing. */
const PRINT_PIXEL_RATIO = 4;

function withRatio(config: ChartConfiguration): ChartConfiguration {
	const copy = structuredClone(config);
	const ratio = Math.max(CHART_PIXEL_RATIO, globalThis.devicePixelRatio || 1);
	copy.options = { ...copy.options, devicePixelRatio: ratio };
	return copy;
}

/** A chart on a canvas: redraw it with a new configuration, or take it down. */
export interface AttachedChart {
	update(next: ChartConfiguration): void;
	destroy(): void;
}

/** Draws the chart on the canvas (a copy of the configuration: Chart.js mutates what it gets). */
export function attachChart(canvas: HTMLCanvasElement, config: ChartConfiguration): AttachedChart {
	const chart = new Chart(canvas, withRatio(config));
	// Paper wants more pixels than a screen: redraw finer while the page is printed.
	const sharpen = (ratio: number) => () => {
		chart.options.devicePixelRatio = ratio;
		chart.resize();
	};
	const beforePrint = sharpen(PRINT_PIXEL_RATIO);
	const afterPrint = sharpen(Math.max(CHART_PIXEL_RATIO, globalThis.devicePixelRatio || 1));
	addEventListener('beforeprint', beforePrint);
	addEventListener('afterprint', afterPrint);
	return {
		update(next) {
			const copy = withRatio(next);
			chart.data = copy.data;
			chart.options = copy.options ?? {};
			chart.update('none');
		},
		destroy() {
			removeEventListener('beforeprint', beforePrint);
			removeEventListener('afterprint', afterPrint);
			chart.destroy();
		}
	};
}
