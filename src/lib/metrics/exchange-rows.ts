/** The accepted rows as loaded in DuckDB, read back as exchange-format rows (for the exchange-file download). */
import type { Database } from '../db/database';
import type { DossierRow, EventRow } from '../import/types';

/** Every dossier and event in the loaded tables, in load order. */
export async function exchangeRows(
	db: Database
): Promise<{ dossiers: DossierRow[]; events: EventRow[] }> {
	const dossiers = await db.query<Record<string, string | null>>(
		`SELECT dossier_id, corporatie::VARCHAR AS corporatie, doelgroep::VARCHAR AS doelgroep,
			wijk::VARCHAR AS wijk, adres_sleutel
		FROM dossiers ORDER BY dk`
	);
	const events = await db.query<Record<string, string | null>>(
		`SELECT d.dossier_id, strftime(g.datum, '%Y-%m-%d') AS datum,
			g.gebeurtenis::VARCHAR AS gebeurtenis, g.reden::VARCHAR AS reden,
			g.uitkomst::VARCHAR AS uitkomst
		FROM gebeurtenissen g JOIN dossiers d USING (dk) ORDER BY g.rowid`
	);
	// As the importer gives them: `adres_sleutel` only on a dossier that has one.
	for (const d of dossiers) if (d.adres_sleutel === null) delete d.adres_sleutel;
	return {
		dossiers: dossiers as unknown as DossierRow[],
		events: events as unknown as EventRow[]
	};
}
