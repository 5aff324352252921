/**
 * Header and label text as words, for the suggestions: accents and case removed, camelCase,
 * underscores and punctuation split, digits apart from letters (`mnd2`, `3mnd`), ordinals and
 * number words as digits (`1e`, `eerste`, `twee` → `1`, `2`), `+` as `plus`, and Dutch compounds
 * split into the domain's stems (`ontruimingsdatum` → `ontruiming datum`). Pure.
 */

/** Number words and ordinals written out, as digits. */
export const NUMBER_WORDS: Record<string, string> = {
	een: '1',
	eerste: '1',
	eerst: '1',
	twee: '2',
	tweede: '2',
	drie: '3',
	derde: '3',
	vier: '4',
	vierde: '4',
	vijf: '5',
	vijfde: '5',
	zes: '6',
	zesde: '6'
};
/** What stands after a digit to make it an ordinal (`1e`, `2de`, `1ste`, `3rd`). */
const ORDINAL_SUFFIXES = new Set(['e', 'ste', 'de', 'st', 'nd', 'rd', 'th']);
/** Month abbreviations that stand right after a number (`1m`, `3mnd`). */
const MONTH_AFTER_NUMBER = new Set(['m', 'mnd', 'mnden', 'mndn', 'mnds', 'mth', 'mths']);

/** Linking sounds between the parts of a Dutch compound (`ontruiming-s-datum`). */
const LINKS = ['s', 'e', 'en'];

/** The length of the longest stem of a set (a part is never longer). */
const longestStem = new WeakMap<ReadonlySet<string>, number>();

/**
 * Splits a word into known stems when it is wholly made of them (with `s`, `e` or `en` between
 * two parts), preferring the fewest parts; null when it cannot be split. Linear in the word: a
 * part is at most the longest stem, and each position keeps its count and the part that reached
 * it (not a copy of every part before it), so a hostile header of thousands of characters costs
 * no more than its length.
 */
export function splitCompound(word: string, stems: ReadonlySet<string>): string[] | null {
	const n = word.length;
	let longest = longestStem.get(stems);
	if (longest === undefined) {
		longest = Math.max(0, ...[...stems].map((stem) => stem.length));
		longestStem.set(stems, longest);
	}
	// count[i]: the fewest parts covering word[0, i); from[i]: where the last of them starts
	// (after its link) and what came before it.
	const count = new Array<number>(n + 1).fill(Infinity);
	const before = new Array<number>(n + 1).fill(-1);
	const start = new Array<number>(n + 1).fill(-1);
	count[0] = 0;
	for (let i = 0; i < n; i++) {
		if (count[i] === Infinity) continue;
		for (const link of i === 0 ? [''] : ['', ...LINKS]) {
			if (link !== '' && !word.startsWith(link, i)) continue;
			const from = i + link.length;
			for (let end = from + 2; end <= Math.min(n, from + longest); end++) {
				const part = word.slice(from, end);
				// Two-letter words (`in`, `op`, `de`) are no compound parts, but for `dt` (datum).
				if (!stems.has(part) || (part.length < 3 && part !== 'dt')) continue;
				if (count[i]! + 1 < count[end]!) {
					count[end] = count[i]! + 1;
					before[end] = i;
					start[end] = from;
				}
			}
		}
	}
	if (count[n] === Infinity || count[n]! < 2) return null;
	const parts: string[] = [];
	for (let end = n; end > 0; end = before[end]!) parts.unshift(word.slice(start[end]!, end));
	return parts;
}

/** The raw words of a text: lower case, accents off, camelCase and digits apart, `+` as `plus`. */
export function rawWords(text: string): string[] {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/([a-z])(?=[A-Z][a-z]|[A-Z]{2})/g, '$1 ')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.toLowerCase()
		.replace(/\+/g, ' plus ')
		.replace(/>/g, ' meer ')
		.replace(/&/g, ' en ')
		.replace(/(\d)([a-z])/g, '$1 $2')
		.replace(/([a-z])(\d)/g, '$1 $2')
		.split(/[^a-z0-9]+/)
		.filter((w) => w !== '');
}

/**
 * The words of a header or label: see the module comment. `stems` are the known words a
 * compound may be split into; a word that is itself a stem is kept whole.
 */
export function words(text: string, stems: ReadonlySet<string>): string[] {
	const raw = rawWords(text);
	const out: string[] = [];
	for (let i = 0; i < raw.length; i++) {
		const w = raw[i]!;
		if (/^\d+$/.test(w)) {
			out.push(String(Number(w)));
			const next = raw[i + 1];
			if (next !== undefined && ORDINAL_SUFFIXES.has(next)) i++;
			else if (next !== undefined && MONTH_AFTER_NUMBER.has(next)) {
				out.push('maand');
				i++;
			}
			continue;
		}
		// A first part written apart keeps its linking `s` (`Ontruimings reden`, `OntruimingsDatum`).
		const word = !stems.has(w) && w.endsWith('s') && stems.has(w.slice(0, -1)) ? w.slice(0, -1) : w;
		const parts = stems.has(word) ? null : splitCompound(word, stems);
		for (const part of parts ?? [word]) out.push(NUMBER_WORDS[part] ?? part);
	}
	return out;
}
