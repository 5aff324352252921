/**
 * The resolved schuldhulpverlening trajecten as Arrow tables (ddas-schuldhulpverlening.md), with
 * what does not depend on the selection worked out once: whether the aanmelding is a crisis and
 * the Wgs norm dates (working days of the Algemene termijnenwet). Pure; shv-load.ts loads them.
 */
import { DateDay, Float64, Int32, Table, Uint8, makeVector, tableToIPC } from 'apache-arrow';
import {
	BESCHIKKING_KEYS,
	OPLOSSING_KEYS,
	SCHULDSOORT_KEYS,
	UITSTROOM_KEYS,
	isCrisis
} from '../domain/shv';
import { beschikkingNormDate, eersteGesprekNormDate } from '../domain/wgs-norms';
import type { ShvResult } from '../import/ddas-shv';
import { NONE, dictionaryVector, isoToEpochDay, utf8Vector } from './arrow';
import { nullable } from './ddas-arrow';

/** The two tables as Arrow IPC streams. */
export type ShvArrow = {
	trajecten: Uint8Array;
	schulden: Uint8Array;
};

const indexIn = (list: readonly string[]) => {
	const map = new Map(list.map((v, i) => [v, i]));
	return (v: string | null) => (v === null ? NONE : (map.get(v) ?? NONE));
};
const beschikkingIndex = indexIn(BESCHIKKING_KEYS);
const oplossingIndex = indexIn(OPLOSSING_KEYS);
const uitstroomIndex = indexIn(UITSTROOM_KEYS);
const schuldIndex = indexIn(SCHULDSOORT_KEYS);

/** `f` remembering its results: a delivery has few distinct dates and many trajecten. */
function remembered<A extends string, R>(f: (a: A) => R): (a: A) => R {
	const seen = new Map<A, R>();
	return (a) => {
		let r = seen.get(a);
		if (r === undefined && !seen.has(a)) seen.set(a, (r = f(a)));
		return r as R;
	};
}

/** A date column with nulls. */
function dates(values: readonly (string | null)[]) {
	const epochDay = remembered(isoToEpochDay);
	return nullable(
		new DateDay(),
		Int32Array.from(values, (d) => (d === null ? 0 : epochDay(d))),
		(i) => values[i] !== null
	);
}

const flags = (values: readonly boolean[]) =>
	makeVector({
		type: new Uint8(),
		data: Uint8Array.from(values, (v) => (v ? 1 : 0)),
		length: values.length
	});

/** The tables `shv_trajecten_in` and `shv_schulden_in` as Arrow IPC streams. */
export function shvToArrowIpc(result: ShvResult): ShvArrow {
	const t = result.trajecten;
	const crisis = t.map(isCrisis);
	const normCrisis = remembered((day: string) => eersteGesprekNormDate(day, true));
	const normGewoon = remembered((day: string) => eersteGesprekNormDate(day, false));
	const normBeschikking = remembered(beschikkingNormDate);
	const trajecten = new Table({
		traject: makeVector({
			type: new Int32(),
			data: Int32Array.from(t, (_, i) => i),
			length: t.length
		}),
		gemeente: utf8Vector(t.map((x) => x.gemeente)),
		aanmelding: dates(t.map((x) => x.aanmelding)),
		crisis: flags(crisis),
		eerste_gesprek: dates(t.map((x) => x.eersteGesprek)),
		norm_eerste_gesprek: dates(
			t.map((x, i) => (crisis[i] ? normCrisis : normGewoon)(x.aanmelding))
		),
		beschikkingsdatum: dates(t.map((x) => x.beschikkingsdatum)),
		beschikkingssoort: dictionaryVector(
			BESCHIKKING_KEYS,
			Uint8Array.from(t, (x) => beschikkingIndex(x.beschikkingssoort))
		),
		norm_beschikking: dates(
			t.map((x) => (x.eersteGesprek === null ? null : normBeschikking(x.eersteGesprek)))
		),
		plan_van_aanpak: dates(t.map((x) => x.planVanAanpak)),
		schuldregeling_toegekend: dates(t.map((x) => x.schuldregelingToegekend)),
		schuldregeling_afgewezen: dates(t.map((x) => x.schuldregelingAfgewezen)),
		oplossing: dictionaryVector(
			OPLOSSING_KEYS,
			Uint8Array.from(t, (x) => oplossingIndex(x.oplossing))
		),
		begeleiding: flags(t.map((x) => x.begeleiding.length > 0)),
		moratorium: flags(t.map((x) => x.moratorium)),
		uitstroom: flags(t.map((x) => x.uitstroom)),
		uitstroom_datum: dates(t.map((x) => x.uitstroomDatum)),
		uitstroom_reden: dictionaryVector(
			UITSTROOM_KEYS,
			Uint8Array.from(t, (x) => uitstroomIndex(x.uitstroomReden))
		),
		schuldbedrag: nullable(
			new Float64(),
			Float64Array.from(t, (x) => x.schuldbedrag ?? 0),
			(i) => t[i]!.schuldbedrag !== null
		),
		// Null without a werkgroep key, or when the first client has no address.
		adres_sleutel: utf8Vector(t.map((x) => x.adresSleutel ?? null))
	});
	const owner: number[] = [];
	const soort: number[] = [];
	t.forEach((x, i) => {
		for (const s of x.schuldsoorten) {
			owner.push(i);
			soort.push(schuldIndex(s));
		}
	});
	const schulden = new Table({
		traject: makeVector({ type: new Int32(), data: Int32Array.from(owner), length: owner.length }),
		schuldsoort: dictionaryVector(SCHULDSOORT_KEYS, Uint8Array.from(soort))
	});
	return {
		trajecten: tableToIPC(trajecten, 'stream'),
		schulden: tableToIPC(schulden, 'stream')
	};
}
