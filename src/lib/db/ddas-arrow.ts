/**
 * The resolved DDAS signals, cases and contact attempts as Arrow tables: pure, so the import
 * worker builds them and hands them to the page as IPC streams (vroegsignalering-load.ts loads them).
 */
import {
	DateDay,
	Float64,
	Int32,
	Table,
	Uint8,
	makeData,
	makeVector,
	tableToIPC,
	type Vector
} from 'apache-arrow';
import { CONTACT_KINDS, PARTNER_TYPES, RESULT_KEYS } from '../domain/ddas';
import type { DdasResult } from '../import/ddas-combine';
import { NONE, dictionaryVector, isoToEpochDay, utf8Vector } from './arrow';

/** The three tables as Arrow IPC streams. */
export type VsArrow = {
	signalen: Uint8Array;
	zaken: Uint8Array;
	pogingen: Uint8Array;
};

/** A numeric or date vector with nulls where `valid` says no. */
export function nullable<T extends Int32 | Float64 | DateDay>(
	type: T,
	data: Int32Array | Float64Array,
	valid: (i: number) => boolean
): Vector<T> {
	const n = data.length;
	const nullBitmap = new Uint8Array((n + 7) >> 3);
	let nullCount = 0;
	for (let i = 0; i < n; i++) {
		if (valid(i)) nullBitmap[i >> 3]! |= 1 << (i & 7);
		else nullCount++;
	}
	return makeVector(
		makeData({
			type,
			length: n,
			nullCount,
			nullBitmap: nullCount > 0 ? nullBitmap : undefined,
			data
		} as never)
	) as unknown as Vector<T>;
}

const indexIn = (list: readonly string[]) => {
	const map = new Map(list.map((v, i) => [v, i]));
	return (v: string) => map.get(v) ?? NONE;
};
const partnerIndex = indexIn(PARTNER_TYPES);
const resultIndex = indexIn(RESULT_KEYS);
const kindIndex = indexIn(CONTACT_KINDS);

/** The tables `vs_signalen_in`, `vs_zaken_in`, `vs_pogingen_in` as Arrow IPC streams. */
export function ddasToArrowIpc(result: DdasResult): VsArrow {
	const s = result.signalen;
	const sDate = Int32Array.from(s, (x) => isoToEpochDay(x.signaaldatum));
	const signalen = new Table({
		gemeente: utf8Vector(s.map((x) => x.gemeente)),
		id: utf8Vector(s.map((x) => x.id)),
		partner: dictionaryVector(
			PARTNER_TYPES,
			Uint8Array.from(s, (x) => partnerIndex(x.partner))
		),
		signaaldatum: makeVector({ type: new DateDay(), data: sDate, length: s.length }),
		bedrag: nullable(
			new Float64(),
			Float64Array.from(s, (x) => x.bedrag ?? 0),
			(i) => s[i]!.bedrag !== null
		),
		zaak: nullable(
			new Int32(),
			Int32Array.from(s, (x) => x.zaak ?? 0),
			(i) => s[i]!.zaak !== null
		),
		// Null without a werkgroep key, or for a client without an address.
		adres_sleutel: utf8Vector(s.map((x) => x.adresSleutel ?? null))
	});
	const z = result.zaken;
	const zaken = new Table({
		zaak: makeVector({
			type: new Int32(),
			data: Int32Array.from(z, (_, i) => i),
			length: z.length
		}),
		gemeente: utf8Vector(z.map((x) => x.gemeente)),
		identiteit: utf8Vector(z.map((x) => x.identiteit)),
		resultaat: dictionaryVector(
			RESULT_KEYS,
			Uint8Array.from(z, (x) => resultIndex(x.resultaat))
		),
		opgepakt: nullable(
			new DateDay(),
			Int32Array.from(z, (x) => (x.opgepakt ? isoToEpochDay(x.opgepakt) : 0)),
			(i) => z[i]!.opgepakt !== null
		)
	});
	const p = result.pogingen;
	const pogingen = new Table({
		zaak: makeVector({
			type: new Int32(),
			data: Int32Array.from(p, (x) => x.zaak),
			length: p.length
		}),
		soort: dictionaryVector(
			CONTACT_KINDS,
			Uint8Array.from(p, (x) => kindIndex(x.soort))
		),
		bereikt: makeVector({
			type: new Uint8(),
			data: Uint8Array.from(p, (x) => (x.bereikt ? 1 : 0)),
			length: p.length
		}),
		datum: nullable(
			new DateDay(),
			Int32Array.from(p, (x) => (x.datum ? isoToEpochDay(x.datum) : 0)),
			(i) => p[i]!.datum !== null
		)
	});
	return {
		signalen: tableToIPC(signalen, 'stream'),
		zaken: tableToIPC(zaken, 'stream'),
		pogingen: tableToIPC(pogingen, 'stream')
	};
}
