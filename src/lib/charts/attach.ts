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
	type Plugin,
	type Scale
} from 'chart.js';
import { toFont } from 'chart.js/helpers';
import { wrapToWidth, type SelectionBandOptions } from './configs';

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

/** Room around the drawing, so that nothing of a chart touches the edge of its canvas. */
const EDGE = 4;
/** The share of a horizontal bar chart's width its labels may take (Chart.js gives at most half). */
const INDEX_LABEL_SHARE = 0.45;

/**
 * The labels of the category axis of a horizontal bar chart, wrapped (at draw time, so at the
 * chart's current width) into lines that fit the axis: on a phone a label is never cut off at
 * the canvas's edge. Every category keeps its label.
 */
function fitIndexLabels(config: ChartConfiguration): void {
	if (config.type !== 'bar' || config.options?.indexAxis !== 'y') return;
	const scales = (config.options.scales ??= {});
	const y = (scales.y ??= {});
	y.ticks = {
		...y.ticks,
		autoSkip: false,
		callback(this: Scale, value) {
			const raw = this.getLabelForValue(Number(value)) as unknown;
			const text = Array.isArray(raw) ? raw.join(' ') : String(raw);
			const { ctx } = this;
			const ticks = (this.options as unknown as { ticks: { font: object; padding: number } }).ticks;
			ctx.save();
			ctx.font = toFont(ticks.font).string;
			const max = this.chart.width * INDEX_LABEL_SHARE - EDGE - ticks.padding;
			const lines = wrapToWidth(text, max, (s) => ctx.measureText(s).width);
			ctx.restore();
			return lines.length === 1 ? lines[0] : lines;
		}
	};
}

/**
 * Room beside the first and last label of the horizontal axis: Chart.js moves the plot in just
 * far enough for a (rotated) end label to reach the canvas's edge, and takes the larger of that
 * and the layout's padding, not both.
 */
function keepLabelsOffEdge(config: ChartConfiguration): void {
	const scales = ((config.options ??= {}).scales ??= {});
	// The x axis is the horizontal one, also in a horizontal bar chart (its value axis).
	(scales.x ??= {}).afterFit = (scale: Scale) => {
		scale.paddingLeft += EDGE;
		scale.paddingRight += EDGE;
	};
}

/**
 * A copy to draw: the pixel ratio, room at the edges and labels that fit (functions do not
 * survive structuredClone, so they are added to the copy).
 */
function withRatio(config: ChartConfiguration): ChartConfiguration {
	const copy = structuredClone(config);
	const ratio = Math.max(CHART_PIXEL_RATIO, globalThis.devicePixelRatio || 1);
	copy.options = { ...copy.options, devicePixelRatio: ratio, layout: { padding: EDGE } };
	fitIndexLabels(copy);
	keepLabelsOffEdge(copy);
	return copy;
}

/** Text colour and font of the charts from the house style's tokens (src/lib/theme/tokens.css). */
function followTheme(canvas: HTMLCanvasElement): void {
	const style = getComputedStyle(canvas);
	const token = (name: string) => style.getPropertyValue(name).trim();
	Chart.defaults.color = token('--utrecht-document-color') || Chart.defaults.color;
	Chart.defaults.font.family =
		token('--utrecht-document-font-family') || Chart.defaults.font.family;
}

/** A chart on a canvas: redraw it with a new configuration, or take it down. */
export interface AttachedChart {
	update(next: ChartConfiguration): void;
	destroy(): void;
}

/** Draws the chart on the canvas (a copy of the configuration: Chart.js mutates what it gets). */
export function attachChart(canvas: HTMLCanvasElement, config: ChartConfiguration): AttachedChart {
	followTheme(canvas);
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
