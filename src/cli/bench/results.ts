/** The benchmark's figures: samples summarised as median/min/max rows, the printed table. */

/** A timed figure. */
export type TimeFigure =
	| 'cold_start'
	| 'cold_start_first'
	| 'cold_start_return'
	| 'load'
	| 'load_first'
	| 'load_profile'
	| 'filter_period'
	| 'filter_corporation'
	| 'peer_load'
	| 'sql_wasm'
	| 'sql_native_1t'
	| 'sql_native_all';

/** The samples of one figure at one size, or why there are none (or fewer than asked). */
export interface Measurement {
	events: number;
	figure: TimeFigure | 'peak_memory_mb';
	samples: number[];
	error?: string;
}

/** One row of bench-results.json. */
export type ResultRow =
	| {
			events: number;
			figure: TimeFigure;
			median_ms: number | null;
			min_ms: number | null;
			max_ms: number | null;
			runs: number;
			error?: string;
	  }
	| {
			events: number;
			figure: 'peak_memory_mb';
			median_mb: number | null;
			min_mb: number | null;
			max_mb: number | null;
			runs: number;
			error?: string;
	  };

/** The median (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** A measurement as its JSON row: milliseconds to 0.1, megabytes to 1. */
export function toRow(m: Measurement): ResultRow {
	const has = m.samples.length > 0;
	const stat = (f: (v: readonly number[]) => number, digits: number) =>
		has ? round(f(m.samples), digits) : null;
	const error = m.error === undefined ? {} : { error: m.error };
	if (m.figure === 'peak_memory_mb') {
		return {
			events: m.events,
			figure: m.figure,
			median_mb: stat(median, 0),
			min_mb: stat((v) => Math.min(...v), 0),
			max_mb: stat((v) => Math.max(...v), 0),
			runs: m.samples.length,
			...error
		};
	}
	return {
		events: m.events,
		figure: m.figure,
		median_ms: stat(median, 1),
		min_ms: stat((v) => Math.min(...v), 1),
		max_ms: stat((v) => Math.max(...v), 1),
		runs: m.samples.length,
		...error
	};
}

const FIGURE_ORDER: readonly Measurement['figure'][] = [
	'cold_start',
	'cold_start_first',
	'cold_start_return',
	'load_first',
	'load',
	'load_profile',
	'filter_period',
	'filter_corporation',
	'peak_memory_mb',
	'peer_load',
	'sql_wasm',
	'sql_native_1t',
	'sql_native_all'
];

/** A plain-text table: one line per figure and size, grouped by figure. */
export function formatTable(rows: readonly ResultRow[]): string {
	const sorted = [...rows].sort(
		(a, b) => FIGURE_ORDER.indexOf(a.figure) - FIGURE_ORDER.indexOf(b.figure) || a.events - b.events
	);
	const number = (value: number | null, unit: string) => {
		if (value === null) return '–';
		const digits = unit === 'MB' ? 0 : 1;
		return value.toLocaleString('en-US', {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
	};
	const header = ['figure', 'events', 'unit', 'median', 'min', 'max', 'runs', 'note'];
	const lines = sorted.map((row) => {
		const memory = row.figure === 'peak_memory_mb';
		const unit = memory ? 'MB' : 'ms';
		const [med, min, max] = memory
			? [row.median_mb, row.min_mb, row.max_mb]
			: [row.median_ms, row.min_ms, row.max_ms];
		return [
			row.figure,
			row.events.toLocaleString('en-US'),
			unit,
			number(med, unit),
			number(min, unit),
			number(max, unit),
			String(row.runs),
			row.error ?? ''
		];
	});
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
	const rightAligned = new Set([1, 3, 4, 5, 6]);
	const cell = (text: string, i: number) =>
		i === header.length - 1
			? text
			: rightAligned.has(i)
				? text.padStart(widths[i]!)
				: text.padEnd(widths[i]!);
	const render = (cells: string[]) => cells.map(cell).join('  ').trimEnd();
	return [
		render(header),
		render(widths.map((w, i) => (i === header.length - 1 ? '----' : '-'.repeat(w)))),
		...lines.map(render)
	].join('\n');
}
