/** The importer's accepted rows as Arrow tables: codes as bytes, dates as days; pure, usable in a worker. */
import {
	DateDay,
	Table,
	Uint8,
	Utf8,
	makeData,
	makeVector,
	tableToIPC,
	type Vector
} from 'apache-arrow';
import { EVENT_CODES, OUTCOMES, REASONS } from '../domain/codes';
import type { DossierRow, EventRow } from '../import/types';

const encoder = new TextEncoder();

/**
 * A Utf8 vector built from offsets and bytes. Arrow's builders (vectorFromArray) compile code with
 * `new Function`, which the page's CSP forbids (apache/arrow-js#54).
 */
function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
	const n = values.length;
	const valueOffsets = new Int32Array(n + 1);
	const nullBitmap = new Uint8Array((n + 7) >> 3);
	const chunks: Uint8Array[] = [];
	let size = 0;
	let nullCount = 0;
	for (let i = 0; i < n; i++) {
		const value = values[i];
		if (value === null || value === undefined) nullCount++;
		else {
			const bytes = encoder.encode(value);
			chunks.push(bytes);
			size += bytes.length;
			nullBitmap[i >> 3]! |= 1 << (i & 7);
		}
		valueOffsets[i + 1] = size;
	}
	const data = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		data.set(c, at);
		at += c.length;
	}
	return makeVector(
		makeData({
			type: new Utf8(),
			length: n,
			nullCount,
			nullBitmap: nullCount > 0 ? nullBitmap : undefined,
			valueOffsets,
			data
		})
	);
}
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → days since 1970-01-01 (Arrow's DateDay). */
export function isoToEpochDay(iso: string): number {
	return (
		Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
		DAY_MS
	);
}

function indexer(codes: readonly string[], offset: number): Map<string, number> {
	return new Map(codes.map((code, i) => [code, i + offset]));
}
const eventIndex = indexer(EVENT_CODES, 0);
const reasonIndex = indexer(REASONS, 1);
const outcomeIndex = indexer(OUTCOMES, 1);

/** The accepted rows as two Arrow tables: strings only for the dossier attributes, codes as bytes. */
export function rowsToArrow(
	dossiers: readonly DossierRow[],
	events: readonly EventRow[]
): { dossiers: Table; events: Table } {
	const keys = new Map<string, number>();
	const dk = new Int32Array(dossiers.length);
	dossiers.forEach((d, i) => {
		keys.set(d.dossier_id, i);
		dk[i] = i;
	});
	const dossierTable = new Table({
		dk: makeVector(dk),
		dossier_id: utf8Vector(dossiers.map((d) => d.dossier_id)),
		corporatie: utf8Vector(dossiers.map((d) => d.corporatie)),
		doelgroep: utf8Vector(dossiers.map((d) => d.doelgroep)),
		wijk: utf8Vector(dossiers.map((d) => d.wijk))
	});

	const n = events.length;
	const edk = new Int32Array(n);
	const datum = new Int32Array(n);
	const code = new Uint8Array(n);
	const reden = new Uint8Array(n);
	const uitkomst = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const e = events[i] as EventRow;
		const key = keys.get(e.dossier_id);
		if (key === undefined) throw new Error(`event of unknown dossier ${e.dossier_id}`);
		edk[i] = key;
		datum[i] = isoToEpochDay(e.datum);
		code[i] = eventIndex.get(e.gebeurtenis) ?? 0;
		reden[i] = e.reden === null ? 0 : (reasonIndex.get(e.reden) ?? 0);
		uitkomst[i] = e.uitkomst === null ? 0 : (outcomeIndex.get(e.uitkomst) ?? 0);
	}
	const eventTable = new Table({
		dk: makeVector(edk),
		datum: makeVector({ type: new DateDay(), data: datum, length: n }),
		gebeurtenis: makeVector({ type: new Uint8(), data: code, length: n }),
		reden: makeVector({ type: new Uint8(), data: reden, length: n }),
		uitkomst: makeVector({ type: new Uint8(), data: uitkomst, length: n })
	});
	return { dossiers: dossierTable, events: eventTable };
}

/** The two Arrow tables serialized as IPC streams, ready to transfer out of a worker. */
export function rowsToArrowIpc(
	dossiers: readonly DossierRow[],
	events: readonly EventRow[]
): { dossiers: Uint8Array; events: Uint8Array } {
	const tables = rowsToArrow(dossiers, events);
	return {
		dossiers: tableToIPC(tables.dossiers, 'stream'),
		events: tableToIPC(tables.events, 'stream')
	};
}

/** The loaded data as Arrow: tables, or IPC streams of them. */
export interface ArrowData {
	dossiers: Table | Uint8Array;
	events: Table | Uint8Array;
}
