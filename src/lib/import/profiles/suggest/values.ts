/**
 * What a column's values say, for the suggestions: whether it holds dates (in a notation the
 * import reads, or one it does not), its distinct labels, and whether a value repeats. Pure.
 */
import { parseDate } from '../../dates';
import { excelSerialToIso } from '../excel-dates';

/** A column is date-valued when at least this share of its (sampled) non-empty cells are dates. */
export const DATE_SHARE = 0.8;
/** How many non-empty cells per column are checked for dates. */
const DATE_SAMPLE = 1000;
/** A column with more distinct values than this is no label column. */
export const MAX_LABELS = 200;

/** Date notations the import does not read but a person reads as a date (`01-03-13`, `1 mrt 2015`, a time after the date). */
const OTHER_DATE_SHAPES = [
	/^\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?$/,
	/^\d{1,2}([-/])\d{1,2}\1(?:\d{2}|\d{4})(?:,? \d{1,2}:\d{2}(?::\d{2})?)?$/,
	/^\d{1,2}\.\d{1,2}\.\d{4}$/,
	/^\d{4}\/\d{1,2}\/\d{1,2}$/,
	/^\d{1,2}[ -](?:jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?[ -]\d{2,4}$/i
];
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/** A date in a notation the import reads, but not a real day (`31-02-2015`): the import rejects that row. */
const READ_SHAPES = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([-/])\d{1,2}\1\d{4})$/;

/**
 * How a cell reads as a date: `leesbaar` (the import reads it), `onmogelijk` (its notation, but no
 * real day), `anders` (a date in a notation the import does not read), or null.
 */
export function dateKind(
	value: string,
	fromWorkbook: boolean
): 'leesbaar' | 'onmogelijk' | 'anders' | null {
	if (parseDate(value) !== null) return 'leesbaar';
	if (READ_SHAPES.test(value)) return 'onmogelijk';
	// A serial from 1954 to 2119 in a workbook: a date cell without a date style, not an id.
	if (fromWorkbook && SERIAL.test(value) && +value > 20_000 && +value < 80_000)
		return excelSerialToIso(value) !== null ? 'leesbaar' : null;
	return OTHER_DATE_SHAPES.some((re) => re.test(value)) ? 'anders' : null;
}

/** What one column holds. */
export interface ColumnValues {
	/** Non-empty cells (after trimming), over all rows. */
	filled: number;
	/** Share of the checked non-empty cells that are dates (either kind); 0 for an empty column. */
	dateShare: number;
	/** A date the import does not read (`01-03-13`), if the column has one. */
	otherDate: string | null;
	/** A value that is no date, if the column has one. */
	nonDate: string | null;
	/** Distinct non-empty values in order of first appearance; null when there are more than MAX_LABELS. */
	labels: string[] | null;
	/** True when every checked cell that is a date is a workbook's bare number (a serial, or maybe an id). */
	serialOnly: boolean;
	/** True when some non-empty value occurs twice (among the first 20,000 distinct values). */
	repeats: boolean;
}

/** True when the column holds dates: most of its non-empty cells (an impossible date such as `31-02-2015` counts as one). */
export function isDateValued(v: ColumnValues): boolean {
	return v.filled > 0 && v.dateShare >= DATE_SHARE;
}

/** How many distinct values per column are kept to tell whether one repeats. */
const REPEAT_LIMIT = 20_000;

/** Reads every column of the rows once. */
export function columnValues(
	width: number,
	rows: readonly (readonly string[])[],
	fromWorkbook: boolean
): ColumnValues[] {
	const out: ColumnValues[] = [];
	const checked: number[] = new Array(width).fill(0);
	const dates: number[] = new Array(width).fill(0);
	const labels: (Set<string> | null)[] = [];
	const seen: (Set<string> | null)[] = [];
	for (let c = 0; c < width; c++) {
		out.push({
			filled: 0,
			dateShare: 0,
			otherDate: null,
			nonDate: null,
			labels: null,
			serialOnly: true,
			repeats: false
		});
		labels.push(new Set());
		seen.push(new Set());
	}
	for (const row of rows) {
		for (let c = 0; c < width; c++) {
			const v = (row[c] ?? '').trim();
			if (v === '') continue;
			const col = out[c]!;
			col.filled++;
			if (checked[c]! < DATE_SAMPLE) {
				checked[c]!++;
				const kind = dateKind(v, fromWorkbook);
				if (kind !== null) dates[c]!++;
				if (kind !== null && !SERIAL.test(v)) col.serialOnly = false;
				if (kind === 'anders') col.otherDate ??= v;
				if (kind === null) col.nonDate ??= v;
			}
			const set = labels[c];
			if (set && !set.has(v)) {
				if (set.size >= MAX_LABELS) labels[c] = null;
				else set.add(v);
			}
			const all = seen[c];
			if (all) {
				if (all.has(v)) {
					col.repeats = true;
					seen[c] = null;
				} else if (all.size >= REPEAT_LIMIT) seen[c] = null;
				else all.add(v);
			}
		}
	}
	for (let c = 0; c < width; c++) {
		const col = out[c]!;
		col.dateShare = checked[c]! === 0 ? 0 : dates[c]! / checked[c]!;
		col.labels = labels[c] ? [...labels[c]!] : null;
	}
	return out;
}
