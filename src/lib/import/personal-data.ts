/** Step 5: the personal-data guard: flags columns whose name or values look like personal data. */
import { normalizeCode } from '../domain/codes';
import type { PersonalDataFinding, PersonalDataReason } from './types';
import { displayNames } from './header';
import type { ParsedRow } from './parse';

/** Header words that point at personal data (normalized: lower case, `_` for spaces and hyphens). */
const SUSPICIOUS_WORDS = [
	'bsn',
	'burgerservicenummer',
	'sofinummer',
	'sofi_nummer',
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
	'first_name',
	'last_name',
	'full_name',
	'adres',
	'woonadres',
	'address',
	'straat',
	'straatnaam',
	'huisnummer',
	'huisnr',
	'postcode',
	'zipcode',
	'geboortedatum',
	'geboortedag',
	'geb_datum',
	'date_of_birth',
	'birth_date',
	'email',
	'e_mail',
	'emailadres',
	'e_mailadres',
	'telefoon',
	'telefoonnummer',
	'telefoonnr',
	'telnr',
	'tel_nr',
	'mobiel',
	'mobiel_nummer',
	'mobielnummer',
	'gsm',
	'phone',
	'iban',
	'rekeningnummer',
	'bankrekening',
	'bankrekeningnummer',
	'contractnummer',
	'huurcontractnummer'
];
const WORD_SET = new Set(SUSPICIOUS_WORDS);
/** Prefixes that make a `…_naam` column the name of an organisation or area, not of a person. */
const NON_PERSONAL_NAME_PREFIXES = [
	'corporatie',
	'wijk',
	'organisatie',
	'gemeente',
	'instantie',
	'team',
	'bestand'
];

/** True when a header names personal data: a suspicious word as the whole name, or as its first or last `_` part. */
export function isSuspiciousHeader(name: string): boolean {
	const h = normalizeCode(name);
	if (h === '') return false;
	if (WORD_SET.has(h)) return true;
	for (const w of SUSPICIOUS_WORDS) {
		if (h.startsWith(w + '_')) return true;
		if (h.endsWith('_' + w)) {
			if (
				(w === 'naam' || w === 'name') &&
				NON_PERSONAL_NAME_PREFIXES.some((p) => h.startsWith(p))
			) {
				continue;
			}
			return true;
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

const POSTCODE = /^[1-9]\d{3} ?[A-Za-z]{2}$/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const PHONE_SEPARATORS = /[\s\-().]/g;
const MOBILE = /^06\d{8}$/;
const INTERNATIONAL = /^(?:\+|00)31\d{9}$/;
const LANDLINE = /^0[1-9]\d{8}$/;
/** A landline counts only when written with its area code apart, e.g. `023-5115115`, `(023) 511 51 15`. */
const LANDLINE_WRITTEN = /^\(?0\d{1,3}\)?[\s-]\d/;
const BSN_SEPARATORS = /[\s.]/g;
const NINE_DIGITS = /^\d{9}$/;

/** True for a Dutch phone number: `06` + 8 digits, `+31`/`0031` + 9 digits, or a written-apart landline. */
export function isPhoneNumber(value: string): boolean {
	const digits = value.replace(PHONE_SEPARATORS, '');
	if (MOBILE.test(digits) || INTERNATIONAL.test(digits)) return true;
	return LANDLINE.test(digits) && LANDLINE_WRITTEN.test(value);
}

/** True for a 9-digit number (spaces or dots allowed) that passes the BSN eleven-test. */
export function isBsn(value: string): boolean {
	const digits = value.length === 9 ? value : value.replace(BSN_SEPARATORS, '');
	return NINE_DIGITS.test(digits) && passesElevenTest(digits);
}

/** Classifies one value: the kind of personal data it looks like, or null. */
export function classifyValue(raw: string): PersonalDataReason | null {
	const v = raw.trim();
	const n = v.length;
	if (n < 6) return null;
	if (v.indexOf('@') !== -1) return EMAIL.test(v) ? 'email' : null;
	const c = v.charCodeAt(0);
	if (c >= 48 && c <= 57) {
		if (n <= 11 && isBsn(v)) return 'bsn';
		if (n <= 7 && POSTCODE.test(v)) return 'postcode';
		if (c === 48 && isPhoneNumber(v)) return 'telefoon';
		return null;
	}
	if (c === 43 || c === 40) return isPhoneNumber(v) ? 'telefoon' : null;
	if (n >= 15 && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return isIban(v) ? 'iban' : null;
	return null;
}

/** Screens every column (header and values, unknown columns included): one finding per column and reason. */
export function screenPersonalData(
	header: readonly string[],
	rows: readonly ParsedRow[],
	headerLine = 1
): PersonalDataFinding[] {
	const names = displayNames(header);
	const findings: { index: number; finding: PersonalDataFinding }[] = [];
	const found: Set<PersonalDataReason>[] = header.map(() => new Set());
	for (let c = 0; c < header.length; c++) {
		if (isSuspiciousHeader(header[c]!)) {
			found[c]!.add('kolomnaam');
			findings.push({ index: c, finding: { column: names[c]!, reason: 'kolomnaam', line: null } });
		}
		// A file without a header row has its first data row read as header: screen it as values too.
		const reason = classifyValue(header[c]!);
		if (reason !== null && !found[c]!.has(reason)) {
			found[c]!.add(reason);
			findings.push({ index: c, finding: { column: names[c]!, reason, line: headerLine } });
		}
	}
	const width = header.length;
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r]!;
		const fields = row.fields;
		const end = fields.length < width ? fields.length : width;
		for (let c = 0; c < end; c++) {
			const reason = classifyValue(fields[c]!);
			if (reason !== null && !found[c]!.has(reason)) {
				found[c]!.add(reason);
				findings.push({ index: c, finding: { column: names[c]!, reason, line: row.line } });
			}
		}
	}
	findings.sort((a, b) => a.index - b.index);
	return findings.map((f) => f.finding);
}

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
