/**
 * The schuldhulpverlening tables (Arrow IPC from db/shv-arrow.ts) loaded into DuckDB with plain
 * types: `shv_trajecten` (one row per accepted traject, with its crisis flag and Wgs norm dates)
 * and `shv_schulden` (one row per traject and kind of debt). `shv_trajecten.adres_sleutel` is the
 * address key of the traject's first client when read with the werkgroep key (NULL otherwise).
 */
import type { Database } from '../db/database';
import type { ShvArrow } from '../db/shv-arrow';

/** The tables with plain types. Only the code's own SQL. */
export const SHV_TABLES_SQL = `
CREATE OR REPLACE TABLE shv_trajecten AS
	SELECT traject::INTEGER AS traject, gemeente::VARCHAR AS gemeente, aanmelding::DATE AS aanmelding,
		(crisis = 1) AS crisis, eerste_gesprek::DATE AS eerste_gesprek,
		norm_eerste_gesprek::DATE AS norm_eerste_gesprek, beschikkingsdatum::DATE AS beschikkingsdatum,
		beschikkingssoort::VARCHAR AS beschikkingssoort, norm_beschikking::DATE AS norm_beschikking,
		plan_van_aanpak::DATE AS plan_van_aanpak,
		schuldregeling_toegekend::DATE AS schuldregeling_toegekend,
		schuldregeling_afgewezen::DATE AS schuldregeling_afgewezen, oplossing::VARCHAR AS oplossing,
		(begeleiding = 1) AS begeleiding, (moratorium = 1) AS moratorium, (uitstroom = 1) AS uitstroom,
		uitstroom_datum::DATE AS uitstroom_datum, uitstroom_reden::VARCHAR AS uitstroom_reden,
		schuldbedrag::DOUBLE AS schuldbedrag, adres_sleutel::VARCHAR AS adres_sleutel
	FROM shv_trajecten_in;
CREATE OR REPLACE TABLE shv_schulden AS
	SELECT traject::INTEGER AS traject, schuldsoort::VARCHAR AS schuldsoort FROM shv_schulden_in;
DROP TABLE shv_trajecten_in; DROP TABLE shv_schulden_in;`;

/** Replaces the schuldhulpverlening tables with these (Arrow IPC from shvToArrowIpc). */
export async function loadSchuldhulpverlening(db: Database, arrow: ShvArrow): Promise<void> {
	await db.insertArrow('shv_trajecten_in', arrow.trajecten);
	await db.insertArrow('shv_schulden_in', arrow.schulden);
	await db.exec(SHV_TABLES_SQL);
}

/** Removes the schuldhulpverlening tables (a load without deliveries). */
export async function dropSchuldhulpverlening(db: Database): Promise<void> {
	await db.exec('DROP TABLE IF EXISTS shv_schulden; DROP TABLE IF EXISTS shv_trajecten;');
}
