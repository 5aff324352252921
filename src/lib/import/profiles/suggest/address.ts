/**
 * The address columns of an export, for the suggestions (issue 22; ddas-schuldhulpverlening.md,
 * "The chain"): the postcode, house number and addition that a profile's `adres` turns into the
 * dossier's address key with the werkgroep key (the address itself is never loaded). Found by the
 * header words and confirmed by the values: a postcode column holds Dutch postcodes (`2011 RD`), a
 * house-number column plain numbers, an addition column short codes. Never a guess: a part with
 * two candidates, or a header whose values do not fit, leaves the address open with a sentence
 * (that never quotes a value). Pure and deterministic.
 */
import type { AddressSpec } from '../format';
import { rawWords, splitCompound } from './words';

/** A Dutch postcode: four digits (no leading 0), an optional space, two letters. */
export const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
/** A house number on its own (the addition in its own column). */
const HOUSE_NUMBER = /^[1-9][0-9]{0,4}$/;
/** An addition: a letter, a number or a short code (`A`, `bis`, `2-hoog`). */
const ADDITION = /^[\p{L}\p{N}][\p{L}\p{N} -]{0,5}$/u;
/** A part is confirmed when at least this share of its (sampled) non-empty cells fits. */
const VALUE_SHARE = 0.9;
/** How many non-empty cells per column are checked. */
const SAMPLE = 1000;

/** Words that say whose or which address, and nothing else (`Postcode huurder`, `Adres huisnummer`). */
const WHOSE = [
	'huurder',
	'huurders',
	'klant',
	'client',
	'bewoner',
	'bewoners',
	'adres',
	'woning'
] as const;
const FILLER: ReadonlySet<string> = new Set([...WHOSE, 'van', 'de', 'het']);
/** The words of an address header, and the stems a compound of them is split into. */
const STEMS: ReadonlySet<string> = new Set([
	'postcode',
	'post',
	'code',
	'huisnummer',
	'huisnr',
	'huis',
	'nummer',
	'toevoeging',
	'toevoegsel',
	'toev',
	'huisletter',
	'letter',
	...WHOSE,
	'straat',
	'straatnaam'
]);
const POSTCODE_FORMS = new Set(['postcode', 'post code', 'pc', 'postcode 6', 'pc 6']);
const NUMBER_FORMS = new Set(['huisnummer', 'huisnr', 'huis nummer', 'huis nr']);
/** A bare number: the house number only beside another address column (else a dossier's or a row's number). */
const BARE_NUMBER_FORMS = new Set(['nummer', 'nr']);
/** Words an addition header must have one of, and the house-number words it may have beside them. */
const ADDITION_WORDS = new Set(['toevoeging', 'toevoegsel', 'toev', 'huisletter']);
const ADDITION_OTHER = new Set(['huisnummer', 'huisnr', 'huis', 'nummer', 'nr', 'letter']);

type HeaderKind = 'postcode' | 'huisnummer' | 'nummer' | 'toevoeging' | 'straat' | null;

/** The words of a header: raw words, compounds split into the address stems. */
function headerWords(header: string): string[] {
	return rawWords(header).flatMap((w) => (STEMS.has(w) ? [w] : (splitCompound(w, STEMS) ?? [w])));
}

/** What a header says about the address, by its words alone. */
export function addressHeader(header: string): HeaderKind {
	const words = headerWords(header);
	if (words.length === 1 && words[0] === 'adres') return 'straat';
	const rest = words.filter((w) => !FILLER.has(w));
	const text = rest.join(' ');
	if (text === '') return null;
	if (POSTCODE_FORMS.has(text)) return 'postcode';
	if (NUMBER_FORMS.has(text)) return 'huisnummer';
	if (BARE_NUMBER_FORMS.has(text)) return 'nummer';
	if (text === 'straat' || text === 'straatnaam') return 'straat';
	if (
		rest.some((w) => ADDITION_WORDS.has(w)) &&
		rest.every((w) => ADDITION_WORDS.has(w) || ADDITION_OTHER.has(w))
	)
		return 'toevoeging';
	return null;
}

/** Non-empty cells of a column (the first SAMPLE) and the share of them that fit. */
function fit(
	rows: readonly (readonly string[])[],
	index: number,
	shape: RegExp
): { filled: number; share: number } {
	let filled = 0;
	let fits = 0;
	for (const row of rows) {
		const v = (row[index] ?? '').trim();
		if (v === '') continue;
		filled++;
		if (shape.test(v)) fits++;
		if (filled >= SAMPLE) break;
	}
	return { filled, share: filled === 0 ? 0 : fits / filled };
}

/** What the suggestion makes of the address: the profile's `adres` (or null), its columns, and what `open` says. */
export interface AddressAnswer {
	adres: AddressSpec | null;
	/** The columns of `adres`, by name: used for nothing else. */
	columns: string[];
	/** Dutch sentences: the address proposed (and the key it needs), or why it is left open. */
	open: string[];
}

const NONE: AddressAnswer = { adres: null, columns: [], open: [] };
const quote = (text: string) => `‘${text}’`;
const list = (names: readonly string[]) => names.map(quote).join(' en ');

/**
 * The address of an export: one postcode column and one house-number column whose headers say so
 * and whose values fit, and an addition column when there is one. `usable[i]`: column i is named
 * once in the header. Only a file with a postcode header and a house-number header is answered.
 */
export function findAddress(
	names: readonly string[],
	usable: readonly boolean[],
	rows: readonly (readonly string[])[]
): AddressAnswer {
	const kinds = names.map((n, i) => (usable[i] ? addressHeader(n) : null));
	const at = (kind: HeaderKind) => kinds.flatMap((k, i) => (k === kind ? [i] : []));
	const postcodes = at('postcode');
	const additions = at('toevoeging');
	// A bare `Nr` is the house number only beside the postcode, the addition or the street.
	const beside = new Set([...postcodes, ...additions, ...at('straat')]);
	const numbers = at('huisnummer');
	const bare = at('nummer').filter((i) => beside.has(i - 1) || beside.has(i + 1));
	const houseNumbers = numbers.length > 0 ? numbers : bare;
	if (postcodes.length === 0 || houseNumbers.length === 0) return NONE;

	const open: string[] = [];
	const leftOpen =
		'er is geen adres gekoppeld; kies het zelf als dit bestand adressleutels moet geven';
	const pick = (candidates: number[], shape: RegExp, what: string, shapeText: string) => {
		const fitting = candidates.filter((i) => {
			const f = fit(rows, i, shape);
			return f.filled > 0 && f.share >= VALUE_SHARE;
		});
		if (fitting.length === 1) return fitting[0]!;
		if (fitting.length > 1)
			open.push(
				`De kolommen ${list(fitting.map((i) => names[i]!))} kunnen elk ${what} zijn; ${leftOpen}.`
			);
		else
			open.push(
				`${candidates.length > 1 ? `De kolommen ${list(candidates.map((i) => names[i]!))} lijken` : `De kolom ${quote(names[candidates[0]!]!)} lijkt`} ${what}, maar ${candidates.length > 1 ? 'bevatten' : 'bevat'} niet alleen ${shapeText}; ${leftOpen}.`
			);
		return null;
	};
	const postcode = pick(
		postcodes,
		POSTCODE,
		'de postcode',
		'volledige postcodes (vier cijfers en twee letters)'
	);
	const huisnummer = pick(
		houseNumbers,
		HOUSE_NUMBER,
		'het huisnummer',
		'huisnummers (cijfers; een toevoeging hoort in een eigen kolom)'
	);
	// An addition that cannot be read would give an address with a letter the key of the one without.
	let toevoeging: number | null = null;
	if (additions.length > 1)
		open.push(
			`De kolommen ${list(additions.map((i) => names[i]!))} kunnen elk de toevoeging zijn; ${leftOpen}.`
		);
	else if (additions.length === 1) {
		const f = fit(rows, additions[0]!, ADDITION);
		if (f.filled === 0 || f.share >= VALUE_SHARE) toevoeging = additions[0]!;
		else
			open.push(
				`De kolom ${quote(names[additions[0]!]!)} lijkt de toevoeging, maar bevat langere teksten; ${leftOpen}.`
			);
	}
	if (postcode === null || huisnummer === null || (additions.length > 0 && toevoeging === null))
		return { adres: null, columns: [], open };

	const adres: AddressSpec = {
		postcode: names[postcode]!,
		huisnummer: names[huisnummer]!,
		...(toevoeging !== null ? { toevoeging: names[toevoeging]! } : {})
	};
	const columns = [
		adres.postcode,
		adres.huisnummer,
		...(adres.toevoeging ? [adres.toevoeging] : [])
	];
	const parts = `postcode ${quote(adres.postcode)}, huisnummer ${quote(adres.huisnummer)}${adres.toevoeging ? `, toevoeging ${quote(adres.toevoeging)}` : ''}`;
	open.push(
		`Het adres (${parts}) is gekoppeld voor de adressleutel van de keten: bij het inlezen wordt het met de sleutel van de werkgroep een code, en het adres zelf wordt niet geladen. Laat het adres weg als dit bestand geen adressleutels moet geven.`
	);
	return { adres, columns, open };
}
