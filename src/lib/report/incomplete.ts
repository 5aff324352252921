/**
 * The Dutch words of an incomplete import (source-profiles.md, "Incomplete imports"): one
 * sentence for the letter and the briefing, and the lines of the notice on every page with
 * figures. The numbers come from `completeness` (import/completeness.ts).
 */
import type { Completeness, FileRejections, UnplacedLabel } from '../import/completeness';
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
		u.effect === 'geweigerd' ? `${rows(u.rows)} geweigerd` : `${rows(u.rows)} met een waarschuwing`;
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
		parts.push(`En nog ${formatCount(c.unplaced.length - 3)} labels die niet zijn gekoppeld.`);
	}
	parts.push(
		'De cijfers zijn daarom voorlopig en onvolledig; het importverslag van het dashboard noemt elke regel met de reden.'
	);
	return parts.join(' ');
}
