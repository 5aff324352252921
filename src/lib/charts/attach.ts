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
import type { ChartCaption } from './caption';
import { wrapToWidth, type IncompleteBandOptions, type SelectionBandOptions } from './configs';

/**
 * Shades the categories `from`–`to` behind the data and names the band above the plot (in the
 * room withRatio leaves there), where no line or point runs over the name.
 */
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
			ctx.textBaseline = 'bottom';
			// Centred on the band, but never past the edges of the plot.
			const half = ctx.measureText(label).width / 2 + 2;
			const centre = Math.min(
				Math.max((left + right) / 2, chartArea.left + half),
				chartArea.right - half
			);
			ctx.fillText(label, centre, chartArea.top - 2);
		}
		ctx.restore();
	}
};

/** The left and right pixel of category `index` on the x axis (its share of the plot's width). */
function categoryEdges(chart: Chart, index: number): [number, number] {
	const x = chart.scales.x!;
	const { chartArea } = chart;
	const step = x.getPixelForValue(1) - x.getPixelForValue(0) || chartArea.width;
	return [
		Math.max(chartArea.left, x.getPixelForValue(index) - step / 2),
		Math.min(chartArea.right, x.getPixelForValue(index) + step / 2)
	];
}

/** Hatches the categories the data covers only in part (their axis labels say it in words). */
const incompleteBand: Plugin = {
	id: 'incompleteBand',
	beforeDatasetsDraw(chart, _args, options: IncompleteBandOptions) {
		const { indices } = options;
		if (!indices || indices.length === 0 || !chart.scales.x) return;
		const { ctx, chartArea } = chart;
		for (const index of indices) {
			const [left, right] = categoryEdges(chart, index);
			ctx.save();
			ctx.beginPath();
			ctx.rect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
			ctx.clip();
			ctx.fillStyle = 'rgba(77, 77, 77, 0.06)';
			ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
			ctx.strokeStyle = 'rgba(77, 77, 77, 0.35)';
			ctx.lineWidth = 1;
			const height = chartArea.bottom - chartArea.top;
			for (let x = left - height; x < right; x += 8) {
				ctx.beginPath();
				ctx.moveTo(x, chartArea.bottom);
				ctx.lineTo(x + height, chartArea.top);
				ctx.stroke();
			}
			ctx.restore();
		}
	}
};

/**
 * The line to and from a point of an incomplete category drawn lighter (a function, so added to
 * the copy that is drawn: functions do not survive structuredClone).
 */
function lightenIncomplete(config: ChartConfiguration): void {
	const indices = config.options?.plugins?.incompleteBand?.indices;
	if (config.type !== 'line' || !indices || indices.length === 0) return;
	const incomplete = new Set(indices);
	for (const dataset of config.data.datasets) {
		const colour = dataset.borderColor;
		if (typeof colour !== 'string' || !/^#[0-9a-f]{6}$/i.test(colour)) continue;
		(dataset as { segment?: object }).segment = {
			borderColor: (ctx: { p0DataIndex: number; p1DataIndex: number }) =>
				incomplete.has(ctx.p0DataIndex) || incomplete.has(ctx.p1DataIndex)
					? `${colour}80`
					: undefined
		};
	}
}

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
	selectionBand,
	incompleteBand
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
	// Room above the plot for the name of the selection band.
	const top = copy.options?.plugins?.selectionBand?.label ? EDGE + 16 : EDGE;
	copy.options = {
		...copy.options,
		devicePixelRatio: ratio,
		layout: { padding: { top, right: EDGE, bottom: EDGE, left: EDGE } }
	};
	fitIndexLabels(copy);
	keepLabelsOffEdge(copy);
	lightenIncomplete(copy);
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

/** Device pixels per CSS pixel of a downloaded chart: sharp when printed. */
export const IMAGE_PIXEL_RATIO = 3;

/** The margins and type of a downloaded chart, in CSS pixels. */
const IMAGE = { pad: 16, title: 17, text: 12.5, gap: 10 } as const;

/**
 * The chart as it is on screen, redrawn at IMAGE_PIXEL_RATIO, on white, with its title above it
 * and the selection and the source under it (each wrapped to the chart's width).
 */
function composeImage(chart: Chart, caption: ChartCaption): HTMLCanvasElement {
	const ratio = IMAGE_PIXEL_RATIO;
	const drawn = chart.canvas;
	const width = chart.width;
	const height = chart.height;
	const family = Chart.defaults.font.family;
	const out = document.createElement('canvas');
	const context = out.getContext('2d');
	if (!context) throw new Error('geen tekenvlak');
	const lines = (text: string, font: string) => {
		context.font = font;
		return wrapToWidth(text, width, (s) => context.measureText(s).width);
	};
	const titleFont = `700 ${IMAGE.title}px ${family}`;
	const textFont = `400 ${IMAGE.text}px ${family}`;
	const title = lines(caption.title, titleFont);
	const body = caption.lines.flatMap((line) => lines(line, textFont));
	const source = lines(caption.source, textFont);
	const lineHeight = (size: number) => Math.ceil(size * 1.35);
	const titleHeight = title.length * lineHeight(IMAGE.title);
	const captionHeight = (body.length + source.length) * lineHeight(IMAGE.text);
	const total =
		IMAGE.pad + titleHeight + IMAGE.gap + height + IMAGE.gap + captionHeight + IMAGE.pad;
	out.width = Math.round((width + 2 * IMAGE.pad) * ratio);
	out.height = Math.round(total * ratio);
	context.scale(ratio, ratio);
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, width + 2 * IMAGE.pad, total);
	context.textBaseline = 'top';
	context.fillStyle = String(Chart.defaults.color);
	let y = IMAGE.pad;
	context.font = titleFont;
	for (const line of title) {
		context.fillText(line, IMAGE.pad, y);
		y += lineHeight(IMAGE.title);
	}
	y += IMAGE.gap;
	context.drawImage(drawn, IMAGE.pad, y, width, height);
	y += height + IMAGE.gap;
	context.font = textFont;
	for (const line of body) {
		context.fillText(line, IMAGE.pad, y);
		y += lineHeight(IMAGE.text);
	}
	context.fillStyle = '#4d4d4d';
	for (const line of source) {
		context.fillText(line, IMAGE.pad, y);
		y += lineHeight(IMAGE.text);
	}
	return out;
}

/** A chart on a canvas: redraw it with a new configuration, take it down, or save it as PNG. */
export interface AttachedChart {
	update(next: ChartConfiguration): void;
	destroy(): void;
	/** The chart with its caption as a PNG at print resolution (IMAGE_PIXEL_RATIO). */
	image(caption: ChartCaption): Promise<Blob>;
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
		},
		image(caption) {
			// Drawn again at the image's ratio, then back to the screen's.
			sharpen(IMAGE_PIXEL_RATIO)();
			let out: HTMLCanvasElement;
			try {
				out = composeImage(chart, caption);
			} finally {
				afterPrint();
			}
			return new Promise((resolve, reject) =>
				out.toBlob(
					(blob) => (blob ? resolve(blob) : reject(new Error('PNG kon niet worden gemaakt'))),
					'image/png'
				)
			);
		}
	};
}
