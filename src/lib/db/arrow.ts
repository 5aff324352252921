/**
 * The importer's accepted rows as Arrow tables, ready for DuckDB: codes and dossier attributes as
 * dictionary-encoded columns (one byte a row; DuckDB reads them as VARCHAR), dates as days. Pure,
 * so it runs in the import worker and the IPC bytes are transferred, not copied.
 *
 * Arrow's own builders (vectorFromArray) compile code with `new Function`, which the page's CSP
 * forbids (apache/arrow-js#54); the vectors here are made from their buffers directly.
 */
import {
	DateDay,
	Dictionary,
	Int32,
	Table,
	Uint8,
	Utf8,
	makeData,
	makeVector,
	type Vector
} from 'apache-arrow';
import { EVENT_CODES, OUTCOMES, REASONS } from '../domain/codes';
import type { DossierRow, EventRow } from '../import/types';

const encoder = new TextEncoder();
const DAY_MS = 86_400_000;

/** Writes `value` as UTF-8 into `buffer` at `at` (room enough); returns the end. */
function writeUtf8(value: string, buffer: Uint8Array, at: number): number {
	const n = value.length;
	// Ids and keys are ASCII as a rule: byte for byte, without a view of the buffer per string.
	for (let i = 0; i < n; i++) {
		const c = value.charCodeAt(i);
		if (c >= 0x80) return at - i + encoder.encodeInto(value, buffer.subarray(at - i)).written;
		buffer[at++] = c;
	}
	return at;
}

/** Offsets, bytes and validity of a list of strings (null for a missing value). */
function utf8Data(values: readonly (string | null)[]) {
	const n = values.length;
	const valueOffsets = new Int32Array(n + 1);
	const nullBitmap = new Uint8Array((n + 7) >> 3);
	// UTF-8 takes at most three bytes per UTF-16 unit: one buffer of that size, each string written
	// into it in place (no array per string: a million small ones cost the collector more than the
	// encoding), then cut to the bytes used.
	let bound = 0;
	for (let i = 0; i < n; i++) bound += (values[i]?.length ?? 0) * 3;
	let buffer = new Uint8Array(bound);
	let size = 0;
	let nullCount = 0;
	for (let i = 0; i < n; i++) {
		const value = values[i];
		if (value === null || value === undefined) nullCount++;
		else {
			size = writeUtf8(value, buffer, size);
			nullBitmap[i >> 3]! |= 1 << (i & 7);
		}
		valueOffsets[i + 1] = size;
	}
	if (size < bound) buffer = buffer.slice(0, size);
	return makeData({
		type: new Utf8(),
		length: n,
		nullCount,
		nullBitmap: nullCount > 0 ? nullBitmap : undefined,
		valueOffsets,
		data: buffer
	});
}

/** A Utf8 vector from a list of strings (null for a missing value). */
export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
	return makeVector(utf8Data(values));
}

let dictionaryId = 0;

/**
 * A dictionary-encoded string column: `indices[i]` points into `words`; NONE (255) is null. At most
 * 255 distinct words.
 */
export function dictionaryVector(words: readonly string[], indices: Uint8Array): Vector {
	const n = indices.length;
	// An IPC stream of an empty table carries no dictionary batch, which DuckDB then refuses.
	if (n === 0) return utf8Vector([]);
	const nullBitmap = new Uint8Array((n + 7) >> 3);
	let nullCount = 0;
	for (let i = 0; i < n; i++) {
		if (indices[i] === NONE) nullCount++;
		else nullBitmap[i >> 3]! |= 1 << (i & 7);
	}
	const type = new Dictionary(new Utf8(), new Uint8(), dictionaryId++, false);
	return makeVector(
		makeData({
			type,
			length: n,
			nullCount,
			nullBitmap: nullCount > 0 ? nullBitmap : undefined,
			data: indices,
			dictionary: makeVector(utf8Data(words))
		})
	);
}

/** The dictionary index that stands for null. */
export const NONE = 255;

/** Maps values to small indices, growing the word list as new values come (dossier attributes). */
function encodeWords(values: readonly (string | null)[]): { words: string[]; indices: Uint8Array } {
	const words: string[] = [];
	const index = new Map<string, number>();
	const indices = new Uint8Array(values.length);
	values.forEach((value, i) => {
		if (value === null) {
			indices[i] = NONE;
			return;
		}
		let at = index.get(value);
		if (at === undefined) {
			if (words.length >= NONE) throw new Error('meer dan 255 verschillende waarden');
			at = words.push(value) - 1;
			index.set(value, at);
		}
		indices[i] = at;
	});
	return { words, indices };
}

/** `YYYY-MM-DD` → days since 1970-01-01 (Arrow's DateDay). */
export function isoToEpochDay(iso: string): number {
	return (
		Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
		DAY_MS
	);
}

const indexOf = (codes: readonly string[]) => new Map(codes.map((code, i) => [code, i]));
const eventIndex = indexOf(EVENT_CODES);
const reasonIndex = indexOf(REASONS);
const outcomeIndex = indexOf(OUTCOMES);

/** The attribute column of the dossiers; a wijk with more than 254 values stays plain text. */
function attributeVector(values: readonly (string | null)[]): Vector {
	try {
		const { words, indices } = encodeWords(values);
		return dictionaryVector(words, indices);
	} catch {
		return utf8Vector(values);
	}
}

/**
 * The accepted rows as two Arrow tables: `dossiers(dk, dossier_id, corporatie, doelgroep, wijk,
 * adres_sleutel)` and `gebeurtenissen(dk, datum, gebeurtenis, reden, uitkomst)`; the address key is
 * plain text (one per household, so no dictionary), null when the dossier has none.
 */
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
		dk: makeVector({ type: new Int32(), data: dk, length: dk.length }),
		dossier_id: utf8Vector(dossiers.map((d) => d.dossier_id)),
		corporatie: attributeVector(dossiers.map((d) => d.corporatie)),
		doelgroep: attributeVector(dossiers.map((d) => d.doelgroep)),
		wijk: attributeVector(dossiers.map((d) => d.wijk)),
		adres_sleutel: utf8Vector(dossiers.map((d) => d.adres_sleutel ?? null))
	});

	const n = events.length;
	const edk = new Int32Array(n);
	const datum = new Int32Array(n);
	const code = new Uint8Array(n);
	const reden = new Uint8Array(n);
	const uitkomst = new Uint8Array(n);
	// A few thousand distinct days among a million events: each converted once.
	const days = new Map<string, number>();
	let lastId = '';
	let lastKey = -1;
	for (let i = 0; i < n; i++) {
		const e = events[i] as EventRow;
		// Events come grouped by dossier more often than not: skip the lookup for a repeat.
		const key = e.dossier_id === lastId ? lastKey : keys.get(e.dossier_id);
		if (key === undefined) throw new Error(`event of unknown dossier ${e.dossier_id}`);
		lastId = e.dossier_id;
		lastKey = key;
		edk[i] = key;
		let day = days.get(e.datum);
		if (day === undefined) {
			day = isoToEpochDay(e.datum);
			days.set(e.datum, day);
		}
		datum[i] = day;
		code[i] = eventIndex.get(e.gebeurtenis) ?? NONE;
		reden[i] = e.reden === null ? NONE : (reasonIndex.get(e.reden) ?? NONE);
		uitkomst[i] = e.uitkomst === null ? NONE : (outcomeIndex.get(e.uitkomst) ?? NONE);
	}
	const eventTable = new Table({
		dk: makeVector({ type: new Int32(), data: edk, length: n }),
		datum: makeVector({ type: new DateDay(), data: datum, length: n }),
		gebeurtenis: dictionaryVector(EVENT_CODES, code),
		reden: dictionaryVector(REASONS, reden),
		uitkomst: dictionaryVector(OUTCOMES, uitkomst)
	});
	return { dossiers: dossierTable, events: eventTable };
}

/** The loaded data as Arrow: tables, or IPC streams of them. */
export interface ArrowData {
	dossiers: Table | Uint8Array;
	events: Table | Uint8Array;
}
