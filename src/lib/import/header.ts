/** Step 3: header names to known columns and the table's role; refuses what cannot be read. */
import { normalizeCode } from '../domain/codes';
import type { TableRole } from './types';
import { dutchList, excerpt, type Refusal } from './refusal';

export const KNOWN_COLUMNS = [
	'dossier_id',
	'corporatie',
	'doelgroep',
	'wijk',
	'adres_sleutel',
	'datum',
	'gebeurtenis',
	'reden',
	'uitkomst'
] as const;
export type KnownColumn = (typeof KNOWN_COLUMNS)[number];

/** Required columns per role, in the order they are reported. */
export const REQUIRED_COLUMNS: Record<TableRole, readonly KnownColumn[]> = {
	dossiers: ['dossier_id', 'corporatie', 'doelgroep'],
	gebeurtenissen: ['dossier_id', 'datum', 'gebeurtenis'],
	gecombineerd: ['dossier_id', 'datum', 'gebeurtenis', 'corporatie', 'doelgroep']
};

/** Columns each role loads (required and optional); any other column is ignored. */
const USED_COLUMNS: Record<TableRole, readonly KnownColumn[]> = {
	dossiers: ['dossier_id', 'corporatie', 'doelgroep', 'wijk', 'adres_sleutel'],
	gebeurtenissen: ['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst'],
	gecombineerd: [
		'dossier_id',
		'datum',
		'gebeurtenis',
		'reden',
		'uitkomst',
		'corporatie',
		'doelgroep',
		'wijk',
		'adres_sleutel'
	]
};

const ROLE_LABEL: Record<TableRole, string> = {
	dossiers: 'dossierbestand',
	gebeurtenissen: 'gebeurtenissenbestand',
	gecombineerd: 'gecombineerd bestand (gebeurtenissen met dossierkolommen)'
};

/** The header read: role, where each used column stands, and the columns that are ignored. */
export interface HeaderInfo {
	role: TableRole;
	/** Column index per used column (absent when the file lacks it). */
	columns: Partial<Record<KnownColumn, number>>;
	/** Display name per column index: the header cell trimmed, `(kolom N)` when empty, made unique. */
	names: string[];
	/** Names of columns the format does not know (or this role does not use). */
	unknownColumns: string[];
}

export type HeaderResult = { ok: true; info: HeaderInfo } | { ok: false; refusal: Refusal };

/** Display names for a header: trimmed cells, `(kolom N)` for empty ones, `naam (2)` for repeats. */
export function displayNames(header: readonly string[]): string[] {
	const seen = new Set<string>();
	return header.map((cell, i) => {
		let name = cell.trim() || `(kolom ${i + 1})`;
		if (seen.has(name)) {
			let n = 2;
			while (seen.has(`${name} (${n})`)) n++;
			name = `${name} (${n})`;
		}
		seen.add(name);
		return name;
	});
}

/** Recognises the role from normalized header names, or null when it cannot be told. */
export function recognizeRole(normalized: readonly string[]): TableRole | null {
	const has = (c: KnownColumn) => normalized.includes(c);
	const dossier = has('corporatie') || has('doelgroep');
	if (has('gebeurtenis')) return dossier ? 'gecombineerd' : 'gebeurtenissen';
	if (dossier) return 'dossiers';
	// A `datum` without `gebeurtenis` or dossier columns: an events file that lacks its code column.
	if (has('datum')) return 'gebeurtenissen';
	return null;
}

/**
 * Reads the header of a file: role, column positions, unknown columns. Columns in `dropped` (by
 * index) were removed by the personal-data guard: they count as absent.
 */
export function analyzeHeader(
	fileName: string,
	header: readonly string[],
	dropped: ReadonlySet<number> = new Set()
): HeaderResult {
	const names = displayNames(header);
	const normalized = header.map((h) => normalizeCode(h));
	const role = recognizeRole(normalized);
	if (role === null) {
		const all = names.filter((_, i) => header[i]!.trim() !== '').map((n) => excerpt(n, 40));
		const found = all.length > 10 ? [...all.slice(0, 10), `… (${all.length - 10} meer)`] : all;
		if (header.length < 2) {
			return refuse(
				'geen_csv',
				`${fileName}: dit lijkt geen CSV-bestand: de eerste regel is geen kopregel met kolomnamen, gescheiden door komma, puntkomma of tab.`
			);
		}
		return refuse(
			'rol_onbekend',
			`${fileName}: uit de kopregel is niet op te maken of dit een dossierbestand (dossier_id, corporatie, doelgroep) of een gebeurtenissenbestand (dossier_id, datum, gebeurtenis) is. Gevonden kolommen: ${dutchList(found)}.`
		);
	}
	const used = USED_COLUMNS[role];
	const columns: Partial<Record<KnownColumn, number>> = {};
	const unknownColumns: string[] = [];
	const doubled: string[] = [];
	for (let i = 0; i < header.length; i++) {
		const norm = normalized[i]!;
		if ((used as readonly string[]).includes(norm)) {
			if (dropped.has(i)) continue;
			const col = norm as KnownColumn;
			if (columns[col] !== undefined) {
				if (!doubled.includes(col)) doubled.push(col);
			} else columns[col] = i;
		} else if (header[i]!.trim() !== '' && !dropped.has(i)) unknownColumns.push(names[i]!);
	}
	if (doubled.length > 0) {
		const one = doubled.length === 1;
		return refuse(
			'kolom_dubbel',
			`${fileName}: ${one ? 'kolom' : 'kolommen'} ${dutchList(doubled)} ${one ? 'staat' : 'staan'} meer dan één keer in de kopregel; het is niet duidelijk welke gebruikt moet worden.`
		);
	}
	const missing = REQUIRED_COLUMNS[role].filter((c) => columns[c] === undefined);
	if (missing.length > 0) {
		const one = missing.length === 1;
		const droppedNote = missing.some((c) => normalized.some((n, i) => n === c && dropped.has(i)))
			? ' (weggelaten omdat er persoonsgegevens in staan)'
			: '';
		return refuse(
			'kolom_ontbreekt',
			`${fileName}: verplichte ${one ? 'kolom' : 'kolommen'} ${dutchList(missing)} ${one ? 'ontbreekt' : 'ontbreken'}${droppedNote} in dit ${ROLE_LABEL[role]}.`
		);
	}
	return { ok: true, info: { role, columns, names, unknownColumns } };
}

function refuse(code: Refusal['code'], message: string): HeaderResult {
	return { ok: false, refusal: { code, message } };
}
