/**
 * The resolved DDAS signals, cases and contact attempts as Arrow tables (pure, so it runs in the
 * import worker), their loading into DuckDB, and the one derivation that does not depend on the
 * selection: per rent case its start, funnel flags and lead-time ends (`vs_huurzaken`).
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
import type { Database } from '../db/database';
import { CONTACT_KINDS, PARTNER_TYPES, RESULT_KEYS } from '../domain/ddas';
import type { DdasResult } from '../import/ddas-combine';
import { NONE, dictionaryVector, isoToEpochDay, utf8Vector } from '../db/arrow';

/** The three tables as Arrow IPC streams. */
export interface VsArrow {
	signalen: Uint8Array;
	zaken: Uint8Array;
	pogingen: Uint8Array;
}

function nullable<T extends Int32 | Float64 | DateDay>(
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
		)
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

/** The tables with plain types, then the per-case derivation. Only the code's own SQL. */
export const VS_TABLES_SQL = `
CREATE OR REPLACE TABLE vs_signalen AS
	SELECT gemeente::VARCHAR AS gemeente, id::VARCHAR AS id, partner::VARCHAR AS partner,
		signaaldatum::DATE AS signaaldatum, bedrag::DOUBLE AS bedrag, zaak::INTEGER AS zaak
	FROM vs_signalen_in;
CREATE OR REPLACE TABLE vs_zaken AS
	SELECT zaak::INTEGER AS zaak, gemeente::VARCHAR AS gemeente, identiteit::VARCHAR AS identiteit,
		resultaat::VARCHAR AS resultaat, opgepakt::DATE AS opgepakt
	FROM vs_zaken_in;
CREATE OR REPLACE TABLE vs_pogingen AS
	SELECT zaak::INTEGER AS zaak, soort::VARCHAR AS soort, (bereikt = 1) AS bereikt, datum::DATE AS datum
	FROM vs_pogingen_in;
DROP TABLE vs_signalen_in; DROP TABLE vs_zaken_in; DROP TABLE vs_pogingen_in;
CREATE OR REPLACE TABLE vs_huurzaken AS
WITH huur AS (
	SELECT zaak, min(signaaldatum) AS start FROM vs_signalen
	WHERE partner = 'Huur' AND zaak IS NOT NULL GROUP BY zaak
), soorten AS (
	SELECT zaak, bool_or(partner <> 'Huur') AS meervoudig FROM vs_signalen WHERE zaak IS NOT NULL GROUP BY zaak
), pogingen AS (
	SELECT p.zaak, count(*) > 0 AS gepoogd, bool_or(p.bereikt) AS bereikt,
		min(p.datum) FILTER (WHERE p.datum >= h.start) AS eerste_poging,
		min(p.datum) FILTER (WHERE p.datum >= h.start AND p.bereikt) AS eerste_bereikt
	FROM vs_pogingen p JOIN huur h USING (zaak) GROUP BY p.zaak
)
SELECT z.zaak, z.gemeente, h.start, z.opgepakt, z.resultaat,
	coalesce(p.gepoogd, false) AS gepoogd, coalesce(p.bereikt, false) AS bereikt,
	s.meervoudig, p.eerste_poging, p.eerste_bereikt
FROM vs_zaken z JOIN huur h USING (zaak) JOIN soorten s USING (zaak) LEFT JOIN pogingen p USING (zaak);`;

/** Replaces the vroegsignalering tables with these (Arrow IPC from ddasToArrowIpc). */
export async function loadVroegsignalering(db: Database, arrow: VsArrow): Promise<void> {
	await db.insertArrow('vs_signalen_in', arrow.signalen);
	await db.insertArrow('vs_zaken_in', arrow.zaken);
	await db.insertArrow('vs_pogingen_in', arrow.pogingen);
	await db.exec(VS_TABLES_SQL);
}
