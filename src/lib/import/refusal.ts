/** A whole-file refusal as the steps return it, before the file name is known to the report. */
import type { RefusalCode } from './types';

/** Why a step refuses a file: a code and a Dutch message that already names the file. */
export interface Refusal {
	code: RefusalCode;
	message: string;
}

/** Quotes a value the Dutch way for messages: ‘value’. */
export function quote(value: string): string {
	return `‘${value}’`;
}

/** Joins names as a Dutch list: ‘a’, ‘b’ en ‘c’. */
export function dutchList(names: readonly string[]): string {
	const quoted = names.map(quote);
	if (quoted.length <= 1) return quoted.join('');
	return `${quoted.slice(0, -1).join(', ')} en ${quoted[quoted.length - 1]}`;
}

/** Line numbers as a short Dutch list: `3, 7 en 12`, at most ten, then `en N andere`. */
export function lineList(lines: readonly number[], max = 10): string {
	const shown = lines.slice(0, max).map(String);
	if (lines.length > max) return `${shown.join(', ')} en ${lines.length - max} andere`;
	if (shown.length <= 1) return shown.join('');
	return `${shown.slice(0, -1).join(', ')} en ${shown[shown.length - 1]}`;
}

/** At most `max` characters of a value for a message, with `…` when cut. */
export function excerpt(value: string, max = 60): string {
	const flat = value.replace(/\s+/g, ' ');
	return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
