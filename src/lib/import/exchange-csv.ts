/**
 * Accepted rows written back as exchange-format files (UTF-8 with BOM, `;`, CRLF, ISO dates): what
 * a party sends the werkgroep after reading (and pseudonymising) its own export through a profile.
 * Written by the one CSV writer, so a wijk such as `=Noord` goes out as `'=Noord` and the
 * exchange-format reader takes it back as `=Noord` (docs/import-decisions.md, "Hostile inputs").
 */
import { toExcelCsv } from './csv-writer';
import type { DossierRow, EventRow } from './types';

/**
 * The two exchange files' text: dossiers.csv and gebeurtenissen.csv. The `adres_sleutel` column is
 * written only when a dossier has an address key, so files without any stay as they were.
 */
export function exchangeCsv(rows: {
	dossiers: readonly DossierRow[];
	events: readonly EventRow[];
}): { dossiers: string; gebeurtenissen: string } {
	const keys = rows.dossiers.some((d) => (d.adres_sleutel ?? null) !== null);
	const dossiers: (string | null)[][] = [
		['dossier_id', 'corporatie', 'doelgroep', 'wijk', ...(keys ? ['adres_sleutel'] : [])]
	];
	for (const d of rows.dossiers) {
		const row = [d.dossier_id, d.corporatie, d.doelgroep, d.wijk];
		if (keys) row.push(d.adres_sleutel ?? null);
		dossiers.push(row);
	}
	const events: (string | null)[][] = [['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst']];
	for (const e of rows.events)
		events.push([e.dossier_id, e.datum, e.gebeurtenis, e.reden, e.uitkomst]);
	return { dossiers: toExcelCsv(dossiers), gebeurtenissen: toExcelCsv(events) };
}
