/**
 * The Dutch words of an incomplete import (source-profiles.md, "Incomplete imports"): one
 * sentence for the letter and the briefing, and the lines of the notice on every page with
 * figures. The numbers come from `completeness` (import/completeness.ts).
 */
import {
	ISSUE_LABELS,
	type Completeness,
	type FileRejections,
	type UnplacedLabel
} from '../import/completeness';
import type { FileReport, IssueCode, RowIssue, TableRole } from '../import/types';
import { formatCount } from './format';

const quote = (text: string) => `‘${text}’`;

/** `1 regel`, `116 regels`. */
function rows(n: number): string {
	return `${formatCount(n)} ${n === 1 ? 'regel' : 'regels'}`;
}

/** A share as a whole percentage, at least `<1 %` when any. */
function share(part: number, whole: number): string {
	if (whole === 0) return '';
	const percent = (part / whole) * 100;
	return percent > 0 && percent < 1 ? '<1 %' : `${Math.round(percent)} %`;
}

/** `pre-wonen.xlsx: 116 van de 523 regels geweigerd (22 %), vooral onbekende doelgroep (116)`. */
export function fileLine(f: FileRejections): string {
	const main = f.reasons[0];
	const reason = main ? `, vooral ${main.label} (${formatCount(main.count)})` : '';
	return `${f.file}: ${formatCount(f.rejected)} van de ${rows(f.read)} geweigerd (${share(f.rejected, f.read)})${reason}`;
}

/** `Het label ‘65’ in kolom ‘Huishoudtype’ van pre-wonen.xlsx (116 regels geweigerd) staat niet in het profiel; bedoeld is misschien ‘65+’.` */
export function unplacedLine(u: UnplacedLabel): string {
	const effect =
		u.effect === 'geweigerd'
			? `${rows(u.rows)} geweigerd`
			: u.effect === 'anders'
				? `${rows(u.rows)}, geteld als ‘${u.code}’ (het ‘anders’ van het profiel)`
				: `${rows(u.rows)} met een waarschuwing`;
	const closest =
		u.closest.length === 0 ? '' : `; bedoeld is misschien ${u.closest.map(quote).join(' of ')}`;
	return `Het label ${quote(u.value)} in kolom ${quote(u.column)} van ${u.file} (${effect}) staat niet in profiel ${quote(u.profile)}${closest}.`;
}

/** The notice's heading. */
export function incompleteHeading(c: Completeness): string {
	if (c.rejected === 0) return 'Let op: niet alle labels zijn gekoppeld';
	return `Let op: onvolledige cijfers — ${rows(c.rejected)} niet ingelezen`;
}

/**
 * One paragraph for the letter and the briefing: how many rows are missing from the figures, per
 * file with its main reason, and the labels the profile did not place; null when complete.
 */
export function incompleteParagraph(c: Completeness): string | null {
	if (c.complete) return null;
	const parts: string[] = [];
	if (c.rejected > 0) {
		parts.push(
			`Bij het inlezen van de gegevens zijn ${rows(c.rejected)} van de ${formatCount(c.read)} geweigerd (${share(c.rejected, c.read)}); ` +
				'die tellen in geen enkel cijfer van deze tekst mee. ' +
				`${c.files.map(fileLine).join('; ')}.`
		);
	}
	for (const u of c.unplaced.slice(0, 3)) parts.push(unplacedLine(u));
	if (c.unplaced.length > 3) {
		const more = c.unplaced.length - 3;
		parts.push(
			more === 1
				? 'En nog 1 label dat niet is gekoppeld.'
				: `En nog ${formatCount(more)} labels die niet zijn gekoppeld.`
		);
	}
	parts.push(
		'De cijfers zijn daarom voorlopig en onvolledig; het importverslag van het dashboard noemt elke regel met de reden.'
	);
	return parts.join(' ');
}

/** Nouns of a report's table, for "409 dossiers …". */
const TABLE_NOUNS: Record<TableRole, [string, string]> = {
	dossiers: ['dossier', 'dossiers'],
	gebeurtenissen: ['gebeurtenis', 'gebeurtenissen'],
	gecombineerd: ['regel', 'regels']
};

/** What a warning means, in words after its count. */
const WARNING_WORDS: Partial<Record<IssueCode, (n: number) => string>> = {
	geen_signaal: (n) =>
		`${formatCount(n)} ${n === 1 ? 'dossier' : 'dossiers'} zonder signaaldatum (1 maand huurachterstand): ${n === 1 ? 'het staat' : 'ze staan'} in geen enkel cohort`,
	reden_onbekend: (n) =>
		`${formatCount(n)} ${n === 1 ? 'ontruiming' : 'ontruimingen'} zonder bekende reden (geteld als ‘onbekend’)`,
	uitkomst_onbekend: (n) =>
		`${formatCount(n)} ${n === 1 ? 'afgesloten dossier' : 'afgesloten dossiers'} zonder bekende afloop (geteld als ‘overig’)`,
	ontruiming_zonder_vonnis: (n) =>
		`${formatCount(n)} ${n === 1 ? 'ontruiming' : 'ontruimingen'} zonder eerder vonnis`,
	aanzegging_voor_vonnis: (n) =>
		`${formatCount(n)} ${n === 1 ? 'aanzegging' : 'aanzeggingen'} vóór het vonnis`,
	voor_signaal: (n) =>
		`${formatCount(n)} ${n === 1 ? 'gebeurtenis' : 'gebeurtenissen'} vóór het signaal`,
	tekens_windows_1252: (n) => `${rows(n)} met tekens in Windows-1252`,
	adres_onvolledig: (n) =>
		`${formatCount(n)} ${n === 1 ? 'dossier' : 'dossiers'} zonder volledig adres (postcode en huisnummer): ${n === 1 ? 'het krijgt' : 'ze krijgen'} geen adressleutel`
};

/**
 * The rejections and warnings of a file's reports in words, most frequent first:
 * `116 dossiers geweigerd: onbekende doelgroep`, `409 dossiers zonder signaaldatum …`.
 */
export function issueSentences(reports: readonly FileReport[]): string[] {
	const out: { n: number; text: string }[] = [];
	for (const f of reports) {
		const [one, many] = TABLE_NOUNS[f.role];
		const tally = (issues: readonly RowIssue[]) => {
			const counts = new Map<IssueCode, number>();
			for (const i of issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
			return counts;
		};
		for (const [code, n] of tally(f.rejected)) {
			out.push({
				n,
				text: `${formatCount(n)} ${n === 1 ? one : many} geweigerd: ${ISSUE_LABELS[code]}`
			});
		}
		for (const [code, n] of tally(f.warnings)) {
			const words = WARNING_WORDS[code];
			out.push({
				n,
				text: words
					? words(n)
					: `${formatCount(n)} ${n === 1 ? one : many} met een waarschuwing: ${ISSUE_LABELS[code]}`
			});
		}
	}
	return out.sort((a, b) => b.n - a.n).map((o) => o.text);
}

/**
 * The notice in one sentence, for the one-page briefing: `2.295 van de 5.529 regels zijn niet
 * ingelezen (ymere.csv 2.295, vooral onbekende doelgroep); 5 labels zijn niet gekoppeld.`
 */
export function incompleteSentence(c: Completeness): string {
	const parts: string[] = [];
	if (c.rejected > 0) {
		const files = c.files
			.slice(0, 2)
			.map(
				(f) =>
					`${f.file} ${formatCount(f.rejected)}${f.reasons[0] ? `, vooral ${f.reasons[0].label}` : ''}`
			);
		const more =
			c.files.length > 2
				? `; nog ${c.files.length - 2} ${c.files.length === 3 ? 'bestand' : 'bestanden'}`
				: '';
		parts.push(
			`${formatCount(c.rejected)} van de ${rows(c.read)} ${c.rejected === 1 ? 'is' : 'zijn'} niet ingelezen (${files.join('; ')}${more})`
		);
	}
	if (c.unplaced.length > 0) {
		const n = c.unplaced.length;
		parts.push(`${formatCount(n)} ${n === 1 ? 'label is' : 'labels zijn'} niet gekoppeld`);
	}
	return `${parts.join('; ')}. Deze cijfers zijn daarom onvolledig.`;
}
