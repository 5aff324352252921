/**
 * Accepted rows written back as exchange-format files (UTF-8 with BOM, `;`, CRLF, ISO dates): what
 * a party sends the werkgroep after reading (and pseudonymising) its own export through a profile.
 */
import type { DossierRow, EventRow } from './types';

const BOM = '\uFEFF';
const EOL = '\r\n';

/** A field quoted when it holds `;`, a quote or a line break (RFC 4180). */
function field(value: string | null): string {
	if (value === null) return '';
	return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const line = (values: readonly (string | null)[]) => values.map(field).join(';') + EOL;

/** The two exchange files' text: dossiers.csv and gebeurtenissen.csv. */
export function exchangeCsv(rows: {
	dossiers: readonly DossierRow[];
	events: readonly EventRow[];
}): { dossiers: string; gebeurtenissen: string } {
	const dossiers = [line(['dossier_id', 'corporatie', 'doelgroep', 'wijk'])];
	for (const d of rows.dossiers)
		dossiers.push(line([d.dossier_id, d.corporatie, d.doelgroep, d.wijk]));
	const events = [line(['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst'])];
	for (const e of rows.events)
		events.push(line([e.dossier_id, e.datum, e.gebeurtenis, e.reden, e.uitkomst]));
	return { dossiers: BOM + dossiers.join(''), gebeurtenissen: BOM + events.join('') };
}
