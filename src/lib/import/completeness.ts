/**
 * How complete the loaded figures are (source-profiles.md, "Incomplete imports"): the rejected
 * rows per file with their main reason, and the labels a profile's table did not place, each
 * with the closest labels the profile does know. Pure; every surface with figures shows it.
 */
import { normalizeCode } from '../domain/codes';
import type { SourceProfile, ValueSpec } from './profiles/format';
import type { ImportReport, IssueCode, RowIssue } from './types';

/** Short Dutch names of the reasons a row is rejected or warned about. */
export const ISSUE_LABELS: Record<IssueCode, string> = {
	waarde_ontbreekt: 'verplichte waarde ontbreekt',
	ongeldig_dossier_id: 'ongeldig dossiernummer',
	ongeldige_datum: 'ongeldige datum',
	onbekende_gebeurtenis: 'onbekende gebeurtenis',
	datum_in_toekomst: 'datum in de toekomst',
	datum_voor_2000: 'datum vóór 2000',
	onbekend_dossier: 'onbekend dossier',
	tegenstrijdig_dossier: 'tegenstrijdige dossiergegevens',
	onbekende_doelgroep: 'onbekende doelgroep',
	ongeldige_adres_sleutel: 'ongeldige adressleutel',
	adres_onvolledig: 'adres onvolledig (geen adressleutel)',
	onvolledige_regel: 'onvolledige regel',
	onleesbare_regel: 'onleesbare regel',
	reden_onbekend: 'reden van ontruiming onbekend',
	uitkomst_onbekend: 'uitkomst onbekend',
	geen_signaal: 'dossier zonder signaaldatum (1 maand achterstand)',
	ontruiming_zonder_vonnis: 'ontruiming zonder eerder vonnis',
	aanzegging_voor_vonnis: 'aanzegging vóór het vonnis',
	voor_signaal: 'gebeurtenis vóór het signaal',
	tekens_windows_1252: 'tekens in Windows-1252',
	dossier_geweigerd: 'dossier geweigerd'
};

/** The rejected rows of one file and why, most frequent reason first. */
export interface FileRejections {
	file: string;
	/** Rows rejected (dossiers and gebeurtenissen of this file). */
	rejected: number;
	/** Rows read, for the share. */
	read: number;
	/** Reasons with their counts, most frequent first. */
	reasons: { code: IssueCode; label: string; count: number }[];
}

/** A value of a profile's label column that the profile's table did not place. */
export interface UnplacedLabel {
	file: string;
	profile: string;
	/** The source column, as the file writes it. */
	column: string;
	/** The cell as written. */
	value: string;
	/** Rows with this value. */
	rows: number;
	/**
	 * What happened to those rows: rejected (doelgroep, gebeurtenis), accepted with a warning
	 * (reden, uitkomst), or counted as the profile's `anders` though a known label is nearly the same.
	 */
	effect: 'geweigerd' | 'waarschuwing' | 'anders';
	/** For `anders`: the code the rows got. */
	code?: string;
	/** The labels of the profile's table for this column that look most like the value (at most three). */
	closest: string[];
}

export interface Completeness {
	/** Rejected dossier rows + rejected event rows over all files (the page's `data-geweigerd`). */
	rejected: number;
	/** Rows read over all files. */
	read: number;
	files: FileRejections[];
	unplaced: UnplacedLabel[];
	/** True when nothing was rejected and every label was placed. */
	complete: boolean;
}

/** The codes that mean: a label of a mapped column fell through the profile's table. */
const LABEL_CODES: Partial<Record<IssueCode, 'geweigerd' | 'waarschuwing'>> = {
	onbekende_doelgroep: 'geweigerd',
	onbekende_gebeurtenis: 'geweigerd',
	reden_onbekend: 'waarschuwing',
	uitkomst_onbekend: 'waarschuwing'
};

/** How complete an import is; `profiles` by their `naam`, to find the labels they know. */
export function completeness(
	report: Pick<ImportReport, 'files' | 'totals'>,
	profiles: ReadonlyMap<string, SourceProfile> = new Map()
): Completeness {
	const byFile = new Map<string, FileRejections>();
	for (const f of report.files) {
		const entry = byFile.get(f.name) ?? { file: f.name, rejected: 0, read: 0, reasons: [] };
		entry.rejected += f.counts.geweigerd;
		entry.read += f.counts.gelezen;
		const counts = new Map(entry.reasons.map((r) => [r.code, r.count]));
		for (const issue of f.rejected) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
		// An event rejected because its dossier was is a consequence, never the main reason.
		entry.reasons = [...counts]
			.map(([code, count]) => ({ code, label: ISSUE_LABELS[code], count }))
			.sort(
				(a, b) =>
					Number(a.code === 'dossier_geweigerd') - Number(b.code === 'dossier_geweigerd') ||
					b.count - a.count ||
					a.code.localeCompare(b.code)
			);
		byFile.set(f.name, entry);
	}
	const unplaced = new Map<string, UnplacedLabel>();
	for (const f of report.files) {
		if (f.profile === null) continue;
		const profile = profiles.get(f.profile);
		for (const issue of [...f.rejected, ...f.warnings]) {
			const effect = LABEL_CODES[issue.code];
			const value = labelOf(issue);
			if (effect === undefined || value === null) continue;
			const key = `${f.name}\u0000${issue.column}\u0000${value}`;
			const found = unplaced.get(key);
			if (found) {
				found.rows++;
				continue;
			}
			const known = profile ? knownLabels(profile, issue.column!) : [];
			unplaced.set(key, {
				file: f.name,
				profile: f.profile,
				column: issue.column!,
				value,
				rows: 1,
				effect,
				closest: closestLabels(value, known)
			});
		}
	}
	// A label that `anders` placed counts as unplaced only when a known label is nearly the same
	// (`65` beside `65+`): the fallback then most likely hides a label the file spells otherwise.
	for (const f of report.files) {
		if (f.profile === null) continue;
		const profile = profiles.get(f.profile);
		for (const fb of f.fallbackLabels ?? []) {
			const closest = closestLabels(fb.value, profile ? knownLabels(profile, fb.column) : [], 3, 2);
			if (closest.length === 0) continue;
			unplaced.set(`${f.name}\u0000${fb.column}\u0000${fb.value}`, {
				file: f.name,
				profile: f.profile,
				column: fb.column,
				value: fb.value,
				rows: fb.rows,
				effect: 'anders',
				code: fb.code,
				closest
			});
		}
	}
	const rejected = report.totals.dossiers.geweigerd + report.totals.gebeurtenissen.geweigerd;
	return {
		rejected,
		read: report.totals.dossiers.gelezen + report.totals.gebeurtenissen.gelezen,
		files: [...byFile.values()].filter((f) => f.rejected > 0),
		unplaced: [...unplaced.values()].sort((a, b) => b.rows - a.rows),
		complete: rejected === 0 && unplaced.size === 0
	};
}

/** The non-empty cell an issue is about, or null (an empty reden is no label). */
function labelOf(issue: RowIssue): string | null {
	if (issue.column === null) return null;
	const value = (issue.values[issue.column] ?? '').trim();
	return value === '' ? null : value;
}

/** The labels a profile's value specs know for a source column. */
function knownLabels(profile: SourceProfile, column: string): string[] {
	const specs: (ValueSpec | undefined)[] = [
		profile.corporatie,
		profile.doelgroep,
		profile.wijk,
		...(profile.vorm === 'breed'
			? profile.gebeurtenissen.flatMap((e) => [e.reden, e.uitkomst])
			: [profile.gebeurtenis, profile.reden, profile.uitkomst])
	];
	const target = normalizeCode(column);
	const labels = new Set<string>();
	for (const spec of specs) {
		if (!spec || !('kolom' in spec) || normalizeCode(spec.kolom) !== target) continue;
		for (const label of Object.keys(spec.waarden ?? {})) labels.add(label);
	}
	return [...labels];
}

/** Lower case, accents off, only letters, digits and `+`. */
function comparable(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9+]+/g, '');
}

/** Levenshtein distance (small strings: labels). */
function distance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(
				previous[j]! + 1,
				current[j - 1]! + 1,
				previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
		}
		previous = current;
	}
	return previous[b.length]!;
}

/**
 * The known labels closest to a value (at most three): those that contain it or that it contains
 * first (`65` and `65+`), then by edit distance, keeping only those within half their length (or
 * within `maxDistance` edits, when given).
 */
export function closestLabels(
	value: string,
	known: readonly string[],
	max = 3,
	maxDistance?: number
): string[] {
	const v = comparable(value);
	if (v === '') return [];
	return known
		.map((label) => {
			const l = comparable(label);
			const contains = l !== '' && (l.includes(v) || v.includes(l));
			const d = distance(v, l);
			const near = maxDistance === undefined ? d * 2 <= l.length : d <= maxDistance;
			return { label, score: contains ? d - 100 : d, keep: contains || near };
		})
		.filter((c) => c.keep)
		.sort((a, b) => a.score - b.score || a.label.localeCompare(b.label))
		.slice(0, max)
		.map((c) => c.label);
}
