/** The demo data as CSV text of exchange format v1: comma-separated, UTF-8, LF, ISO dates. */
import type { DossierRow, EventRow } from '../import/types';
import { generateDemoDossiers, type DemoData, type DemoOptions } from './generate';

/** Columns of dossiers.csv: the household's address key last (the optional `adres_sleutel`). */
export const DOSSIER_COLUMNS = [
	'dossier_id',
	'corporatie',
	'doelgroep',
	'wijk',
	'adres_sleutel'
] as const;
/** Columns of gebeurtenissen.csv. */
export const EVENT_COLUMNS = ['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst'] as const;
/** Columns of the combined file: the events with the dossier attributes on every row (no address key). */
export const COMBINED_COLUMNS = [...EVENT_COLUMNS, 'corporatie', 'doelgroep', 'wijk'] as const;

/** CSV text of the two tables (in combined form, `dossiers` is empty and `gebeurtenissen` holds the combined rows). */
export interface DemoCsv {
	dossiers: string;
	gebeurtenissen: string;
}

/** A piece of a streamed demo set and the number of dossiers and events in it. */
export interface DemoCsvChunk extends DemoCsv {
	dossierRows: number;
	eventRows: number;
}

/** A field as RFC 4180 wants it: quoted only when it holds a comma, quote or line break. */
function field(value: string | null): string {
	if (value === null) return '';
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One line of dossiers.csv, with its LF (`adresSleutel` empty when null). */
export function dossierLine(d: DossierRow, adresSleutel: string | null): string {
	return `${field(d.dossier_id)},${field(d.corporatie)},${d.doelgroep},${field(d.wijk)},${field(adresSleutel)}\n`;
}

/** One line of gebeurtenissen.csv, with its LF. */
export function eventLine(e: EventRow): string {
	return `${field(e.dossier_id)},${e.datum},${e.gebeurtenis},${e.reden ?? ''},${e.uitkomst ?? ''}\n`;
}

/** One line of the combined file, with its LF. */
export function combinedLine(e: EventRow, d: DossierRow): string {
	return `${eventLine(e).slice(0, -1)},${field(d.corporatie)},${d.doelgroep},${field(d.wijk)}\n`;
}

const header = (columns: readonly string[]) => `${columns.join(',')}\n`;

/** The CSV text of a demo set held in memory: dossiers.csv and gebeurtenissen.csv. */
export function toCsv(data: DemoData): DemoCsv {
	return {
		dossiers:
			header(DOSSIER_COLUMNS) +
			data.dossiers
				.map((d) => dossierLine(d, data.adressen.get(d.dossier_id)?.adres_sleutel ?? null))
				.join(''),
		gebeurtenissen: header(EVENT_COLUMNS) + data.events.map(eventLine).join('')
	};
}

/** The CSV text of a demo set held in memory as one combined file. */
export function toCombinedCsv(data: DemoData): string {
	const dossiers = new Map(data.dossiers.map((d) => [d.dossier_id, d]));
	const lines = data.events.map((e) => {
		const d = dossiers.get(e.dossier_id);
		if (!d) throw new Error(`gebeurtenis van onbekend dossier ${e.dossier_id}`);
		return combinedLine(e, d);
	});
	return header(COMBINED_COLUMNS) + lines.join('');
}

/**
 * Generates a demo set straight into CSV text, in chunks of about `chunkSize` characters (headers
 * in the first), so that millions of events never sit in memory at once.
 */
export function* demoCsvChunks(
	options: DemoOptions,
	{ combined = false, chunkSize = 1 << 20 }: { combined?: boolean; chunkSize?: number } = {}
): Generator<DemoCsvChunk> {
	let dossiers: string[] = combined ? [] : [header(DOSSIER_COLUMNS)];
	let events: string[] = [header(combined ? COMBINED_COLUMNS : EVENT_COLUMNS)];
	let size = 0;
	let dossierRows = 0;
	let eventRows = 0;
	const chunk = (): DemoCsvChunk => {
		const out = {
			dossiers: dossiers.join(''),
			gebeurtenissen: events.join(''),
			dossierRows,
			eventRows
		};
		dossiers = [];
		events = [];
		size = dossierRows = eventRows = 0;
		return out;
	};
	for (const { dossier, events: rows, adres_sleutel } of generateDemoDossiers(options)) {
		if (!combined) {
			const line = dossierLine(dossier, adres_sleutel);
			dossiers.push(line);
			size += line.length;
		}
		dossierRows++;
		for (const e of rows) {
			const line = combined ? combinedLine(e, dossier) : eventLine(e);
			events.push(line);
			size += line.length;
		}
		eventRows += rows.length;
		if (size >= chunkSize) yield chunk();
	}
	yield chunk();
}
