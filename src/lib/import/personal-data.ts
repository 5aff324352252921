/** Step 5: the personal-data guard: flags columns whose name or values look like personal data. */
import { normalizeCode } from '../domain/codes';
import type { PersonalDataFinding, PersonalDataReason } from './types';
import { displayNames } from './header';
import type { ParsedRow } from './parse';

/**
 * Header words that point at personal data, after `headerParts` (lower case, accents off, every
 * run of other characters a `_`). A word matches a whole part; `STEMS` also match inside a part.
 */
const SUSPICIOUS_WORDS = new Set([
	'bsn',
	'burgerservicenummer',
	'sofinummer',
	'sofi',
	'naam',
	'namen',
	'voornaam',
	'voornamen',
	'achternaam',
	'roepnaam',
	'geslachtsnaam',
	'tussenvoegsel',
	'voorletters',
	'initialen',
	'name',
	'adres',
	'address',
	'straat',
	'straatnaam',
	'huisnummer',
	'huisnr',
	'postcode',
	'zipcode',
	'geboortedatum',
	'geboortedag',
	'geboortejaar',
	'dob',
	'email',
	'mail',
	'telefoon',
	'tel',
	'telnr',
	'mobiel',
	'gsm',
	'phone',
	'iban',
	'rekeningnummer',
	'bankrekening',
	'bankrekeningnummer',
	'contractnummer',
	'contractnr',
	'huurcontract',
	'huurcontractnummer',
	'huurcontractnr',
	'huurovereenkomst',
	'huurovereenkomstnummer',
	'huurovereenkomstnr',
	'klantnummer',
	'klantnr',
	'relatienummer',
	'relatienr',
	'huurdernummer',
	'huurdernr',
	'debiteurnummer',
	'debiteurnr',
	'clientnummer',
	'clientnr',
	'persoonsnummer',
	'persoonsnr',
	'verhuureenheid',
	'vhe',
	'vhenummer',
	'vhenr'
]);
/** Two parts that together name personal data (`geb. datum`, `Rek.nr.`, `first name`). */
const SUSPICIOUS_PAIRS = new Set([
	'geb_datum',
	'geb_dat',
	'geb_jaar',
	'date_birth',
	'birth_date',
	'e_mail',
	'tel_nr',
	'mob_nr',
	'rek_nr',
	'bank_nr',
	'first_name',
	'last_name',
	'full_name',
	'sofi_nr',
	'contract_nr',
	'contract_nummer',
	'contract_id',
	'huur_contract',
	'huur_overeenkomst',
	'klant_nr',
	'klant_nummer',
	'klant_id',
	'relatie_nr',
	'relatie_nummer',
	'relatie_id',
	'huurder_nr',
	'huurder_nummer',
	'huurder_id',
	'debiteur_nr',
	'debiteur_nummer',
	'client_nr',
	'client_nummer',
	'client_id',
	'customer_id',
	'customer_number',
	'vhe_nr',
	'vhe_nummer',
	'vhe_id'
]);
/** Word stems that make a compound part personal: `huurdernaam`, `adresgegevens`, `telefoonnr`. */
const STEMS: readonly { stem: string; at: 'start' | 'end' | 'any' }[] = [
	{ stem: 'naam', at: 'end' },
	{ stem: 'namen', at: 'end' },
	{ stem: 'adres', at: 'any' },
	{ stem: 'telefoon', at: 'any' },
	{ stem: 'geboorte', at: 'start' },
	{ stem: 'postcode', at: 'start' },
	{ stem: 'rekeningn', at: 'any' },
	{ stem: 'burgerservice', at: 'any' },
	{ stem: 'email', at: 'any' },
	{ stem: 'mailadres', at: 'any' },
	{ stem: 'huisnummer', at: 'any' },
	{ stem: 'huurcontract', at: 'any' },
	{ stem: 'huurovereenkomst', at: 'any' },
	{ stem: 'contractnummer', at: 'any' },
	{ stem: 'klantnummer', at: 'any' },
	{ stem: 'relatienummer', at: 'any' }
];
/**
 * Parts that make a header about an organisation, an area or a yes/no fact rather than a
 * person: `Naam corporatie`, `Wijk naam`, `Adres bekend`, `Aantal adressen`.
 */
const NOT_PERSONAL = new Set([
	'corporatie',
	'corporatienaam',
	'wijk',
	'wijknaam',
	'buurt',
	'organisatie',
	'gemeente',
	'instantie',
	'team',
	'bestand',
	'bestandsnaam',
	'bekend',
	'aanwezig',
	'gewijzigd',
	'gecontroleerd',
	'correct',
	'geldig',
	'ja',
	'nee',
	'aantal',
	'soort',
	'type',
	'status'
]);
/** Compounds that end like a person's name or address but are not (`corporatienaam`, `postcodegebied`). */
const NOT_PERSONAL_PARTS = new Set([
	'corporatienaam',
	'wijknaam',
	'buurtnaam',
	'bestandsnaam',
	'organisatienaam',
	'gemeentenaam',
	'teamnaam',
	'naamloos',
	'adressering',
	'postcodegebied'
]);

/** A header's word parts: lower case, accents removed, split on everything but letters and digits. */
export function headerParts(name: string): string[] {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((p) => p !== '');
}

/**
 * True when a header names personal data: a suspicious word or pair among its parts, or a compound
 * with a personal stem. The exchange format's `adres_sleutel` names a keyed hash, not an address.
 */
export function isSuspiciousHeader(name: string): boolean {
	if (normalizeCode(name) === 'adres_sleutel') return false;
	const parts = headerParts(name);
	if (parts.length === 0) return false;
	if (parts.some((p) => NOT_PERSONAL.has(p))) return false;
	for (let i = 0; i < parts.length; i++) {
		const p = parts[i]!;
		if (SUSPICIOUS_WORDS.has(p)) return true;
		if (i + 1 < parts.length && SUSPICIOUS_PAIRS.has(`${p}_${parts[i + 1]}`)) return true;
		if (i + 2 < parts.length && SUSPICIOUS_PAIRS.has(`${p}_${parts[i + 2]}`)) return true;
		if (NOT_PERSONAL_PARTS.has(p)) continue;
		for (const { stem, at } of STEMS) {
			if (p.length <= stem.length) continue;
			const hit =
				at === 'end' ? p.endsWith(stem) : at === 'start' ? p.startsWith(stem) : p.includes(stem);
			if (hit) return true;
		}
	}
	return false;
}

/** Eleven-test of a 9-digit BSN: 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11, not all zeros. */
export function passesElevenTest(digits: string): boolean {
	if (digits.length !== 9) return false;
	let sum = 0;
	let nonZero = false;
	for (let i = 0; i < 9; i++) {
		const d = digits.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return false;
		if (d !== 0) nonZero = true;
		sum += i < 8 ? d * (9 - i) : -d;
	}
	return nonZero && sum % 11 === 0;
}

/** The IBAN mod-97 check (ISO 13616) on an IBAN without spaces: true when the remainder is 1. */
export function ibanMod97Valid(iban: string): boolean {
	const s = iban.toUpperCase();
	if (s.length < 5 || !/^[A-Z0-9]+$/.test(s)) return false;
	const rearranged = s.slice(4) + s.slice(0, 4);
	let rest = 0;
	for (let i = 0; i < rearranged.length; i++) {
		const c = rearranged.charCodeAt(i);
		if (c >= 65) rest = (rest * 100 + (c - 55)) % 97;
		else rest = (rest * 10 + (c - 48)) % 97;
	}
	return rest === 1;
}

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTH: Record<string, number> = {
	AD: 24,
	AE: 23,
	AL: 28,
	AT: 20,
	AZ: 28,
	BA: 20,
	BE: 16,
	BG: 22,
	BH: 22,
	BI: 27,
	BR: 29,
	BY: 28,
	CH: 21,
	CR: 22,
	CY: 28,
	CZ: 24,
	DE: 22,
	DJ: 27,
	DK: 18,
	DO: 28,
	EE: 20,
	EG: 29,
	ES: 24,
	FI: 18,
	FK: 18,
	FO: 18,
	FR: 27,
	GB: 22,
	GE: 22,
	GI: 23,
	GL: 18,
	GR: 27,
	GT: 28,
	HR: 21,
	HU: 28,
	IE: 22,
	IL: 23,
	IQ: 23,
	IS: 26,
	IT: 27,
	JO: 30,
	KW: 30,
	KZ: 20,
	LB: 28,
	LC: 32,
	LI: 21,
	LT: 20,
	LU: 20,
	LV: 21,
	LY: 25,
	MC: 27,
	MD: 24,
	ME: 22,
	MK: 19,
	MN: 20,
	MR: 27,
	MT: 31,
	MU: 30,
	NI: 28,
	NL: 18,
	NO: 15,
	OM: 23,
	PK: 24,
	PL: 28,
	PS: 29,
	PT: 25,
	QA: 29,
	RO: 24,
	RS: 22,
	RU: 33,
	SA: 24,
	SC: 31,
	SD: 18,
	SE: 24,
	SI: 19,
	SK: 24,
	SM: 27,
	SO: 23,
	ST: 25,
	SV: 28,
	TL: 23,
	TN: 24,
	TR: 26,
	UA: 29,
	VA: 22,
	VG: 24,
	XK: 20,
	YE: 30
};
/** BBAN shapes where a hex pseudonym could otherwise pass (country codes made of A–F) and NL. */
const BBAN_SHAPE: Record<string, RegExp> = {
	NL: /^[A-Z]{4}\d{10}$/,
	BE: /^\d{12}$/,
	DE: /^\d{18}$/,
	AD: /^\d{8}[A-Z0-9]{12}$/,
	AE: /^\d{19}$/,
	BA: /^\d{16}$/
};
const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]+$/;

/** True for an IBAN (spaces allowed): known country, its length, plausible BBAN and a valid mod-97. */
export function isIban(value: string): boolean {
	const s = value.replace(/ /g, '').toUpperCase();
	if (!IBAN_SHAPE.test(s)) return false;
	const country = s.slice(0, 2);
	if (IBAN_LENGTH[country] !== s.length) return false;
	const shape = BBAN_SHAPE[country];
	if (shape && !shape.test(s.slice(4))) return false;
	return ibanMod97Valid(s);
}

/**
 * Letters and digits (Latin, with accents). A phone number, BSN or postcode is a whole token: no
 * letter or digit stands directly beside it, so a run of digits inside a hex pseudonym is none.
 */
const AN = 'A-Za-z0-9\\u00C0-\\u024F';
const PLAIN_DATE = /^(?:\d{4}-\d\d-\d\d|\d\d?[-/]\d\d?[-/]\d{4})$/;
const POSTCODE = /^[1-9]\d{3}\s*[A-Za-z]{2}$/;
const HEX_LETTERS = /[A-Fa-f]{2}$/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/** One token of letters and digits only: a pseudonym or another id, never text. */
const ALNUM = /^[A-Za-z0-9]+$/;
const IBAN_START = /^[A-Za-z]{2}\d\d/;
const PHONE_SEPARATORS = /[\s\-().]/g;
const MOBILE = /^06\d{8}$/;
const INTERNATIONAL = /^(?:\+|00)31(?:0)?\d{9}$/;
const LANDLINE = /^0[1-9]\d{8}$/;
/** A landline counts only when written with its area code apart, e.g. `023-5115115`, `(023) 511 51 15`. */
const LANDLINE_WRITTEN = /^\(?0\d{1,3}\)?[\s-]\d/;
const BSN_SEPARATORS = /[\s.-]/g;
const NINE_DIGITS = /^\d{9}$/;
/** `123-456-782`, `123.456.782`, `123 456 782`, `1234.56.782`: the ways a BSN is written. */
const BSN_GROUPED = /^(?:\d{3}([ .-])\d{3}\1\d{3}|\d{4}\.\d{2}\.\d{3})$/;
const BSN_GROUPED_IN_TEXT = new RegExp(
	`(?<![${AN}.,-])(?:\\d{3}([ .-])\\d{3}\\1\\d{3}|\\d{4}\\.\\d{2}\\.\\d{3})(?![.,-]?\\d)(?![${AN}])`,
	'g'
);
const BSN_KEYWORD_IN_TEXT = new RegExp(
	`(?<![A-Za-z])(?:bsn|burgerservicenummer|sofi-?nummer)\\W{1,3}((?:\\d[ .-]?){8}\\d)(?![.,-]?\\d)(?![${AN}])`,
	'gi'
);
const BSN_KEYWORD = /bsn|burgerservice|sofi/i;
/** Nine digits as a token, not the integer part of a decimal number (`123456782,50`). */
const NINE_IN_TEXT = new RegExp(`(?<![${AN}]|[${AN}][.,])\\d{9}(?![.,]?[${AN}])`, 'g');
const PHONE_IN_TEXT = new RegExp(
	`(?:(?:(?<![${AN}])00|\\+)\\s?31[\\s-]?(?:\\(0\\)[\\s-]?)?[1-9](?:[\\s-]?\\d){8}` +
		`|(?<![${AN}])\\(?06\\)?[\\s-]?(?:\\d[\\s-]?){7}\\d` +
		`|(?<![${AN}-])\\(?0\\d{2,3}\\)?[\\s-]\\d(?:[\\s-]?\\d){5,6})` +
		`(?!-?\\d)(?![${AN}])`,
	'g'
);
const PHONE_TEST = new RegExp(PHONE_IN_TEXT.source);
/** A phone-shaped match that starts as a date with a time after it: `06-03-2015 12:00`. */
const DATE_START = /^\d\d?[-/.]\d\d?[-/.]\d{4}/;
const IBAN_IN_TEXT = new RegExp(`(?<![${AN}])[A-Za-z]{2}\\d{2}(?:[ -]?[A-Za-z0-9]){10,32}`, 'g');
const POSTCODE_IN_TEXT = new RegExp(`(?<![${AN}])[1-9]\\d{3}( ?)([A-Za-z]{2})(?![${AN}])`, 'g');
/** Units written after a number (`1500km`, `2000ml`): no postcode in running text. */
const UNITS = new Set([
	'km',
	'kg',
	'mg',
	'ml',
	'cm',
	'mm',
	'dl',
	'cl',
	'kb',
	'mb',
	'gb',
	'kw',
	'uu'
]);
const AN_CHAR = new RegExp(`[${AN}]`);

/** True for a Dutch phone number: `06` + 8 digits, `+31`/`0031` (with or without `(0)`) + 9 digits, or a written-apart landline. */
export function isPhoneNumber(value: string): boolean {
	const digits = value.replace(PHONE_SEPARATORS, '');
	if (MOBILE.test(digits) || INTERNATIONAL.test(digits)) return true;
	return LANDLINE.test(digits) && LANDLINE_WRITTEN.test(value);
}

/** True for a 9-digit number (written with spaces, dots or hyphens or not) that passes the BSN eleven-test. */
export function isBsn(value: string): boolean {
	const digits = value.length === 9 ? value : value.replace(BSN_SEPARATORS, '');
	return NINE_DIGITS.test(digits) && passesElevenTest(digits);
}

/**
 * What one value says: a kind of personal data (`bsn`, `email`, …) that is evidence on its own,
 * or weak evidence whose weight depends on the column (see `screenColumns`): `negen` (9 digits as
 * a token that fail the eleven-test), `negen_elfproef` (pass it, as 1 in 11 random numbers do),
 * `hex_postcode` (`1234AB` with letters A–F, as a hex pseudonym can look).
 */
export type ValueSignal = PersonalDataReason | 'negen' | 'negen_elfproef' | 'hex_postcode';

/** The signal of one value, or null. Checks the whole value first, then the tokens inside text. */
export function valueSignal(raw: string): ValueSignal | null {
	const v = raw.trim();
	const n = v.length;
	if (n < 6) return null;
	if (v.indexOf('@') !== -1 && EMAIL.test(v)) return 'email';
	// A long single token (a pseudonym): no phone number, BSN or postcode fits in it whole.
	if (n > 14 && ALNUM.test(v)) return n <= 34 && IBAN_START.test(v) && isIban(v) ? 'iban' : null;
	if (!/\d/.test(v) || PLAIN_DATE.test(v)) return null;
	// Excel's text prefix `'123456782`: someone kept a number as text on purpose.
	const marked = v.charCodeAt(0) === 39;
	const body = marked ? v.slice(1).trim() : v;
	if (NINE_DIGITS.test(body)) {
		if (!passesElevenTest(body)) return 'negen';
		return marked ? 'bsn' : 'negen_elfproef';
	}
	if (BSN_GROUPED.test(body)) return isBsn(body) ? 'bsn' : null;
	if (POSTCODE.test(v)) return v.length === 6 && HEX_LETTERS.test(v) ? 'hex_postcode' : 'postcode';
	// A whole phone number starts with `0`, `+` or `(`; an IBAN with two letters and two digits.
	const c = v.charCodeAt(0);
	if ((c === 48 || c === 43 || c === 40) && isPhoneNumber(v)) return 'telefoon';
	if (n >= 15 && IBAN_START.test(v) && isIban(v.replace(/-/g, ''))) return 'iban';
	return inText(v);
}

/** Signals inside a longer text: `BSN 123456782`, `tel. +31 (0)6 …`, an IBAN, `2011 RD Haarlem`. */
function inText(v: string): ValueSignal | null {
	let digits = 0;
	for (let i = 0; i < v.length; i++) {
		const c = v.charCodeAt(i);
		if (c >= 48 && c <= 57) digits++;
	}
	// Every kind below needs at least nine digits, except a postcode (four).
	if (digits < 9) return digits >= 4 ? postcodeInText(v) : null;
	// The global regexes are run with `exec` from lastIndex 0: no copy, as `matchAll` makes.
	let m: RegExpExecArray | null;
	if (BSN_KEYWORD.test(v)) {
		BSN_KEYWORD_IN_TEXT.lastIndex = 0;
		while ((m = BSN_KEYWORD_IN_TEXT.exec(v)) !== null) if (isBsn(m[1]!)) return 'bsn';
	}
	BSN_GROUPED_IN_TEXT.lastIndex = 0;
	while ((m = BSN_GROUPED_IN_TEXT.exec(v)) !== null) if (isBsn(m[0])) return 'bsn';
	IBAN_IN_TEXT.lastIndex = 0;
	while ((m = IBAN_IN_TEXT.exec(v)) !== null) if (ibanAt(v, m[0], m.index)) return 'iban';
	if (PHONE_TEST.test(v)) {
		PHONE_IN_TEXT.lastIndex = 0;
		while ((m = PHONE_IN_TEXT.exec(v)) !== null) if (!DATE_START.test(m[0])) return 'telefoon';
	}
	let weak = postcodeInText(v);
	if (weak === 'postcode') return weak;
	NINE_IN_TEXT.lastIndex = 0;
	while ((m = NINE_IN_TEXT.exec(v)) !== null) {
		if (passesElevenTest(m[0])) return 'negen_elfproef';
		weak ??= 'negen';
	}
	return weak;
}

/** True when an IBAN starts the match and ends a token (`NL91ABNA0417164300X` is none). */
function ibanAt(v: string, match: string, index: number): boolean {
	const s = match.replace(/[ -]/g, '').toUpperCase();
	const length = IBAN_LENGTH[s.slice(0, 2)];
	if (length === undefined || s.length < length || !isIban(s.slice(0, length))) return false;
	let i = index;
	for (let seen = 0; seen < length; i++) {
		const c = v.charCodeAt(i);
		if (c !== 32 && c !== 45) seen++;
	}
	return i >= v.length || !AN_CHAR.test(v[i]!);
}

function postcodeInText(v: string): ValueSignal | null {
	let weak: ValueSignal | null = null;
	let m: RegExpExecArray | null;
	POSTCODE_IN_TEXT.lastIndex = 0;
	while ((m = POSTCODE_IN_TEXT.exec(v)) !== null) {
		const letters = m[2]!;
		// In running text lower-case letters count only glued to the digits (`2034ab`), never as a
		// word after a year (`2015 en`), nor as a unit (`1500km`).
		if (letters !== letters.toUpperCase() && (m[1] === ' ' || UNITS.has(letters.toLowerCase())))
			continue;
		if (m[1] === ' ' || !HEX_LETTERS.test(letters)) return 'postcode';
		weak = 'hex_postcode';
	}
	return weak;
}

/** The kind of personal data one value is evidence of on its own, or null (weak signals count only per column). */
export function classifyValue(raw: string): PersonalDataReason | null {
	const s = valueSignal(raw);
	return s === null || s === 'negen' || s === 'negen_elfproef' || s === 'hex_postcode' ? null : s;
}

/**
 * The reason one value of a text field (free text, a label, a date) is personal data on its own,
 * by the rules of a free-text column: also a BSN as bare 9 digits passing the eleven-test and a
 * postcode with letters A–F. Null when it is not.
 */
export function textValueReason(raw: string): PersonalDataReason | null {
	const s = valueSignal(raw);
	if (s === null || s === 'negen') return null;
	if (s === 'negen_elfproef') return 'bsn';
	if (s === 'hex_postcode') return 'postcode';
	return s;
}

/** Share of random 9-digit numbers that pass the eleven-test. */
const ELEVEN_CHANCE = 1 / 11;
/** A column's 9-digit numbers are BSNs when that many passing the eleven-test has less than this chance. */
const BSN_CHANCE_LIMIT = 1e-3;

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space (exact; stops once terms are negligible). */
export function binomialTail(n: number, k: number, p: number): number {
	if (k <= 0) return 1;
	if (k > n) return 0;
	const lp = Math.log(p);
	const lq = Math.log(1 - p);
	let logTerm = logChoose(n, k) + k * lp + (n - k) * lq;
	let sum = 0;
	for (let i = k; i <= n; i++) {
		const term = Math.exp(logTerm);
		sum += term;
		if (term < sum * 1e-12) break;
		logTerm += Math.log((n - i) / (i + 1)) + lp - lq;
	}
	return Math.min(1, sum);
}

function logChoose(n: number, k: number): number {
	return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

function logFactorial(n: number): number {
	if (n < 2) return 0;
	if (n < 256) {
		let s = 0;
		for (let i = 2; i <= n; i++) s += Math.log(i);
		return s;
	}
	// Stirling's series: exact to well below the precision a 1e-4 limit needs.
	return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

/**
 * True when `passing` of `nine` 9-digit values passing the eleven-test is far beyond chance: a
 * chance below 1 in 1,000 and more than 30 % passing (random numbers: 9 %; a BSN column: 100 %).
 */
export function bsnBeyondChance(nine: number, passing: number): boolean {
	return passing * 10 > nine * 3 && binomialTail(nine, passing, ELEVEN_CHANCE) < BSN_CHANCE_LIMIT;
}

/**
 * True when `valueSignal` is null for this value on its face, read in one pass without a lookup:
 * an ISO date (`2015-03-01`), or no `@` and fewer than four digits (every kind of personal data
 * but an e-mail address needs four digits or more). Most cells of an export are one of these.
 */
export function cannotSignal(value: string): boolean {
	const n = value.length;
	if (n === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
		let digits = 0;
		for (let i = 0; i < 10; i++) {
			const c = value.charCodeAt(i);
			if (c >= 48 && c <= 57) digits++;
		}
		if (digits === 8) return true;
	}
	let digits = 0;
	for (let i = 0; i < n; i++) {
		const c = value.charCodeAt(i);
		if (c === 64) return false;
		if (c >= 48 && c <= 57 && ++digits >= 4) return false;
	}
	return true;
}

/*
 * Person names in a `wijk` column. Conservative: a neighbourhood name never has initials, a
 * salutation or a comma between surname and initials; a first name from the list below followed
 * by a tussenvoegsel and a surname (`Jan de Vries`) is a name too. A first name and a surname
 * alone (`Kees Meijer`, but also `Frans Hals`, a Haarlem neighbourhood) count only when most of
 * the column looks like that. A surname that ends like a place (`P.C. Hooftbuurt`) is none.
 */
const SALUTATIONS = new Set([
	'dhr',
	'mevr',
	'mw',
	'mr',
	'mej',
	'fam',
	'familie',
	'meneer',
	'mevrouw'
]);
const TUSSENVOEGSELS = new Set([
	'van',
	'de',
	'der',
	'den',
	'het',
	"'t",
	'’t',
	'ter',
	'ten',
	'te',
	'von',
	'vom',
	'zu',
	'el',
	'al',
	'ben',
	'bin',
	'ait',
	'abu',
	'da',
	'di',
	'do',
	'dos',
	'das',
	'du',
	'la',
	'le',
	'lo',
	'del',
	'della',
	'des',
	'dei'
]);
/** A preposition starts a tussenvoegsel only before an article: `in 't Veld`, `op de Beek`. */
const PREPOSITIONS = new Set(['in', 'op', 'uit', 'aan', 'bij', 'onder', 'over', 'voor']);
const ARTICLES = new Set(['de', 'den', 'der', 'het', "'t", '’t', 'ten', 'ter']);
const PLACE_WORDS = new Set([
	'noord',
	'zuid',
	'oost',
	'west',
	'centrum',
	'midden',
	'binnenstad',
	'buitenwijk',
	'dorp',
	'stad',
	'park',
	'oud',
	'nieuw'
]);
/** Endings of a compound that names a place, not a person: `Van Zeggelenbuurt`, `Molenwijk`. */
const PLACE_SUFFIXES = [
	'buurt',
	'wijk',
	'kwartier',
	'park',
	'polder',
	'dorp',
	'veld',
	'velden',
	'laan',
	'straat',
	'plein',
	'haven',
	'stad',
	'dijk',
	'weg',
	'kade',
	'gracht',
	'singel',
	'hout',
	'oord',
	'zijde',
	'eiland',
	'eilanden',
	'centrum',
	'noord',
	'zuid',
	'oost',
	'west',
	'hof',
	'hoeve',
	'land',
	'meer',
	'waard',
	'broek',
	'burg',
	'kamp',
	'vaart',
	'poort',
	'tuin',
	'tuinen',
	'hage',
	'hoven'
];
/** Common first names in the Netherlands (lower case): Dutch and the most frequent others. */
const FIRST_NAMES = new Set(
	(
		'aad ad adriaan albert alex andre andré anton antoon arie arjen bart bas ben berend bernard ' +
		'bert bram chris christiaan cor cornelis daan danny dennis dick dirk edwin emiel eric erik ' +
		'evert ferry finn floris frank frans fred frits geert gerard gerrit gert gijs guus hans harm ' +
		'hendrik henk herman hugo jaap jacob jacobus jan jasper jeffrey jeroen jesse johan johannes ' +
		'joost joris jos julian jurgen kasper kees kevin klaas koen lars leo levi liam luc lucas luuk ' +
		'maarten marcel marco marinus mark martijn martin max mees michel mike milan nick nico niels ' +
		'noah olaf oscar otto patrick paul peter piet pieter remco rené rene ricardo richard rick rik ' +
		'rob robert roel ron ronald roy ruben rutger ruud sander sebastiaan sem siem simon sjoerd ' +
		'stefan stijn sven teun theo thijs thomas tijmen tim timo tobias tom ton twan vincent ' +
		'wessel willem wim wouter ' +
		'anna anne annemarie annie anja anke astrid bea bianca carla carolien charlotte corrie ' +
		'daphne diana dina dorien elisabeth ellen elly els emma esther eva evi evy femke fenna ' +
		'fleur gerda greet hanna hannah hanneke helen henny ilse inge ingrid iris isa jannie ' +
		'janneke jantje jet jolanda joke julia karin kim laura lieke linda lisa liv lotte lucia ' +
		'lynn maaike manon margriet maria marie marja marleen marloes martine mieke mila miriam ' +
		'monique nicole nina noor nora petra renate ria rianne riet rita roos sandra sanne sara ' +
		'sarah saskia sophie suzanne tamara tess tessa thea tineke truus wilma willemijn yara ' +
		'yvonne zoë zoe ' +
		'abdel abdelkader ahmed aisha ali anil ayse ayşe elif emine emre fatima fatma hamid ' +
		'hassan hatice hussein ibrahim ismail karim khadija malika mehmet meryem mimoun mohamed ' +
		'mohammed muhammed murat mustafa nadia omar priya rachid radj ravi said samira shanti ' +
		'sunita yasmin yasmina youssef yusuf zeynep ' +
		'agnieszka ana carlos jose josé juan katarzyna marek olga piotr tomasz'
	).split(' ')
);
/** An initial: a capital with a period, or alone (`J de Vries`). */
const INITIAL = /^\p{Lu}\.?$/u;
const SURNAME_WORD = /^\p{Lu}[\p{Ll}'’]*\p{Ll}(?:-\p{L}[\p{Ll}'’]*)*$/u;
const HYPHEN_TUSSENVOEGSEL = /-\p{Ll}+$/u;
const NAME_WORDS = /\s+/;
const NAME_SHAPE = /^[^\d@]*[\s,.][^\d@]*$/;
const GLUED_INITIAL = /\.(?=\p{L})/gu;

function nameWords(text: string): string[] {
	return text
		.trim()
		.replace(GLUED_INITIAL, '. ')
		.split(NAME_WORDS)
		.filter((w) => w !== '');
}

function isTussenvoegsel(words: readonly string[], i: number): boolean {
	const w = words[i]!.toLowerCase();
	if (TUSSENVOEGSELS.has(w)) return true;
	return PREPOSITIONS.has(w) && i + 1 < words.length && ARTICLES.has(words[i + 1]!.toLowerCase());
}

function isFirstName(word: string | undefined): boolean {
	if (word === undefined || !SURNAME_WORD.test(word)) return false;
	return word
		.toLowerCase()
		.split('-')
		.every((part) => FIRST_NAMES.has(part));
}

function isPlace(word: string): boolean {
	const w = word.toLowerCase();
	if (PLACE_WORDS.has(w)) return true;
	return PLACE_SUFFIXES.some((s) => w.length > s.length && w.endsWith(s));
}

/** Index after a surname from `i` (tussenvoegsels, a capitalised word, `Jansen-de Boer`), or -1. */
function surnameEnd(words: readonly string[], i: number): number {
	for (let k = 0; k < 3 && i < words.length && isTussenvoegsel(words, i); k++) i++;
	if (i >= words.length || !SURNAME_WORD.test(words[i]!)) return -1;
	i++;
	if (HYPHEN_TUSSENVOEGSEL.test(words[i - 1]!) && i < words.length) {
		if (!SURNAME_WORD.test(words[i]!)) return -1;
		i++;
	}
	return isPlace(words[i - 1]!) ? -1 : i;
}

function initialsEnd(words: readonly string[], i: number): number {
	while (i < words.length && INITIAL.test(words[i]!)) i++;
	return i;
}

/**
 * Whether a value looks like a person's name: `naam` (initials, a salutation, `Jansen, P.`, or a
 * listed first name with a tussenvoegsel and a surname), `naam_zwak` (a listed first name and a
 * surname: only in numbers), or null. Conservative; see docs/import-decisions.md.
 */
export function personNameSignal(raw: string): 'naam' | 'naam_zwak' | null {
	const text = raw.trim();
	// A name has two words at least, or initials, or a comma; never a digit or an @.
	if (text.length < 4 || text.length > 60 || !NAME_SHAPE.test(text)) return null;
	const comma = text.indexOf(',');
	if (comma !== -1) {
		if (text.indexOf(',', comma + 1) !== -1) return null;
		const left = nameWords(text.slice(0, comma));
		const right = nameWords(text.slice(comma + 1));
		if (left.length === 0 || surnameEnd(left, 0) !== left.length) return null;
		let j = initialsEnd(right, 0);
		if (j === 0 && isFirstName(right[0])) j = 1;
		if (j === 0) return null;
		while (j < right.length && isTussenvoegsel(right, j)) j++;
		return j === right.length ? 'naam' : null;
	}
	const words = nameWords(text);
	if (words.length < 2) return null;
	let i = 0;
	const first = words[0]!.toLowerCase().replace(/\.$/, '');
	if (SALUTATIONS.has(first)) i = 1;
	else if (first === 'de' && words[1]!.toLowerCase() === 'heer') i = 2;
	const afterInitials = initialsEnd(words, i);
	if (afterInitials > i) return surnameEnd(words, afterInitials) === words.length ? 'naam' : null;
	if (i > 0) {
		if (isFirstName(words[i]) && surnameEnd(words, i + 1) === words.length) return 'naam';
		return surnameEnd(words, i) === words.length ? 'naam' : null;
	}
	if (!isFirstName(words[0])) return null;
	// `Jan Willem de Vries`: a second first name, when a surname follows it.
	let j = words.length > 2 && isFirstName(words[1]) ? 2 : 1;
	if (surnameEnd(words, j) !== words.length) {
		if (j === 1) return null;
		j = 1;
		if (surnameEnd(words, j) !== words.length) return null;
	}
	return isTussenvoegsel(words, j) ? 'naam' : 'naam_zwak';
}

/**
 * How a column is screened. `id`, `code` and `date` (the exchange format's dossier_id, its code
 * columns and datum, and unknown columns whose values are mostly single tokens) judge bare 9-digit
 * numbers and `1234AB` hex shapes by the column; `text` (free text, fields beyond the header,
 * unknown columns of mostly several words) and `wijk` flag a single one; `wijk` also looks for
 * person names.
 */
export type ColumnKind = 'id' | 'code' | 'date' | 'text' | 'wijk';

const EXCHANGE_KINDS: Record<string, ColumnKind> = {
	dossier_id: 'id',
	corporatie: 'code',
	doelgroep: 'code',
	gebeurtenis: 'code',
	reden: 'code',
	uitkomst: 'code',
	datum: 'date',
	wijk: 'wijk',
	adres_sleutel: 'id'
};
const WIJK_WORDS = new Set([
	'wijk',
	'wijknaam',
	'wijken',
	'buurt',
	'buurtnaam',
	'buurten',
	'stadsdeel',
	'woonwijk'
]);
const TEXT_WORDS = new Set([
	'memo',
	'verslag',
	'samenvatting',
	'tekst',
	'text',
	'notes',
	'note',
	'comment',
	'comments',
	'remark',
	'remarks',
	'description'
]);
const TEXT_STEMS = [
	'opmerking',
	'notitie',
	'toelichting',
	'omschrijving',
	'beschrijving',
	'commentaar',
	'aantekening',
	'bijzonderhe'
];

/** A column's kind from its header: the exchange format's role, a wijk, or a free-text name; null when its values decide. */
export function columnKind(header: string): ColumnKind | null {
	const known = EXCHANGE_KINDS[normalizeCode(header)];
	if (known !== undefined) return known;
	const parts = headerParts(header);
	if (parts.some((p) => WIJK_WORDS.has(p))) return 'wijk';
	const text = (p: string) =>
		TEXT_WORDS.has(p) || p.endsWith('tekst') || TEXT_STEMS.some((s) => p.includes(s));
	return parts.some(text) ? 'text' : null;
}

/** The facts of one value, as bits: its `ValueSignal` (index into SIGNALS) and the flags below. */
const SIGNALS: readonly (ValueSignal | null)[] = [
	null,
	'bsn',
	'iban',
	'postcode',
	'email',
	'telefoon',
	'negen',
	'negen_elfproef',
	'hex_postcode'
];
const SIGNAL_INDEX = new Map(SIGNALS.map((s, i) => [s, i]));
const SIGNAL_BITS = 15;
const NAME = 16;
const WEAK_NAME = 32;

/** Evidence gathered for one column. Shares are per run of equal values (a dossier's rows follow each other). */
interface ColumnEvidence {
	kind: ColumnKind | null;
	/** Non-empty data values, and of the first SHAPE_SAMPLE those with a space between words. */
	values: number;
	spaced: number;
	/** Runs of values with 9 digits as a token (`negen`, `negen_elfproef`), to weigh the column. */
	nineRuns: number;
	/** Distinct such values, and of them those passing the eleven-test: the binomial counts. */
	nine: number;
	passing: number;
	nines: Set<string> | null;
	firstPassing: number;
	hexPostcodes: number;
	firstHexPostcode: number;
	names: number;
	firstName: number;
	weakNames: number;
	firstWeakName: number;
	strong: Map<PersonalDataReason, number>;
	/** Facts of values seen before: dates, codes and labels repeat. */
	cache: Map<string, number>;
	/** The previous value and its facts: the same again adds nothing. */
	last: string;
	lastFacts: number;
}
const CACHE_LIMIT = 4096;
/** The values (runs) of a column of unknown kind whose shape decides it: text or single tokens. */
const SHAPE_SAMPLE = 10_000;

function newEvidence(kind: ColumnKind | null): ColumnEvidence {
	return {
		kind,
		values: 0,
		spaced: 0,
		nineRuns: 0,
		nine: 0,
		passing: 0,
		nines: null,
		firstPassing: 0,
		hexPostcodes: 0,
		firstHexPostcode: 0,
		names: 0,
		firstName: 0,
		weakNames: 0,
		firstWeakName: 0,
		strong: new Map(),
		cache: new Map(),
		last: '',
		lastFacts: 0
	};
}

/** The facts of a value: its signal when `signals`, a person's name when `names` (a wijk). */
function valueFacts(value: string, signals: boolean, names: boolean): number {
	let f = signals ? SIGNAL_INDEX.get(valueSignal(value))! : 0;
	if (names) {
		const name = personNameSignal(value);
		if (name === 'naam') f |= NAME;
		else if (name === 'naam_zwak') f |= WEAK_NAME;
	}
	return f;
}

/** True for `2015-03-01`, `01-03-2015`, `01/03/2015`: eight digits around two equal separators. */
function isDateShape(value: string): boolean {
	const a = value.charCodeAt(4);
	const b = value.charCodeAt(2);
	const at = (a === 45 || a === 47) && a === value.charCodeAt(7) ? 4 : 2;
	if (at === 2 && !((b === 45 || b === 47) && b === value.charCodeAt(5))) return false;
	for (let i = 0; i < 10; i++) {
		if (i === at || i === at + 3) continue;
		const c = value.charCodeAt(i);
		if (c < 48 || c > 57) return false;
	}
	return true;
}

/**
 * Reads one value into its column's evidence and returns its facts (0 when it says nothing);
 * `counted` is false for a header cell (evidence, not shape).
 */
function see(
	e: ColumnEvidence,
	value: string,
	line: number,
	counted: boolean,
	shape = counted
): number {
	if (value === e.last) return e.lastFacts;
	e.last = value;
	e.lastFacts = 0;
	const n = value.length;
	// A date: nothing to find, and the commonest value with digits.
	if (n === 10 && isDateShape(value)) {
		if (counted) e.values++;
		return 0;
	}
	let digits = 0;
	let at = false;
	for (let i = 0; i < n; i++) {
		const c = value.charCodeAt(i);
		if (c >= 48 && c <= 57) digits++;
		else if (c === 64) at = true;
	}
	const word = digits > 0 || at || (n > 0 && value.charCodeAt(0) > 32) || value.trim() !== '';
	// A column of unknown kind: a space between words (text), or one token? Its first values tell.
	if (e.kind === null && shape && e.values < SHAPE_SAMPLE && value.indexOf(' ') !== -1) {
		if (value.trim().indexOf(' ') !== -1) e.spaced++;
	}
	if (!word) return 0;
	if (shape) e.values++;
	const signals = n >= 6 && (digits >= 4 || at);
	const names = e.kind === 'wijk' && digits === 0 && n >= 4;
	if (!signals && !names) return 0;
	let f = e.cache.get(value);
	if (f === undefined) {
		f = valueFacts(value, signals, names);
		if (e.cache.size < CACHE_LIMIT) e.cache.set(value, f);
	}
	e.lastFacts = f;
	if (f === 0) return 0;
	if (f & NAME && e.names++ === 0) e.firstName = line;
	if (f & WEAK_NAME && e.weakNames++ === 0) e.firstWeakName = line;
	const s = SIGNALS[f & SIGNAL_BITS]!;
	if (s === null) return f;
	if (s === 'negen' || s === 'negen_elfproef') {
		// Distinct values for the binomial: an events file repeats a dossier's id on every row.
		if (counted) e.nineRuns++;
		const nines = (e.nines ??= new Set());
		if (nines.has(value)) return f;
		nines.add(value);
		e.nine++;
		if (s === 'negen_elfproef' && e.passing++ === 0) e.firstPassing = line;
	} else if (s === 'hex_postcode') {
		if (e.hexPostcodes++ === 0) e.firstHexPostcode = line;
	} else if (!e.strong.has(s)) e.strong.set(s, line);
	return f;
}

/** The facts a data value gives in a column of this kind (0: none), as `screenColumns` reads it. */
export function columnValueFacts(kind: ColumnKind | null, value: string): number {
	return see(newEvidence(kind), value, 0, true);
}

/** What the weak evidence of a column amounts to, by its kind (an unknown kind: read from its values). */
function weakVerdict(e: ColumnEvidence): { bsn: boolean; postcode: boolean; naam: number | null } {
	const sample = Math.min(e.values, SHAPE_SAMPLE);
	const kind = e.kind ?? (sample > 0 && e.spaced * 2 >= sample ? 'text' : 'id');
	const text = kind === 'text' || kind === 'wijk';
	// An id column of mostly 9-digit numbers: they pass the eleven-test 1 in 11 by chance, so
	// they count only all together (a file of one or two) or far beyond chance. In any other id
	// column a 9-digit number stands out, and one that passes is a BSN.
	const mostlyNine = e.nineRuns * 2 > e.values;
	const bsn =
		e.passing > 0 &&
		(text || !mostlyNine || e.passing === e.nine || bsnBeyondChance(e.nine, e.passing));
	const postcode =
		e.hexPostcodes > 0 && (text || (e.hexPostcodes >= 3 && e.hexPostcodes * 2 > e.values));
	let naam: number | null = null;
	if (kind === 'wijk') {
		const weak = e.weakNames >= 3 && e.weakNames * 2 > e.values;
		if (e.names > 0) naam = weak ? Math.min(e.firstName, e.firstWeakName) : e.firstName;
		else if (weak) naam = e.firstWeakName;
	}
	return { bsn, postcode, naam };
}

/**
 * Display names for a header in which cells that hold personal data (a file without a header row)
 * are named by position only, so a value is never echoed as a column name.
 */
export function safeHeaderNames(header: readonly string[]): string[] {
	return displayNames(header.map((cell) => (valueSignal(cell) === null ? cell : '')));
}

/**
 * Screens every value of the file (header cells, every field of every record, also beyond the
 * header's width) and every header name: one finding per column and reason. A kind found in a
 * single value flags its column; bare 9-digit numbers and `1234AB` hex shapes flag it by the
 * column's kind (see `screenColumns`).
 */
export function screenPersonalData(
	header: readonly string[],
	rows: readonly ParsedRow[],
	headerLine = 1,
	kinds?: readonly (ColumnKind | null | undefined)[]
): PersonalDataFinding[] {
	return screenColumns(header, rows, headerLine, kinds).map((f) => f.finding);
}

/**
 * As `screenPersonalData`, with the index of each finding's column. A column's kind is
 * `kinds[c]` when given, else `columnKind` of its header, else read from its values; fields
 * beyond the header's width are free text.
 */
export function screenColumns(
	header: readonly string[],
	rows: readonly ParsedRow[],
	headerLine = 1,
	kinds?: readonly (ColumnKind | null | undefined)[]
): { index: number; finding: PersonalDataFinding }[] {
	const evidence: ColumnEvidence[] = [];
	const column = (c: number) =>
		(evidence[c] ??= newEvidence(
			kinds?.[c] ?? (c < header.length ? columnKind(header[c]!) : 'text')
		));
	for (let c = 0; c < header.length; c++) see(column(c), header[c]!, headerLine, false);
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r]!;
		const fields = row.fields;
		for (let c = 0; c < fields.length; c++) see(column(c), fields[c]!, row.line, true);
	}

	return findingsOf(header, evidence);
}

/** The run values of one column that may give a signal, and the shape counts of all its runs. */
export interface ColumnRuns {
	/** Runs (a value unlike the one above it, the header cell first) that count as values. */
	values: number;
	/** Of the runs before the SHAPE_SAMPLE-th value, those with a space between words. */
	spaced: number;
	/** In line order: every run value that may give a signal (more is harmless: it is read again). */
	candidates: readonly { value: string; line: number }[];
}

/**
 * As `screenColumns` for the columns of the header, from their runs as the engine found them
 * (native import): the same evidence, so the same findings. A file wider than its header is not
 * screened this way.
 */
export function screenRuns(
	header: readonly string[],
	columns: readonly ColumnRuns[],
	headerLine = 1
): { index: number; finding: PersonalDataFinding }[] {
	const evidence: ColumnEvidence[] = [];
	for (let c = 0; c < header.length; c++) {
		const e = (evidence[c] = newEvidence(columnKind(header[c]!)));
		see(e, header[c]!, headerLine, false);
		const runs = columns[c]!;
		for (const { value, line } of runs.candidates) {
			// Each candidate starts a run of its own: never the value seen last.
			e.last = '\u0000';
			see(e, value, line, true, false);
		}
		e.values = runs.values;
		e.spaced = runs.spaced;
	}
	return findingsOf(header, evidence);
}

function findingsOf(
	header: readonly string[],
	evidence: readonly ColumnEvidence[]
): { index: number; finding: PersonalDataFinding }[] {
	const width = Math.max(header.length, evidence.length);
	const names = safeHeaderNames(header);
	for (let c = names.length; c < width; c++) names.push(`(kolom ${c + 1})`);
	const out: { index: number; finding: PersonalDataFinding }[] = [];
	for (let c = 0; c < width; c++) {
		const found = new Map<PersonalDataReason, number | null>();
		if (c < header.length && isSuspiciousHeader(header[c]!)) found.set('kolomnaam', null);
		const e = evidence[c];
		if (e) {
			for (const [reason, line] of e.strong) found.set(reason, line);
			const weak = weakVerdict(e);
			if (!found.has('bsn') && weak.bsn) found.set('bsn', e.firstPassing);
			if (!found.has('postcode') && weak.postcode) found.set('postcode', e.firstHexPostcode);
			if (weak.naam !== null) found.set('naam', weak.naam);
		}
		const inColumn = [...found].sort(
			(a, b) => (a[1] ?? 0) - (b[1] ?? 0) || REASON_ORDER.indexOf(a[0]) - REASON_ORDER.indexOf(b[0])
		);
		for (const [reason, line] of inColumn) {
			out.push({ index: c, finding: { column: names[c]!, reason, line } });
		}
	}
	return out;
}

/**
 * Screens the values of one id column together (the rules of an `id` column: a 9-digit number
 * passing the eleven-test is a BSN unless the column is mostly 9-digit numbers and it may be chance):
 * the reason for each value that is personal data, counting each value once. Used for the IDs of
 * a DDAS delivery.
 */
export function screenIdValues(values: Iterable<string>): Map<string, PersonalDataReason> {
	const e = newEvidence('id');
	// Only values with a signal are kept: most ids have none.
	const signalled = new Map<string, ValueSignal>();
	const seen = new Set<string>();
	for (const v of values) {
		if (seen.has(v)) continue;
		seen.add(v);
		const s = SIGNALS[see(e, v, 0, true) & SIGNAL_BITS];
		if (s) signalled.set(v, s);
	}
	const weak = weakVerdict(e);
	const out = new Map<string, PersonalDataReason>();
	for (const [v, s] of signalled) {
		if (s === 'negen') continue;
		if (s === 'negen_elfproef') {
			if (weak.bsn) out.set(v, 'bsn');
		} else if (s === 'hex_postcode') {
			if (weak.postcode) out.set(v, 'postcode');
		} else out.set(v, s);
	}
	return out;
}

const REASON_ORDER: readonly PersonalDataReason[] = [
	'kolomnaam',
	'bsn',
	'iban',
	'postcode',
	'email',
	'telefoon',
	'naam'
];

const REASON_TEXT: Record<PersonalDataReason, string> = {
	kolomnaam: 'de kolomnaam wijst op persoonsgegevens',
	bsn: 'bevat een BSN (9 cijfers die de elfproef doorstaan)',
	iban: 'bevat een IBAN-rekeningnummer',
	postcode: 'bevat een postcode',
	email: 'bevat een e-mailadres',
	telefoon: 'bevat een telefoonnummer',
	naam: 'bevat namen van personen'
};

/** Dutch text of a reason, e.g. `bevat een telefoonnummer`. */
export function reasonText(reason: PersonalDataReason): string {
	return REASON_TEXT[reason];
}

/** Dutch description of one finding, e.g. `kolom ‘bsn’: de kolomnaam wijst op persoonsgegevens`. */
export function describeFinding(f: PersonalDataFinding): string {
	const where = f.line === null ? '' : ` (eerst op regel ${f.line})`;
	return `kolom ‘${f.column}’: ${REASON_TEXT[f.reason]}${where}`;
}
