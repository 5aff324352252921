/** Step 5: the personal-data guard: flags columns whose name or values look like personal data. */
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
	'huurcontractnummer'
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
	'sofi_nr'
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
	{ stem: 'huisnummer', at: 'any' }
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

/** True when a header names personal data: a suspicious word or pair among its parts, or a compound with a personal stem. */
export function isSuspiciousHeader(name: string): boolean {
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

const PLAIN_DATE = /^(?:\d{4}-\d\d-\d\d|\d\d?[-/]\d\d?[-/]\d{4})$/;
const POSTCODE = /^[1-9]\d{3} ?[A-Za-z]{2}$/;
const HEX_LETTERS = /[A-Fa-f]{2}$/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
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
const BSN_GROUPED_IN_TEXT =
	/(?<![\d.,-])(?:\d{3}([ .-])\d{3}\1\d{3}|\d{4}\.\d{2}\.\d{3})(?![\d.,-]?\d)/g;
const BSN_KEYWORD_IN_TEXT =
	/(?:bsn|burgerservicenummer|sofi-?nummer)\W{0,3}((?:\d[ .-]?){8}\d)(?!\d)/gi;
const BSN_KEYWORD = /bsn|burgerservice|sofi/i;
const NINE_IN_TEXT = /(?<!\d)\d{9}(?!\d)/g;
const PHONE_IN_TEXT =
	/(?:(?:\+|00)\s?31[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){8}|(?<!\d)06[\s-]?(?:\d[\s-]?){7}\d|(?<![\d-])\(?0\d{2,3}\)?[\s-]\d(?:[\s-]?\d){5,6})(?![\d-]?\d)/;
const IBAN_IN_TEXT = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){10,32}/g;
const POSTCODE_IN_TEXT = /(?<![\dA-Za-z])[1-9]\d{3}( ?)([A-Z]{2})(?![A-Za-z\d])/g;

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
 * or weak evidence that only counts in numbers: `negen` (9 bare digits that fail the eleven-test),
 * `negen_elfproef` (pass it, as 1 in 11 random numbers do), `hex_postcode` (`1234AB` with
 * letters A–F, as a hex pseudonym can look).
 */
export type ValueSignal = PersonalDataReason | 'negen' | 'negen_elfproef' | 'hex_postcode';

/** The signal of one value, or null. Checks the whole value first, then what stands inside text. */
export function valueSignal(raw: string): ValueSignal | null {
	const v = raw.trim();
	const n = v.length;
	if (n < 6) return null;
	if (v.indexOf('@') !== -1 && EMAIL.test(v)) return 'email';
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
	if (isPhoneNumber(v)) return 'telefoon';
	if (n >= 15 && isIban(v.replace(/-/g, ''))) return 'iban';
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
	if (BSN_KEYWORD.test(v)) {
		for (const m of v.matchAll(BSN_KEYWORD_IN_TEXT)) if (isBsn(m[1]!)) return 'bsn';
	}
	for (const m of v.matchAll(BSN_GROUPED_IN_TEXT)) if (isBsn(m[0])) return 'bsn';
	for (const m of v.matchAll(IBAN_IN_TEXT)) {
		const s = m[0].replace(/[ -]/g, '').toUpperCase();
		const length = IBAN_LENGTH[s.slice(0, 2)];
		if (length !== undefined && s.length >= length && isIban(s.slice(0, length))) return 'iban';
	}
	if (PHONE_IN_TEXT.test(v)) return 'telefoon';
	let weak = postcodeInText(v);
	if (weak === 'postcode') return weak;
	for (const m of v.matchAll(NINE_IN_TEXT)) {
		if (passesElevenTest(m[0])) return 'negen_elfproef';
		weak ??= 'negen';
	}
	return weak;
}

function postcodeInText(v: string): ValueSignal | null {
	let weak: ValueSignal | null = null;
	for (const m of v.matchAll(POSTCODE_IN_TEXT)) {
		if (m[1] === ' ' || !HEX_LETTERS.test(m[2]!)) return 'postcode';
		weak = 'hex_postcode';
	}
	return weak;
}

/** The kind of personal data one value is evidence of on its own, or null (weak signals count only per column). */
export function classifyValue(raw: string): PersonalDataReason | null {
	const s = valueSignal(raw);
	return s === null || s === 'negen' || s === 'negen_elfproef' || s === 'hex_postcode' ? null : s;
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

/** Evidence gathered for one column. */
interface ColumnEvidence {
	values: number;
	nine: number;
	passing: number;
	firstPassing: number;
	hexPostcodes: number;
	firstHexPostcode: number;
	strong: Map<PersonalDataReason, number>;
	/** Signals of values seen before: dates, codes and labels repeat. */
	cache: Map<string, ValueSignal | null>;
	/** The previous value and its signal: a dossier's rows follow each other in an export. */
	last: string;
	lastSignal: ValueSignal | null;
}
const CACHE_LIMIT = 4096;

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
 * single value flags its column; bare 9-digit numbers flag it only when far more of them pass the
 * eleven-test than chance would, and `1234AB`-shaped values with letters A–F only when most of
 * the column looks like that.
 */
export function screenPersonalData(
	header: readonly string[],
	rows: readonly ParsedRow[],
	headerLine = 1
): PersonalDataFinding[] {
	return screenColumns(header, rows, headerLine).map((f) => f.finding);
}

/** As `screenPersonalData`, with the index of each finding's column. */
export function screenColumns(
	header: readonly string[],
	rows: readonly ParsedRow[],
	headerLine = 1
): { index: number; finding: PersonalDataFinding }[] {
	const evidence: ColumnEvidence[] = [];
	const column = (c: number) =>
		(evidence[c] ??= {
			values: 0,
			nine: 0,
			passing: 0,
			firstPassing: 0,
			hexPostcodes: 0,
			firstHexPostcode: 0,
			strong: new Map(),
			cache: new Map(),
			last: '',
			lastSignal: null
		});
	const see = (c: number, value: string, line: number) => {
		if (value.length < 6) {
			if (value.trim() !== '') column(c).values++;
			return;
		}
		const e = column(c);
		e.values++;
		let s: ValueSignal | null | undefined;
		if (value === e.last) s = e.lastSignal;
		else {
			if (cannotSignal(value)) return;
			s = e.cache.get(value);
			if (s === undefined) {
				s = valueSignal(value);
				if (e.cache.size < CACHE_LIMIT) e.cache.set(value, s);
			}
			e.last = value;
			e.lastSignal = s;
		}
		if (s === null) return;
		if (s === 'negen') e.nine++;
		else if (s === 'negen_elfproef') {
			if (e.passing++ === 0) e.firstPassing = line;
			e.nine++;
		} else if (s === 'hex_postcode') {
			if (e.hexPostcodes++ === 0) e.firstHexPostcode = line;
		} else if (!e.strong.has(s)) e.strong.set(s, line);
	};
	for (let c = 0; c < header.length; c++) see(c, header[c]!, headerLine);
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r]!;
		const fields = row.fields;
		for (let c = 0; c < fields.length; c++) see(c, fields[c]!, row.line);
	}

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
			if (!found.has('bsn') && bsnBeyondChance(e.nine, e.passing)) found.set('bsn', e.firstPassing);
			if (!found.has('postcode') && e.hexPostcodes >= 3 && e.hexPostcodes * 2 > e.values) {
				found.set('postcode', e.firstHexPostcode);
			}
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

const REASON_ORDER: readonly PersonalDataReason[] = [
	'kolomnaam',
	'bsn',
	'iban',
	'postcode',
	'email',
	'telefoon'
];

const REASON_TEXT: Record<PersonalDataReason, string> = {
	kolomnaam: 'de kolomnaam wijst op persoonsgegevens',
	bsn: 'bevat een BSN (9 cijfers die de elfproef doorstaan)',
	iban: 'bevat een IBAN-rekeningnummer',
	postcode: 'bevat een postcode',
	email: 'bevat een e-mailadres',
	telefoon: 'bevat een telefoonnummer'
};

/** Dutch description of one finding, e.g. `kolom ‘bsn’: de kolomnaam wijst op persoonsgegevens`. */
export function describeFinding(f: PersonalDataFinding): string {
	const where = f.line === null ? '' : ` (eerst op regel ${f.line})`;
	return `kolom ‘${f.column}’: ${REASON_TEXT[f.reason]}${where}`;
}
