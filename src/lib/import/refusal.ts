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
