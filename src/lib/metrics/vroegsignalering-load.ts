/**
 * The DDAS tables (Arrow IPC from db/ddas-arrow.ts) loaded into DuckDB, and the one derivation
 * that does not depend on the selection: per rent case its start, funnel flags and lead-time ends
 * (`vs_huurzaken`). `vs_signalen.adres_sleutel` is the address key of the signal's client when
 * the deliveries were read with the werkgroep key (NULL otherwise).
 */
import type { Database } from '../db/database';
import type { VsArrow } from '../db/ddas-arrow';

/** The tables with plain types, then the per-case derivation. Only the code's own SQL. */
export const VS_TABLES_SQL = `
CREATE OR REPLACE TABLE vs_signalen AS
	SELECT gemeente::VARCHAR AS gemeente, id::VARCHAR AS id, partner::VARCHAR AS partner,
		signaaldatum::DATE AS signaaldatum, bedrag::DOUBLE AS bedrag, zaak::INTEGER AS zaak,
		adres_sleutel::VARCHAR AS adres_sleutel
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

/** Removes the vroegsignalering tables (a load without deliveries). */
export async function dropVroegsignalering(db: Database): Promise<void> {
	await db.exec(
		'DROP TABLE IF EXISTS vs_huurzaken; DROP TABLE IF EXISTS vs_pogingen; DROP TABLE IF EXISTS vs_zaken; DROP TABLE IF EXISTS vs_signalen;'
	);
}
