/** Step 1: raw bytes to text, detecting the encoding and refusing empty or binary files. */
import type { Encoding } from './types';
import type { Refusal } from './refusal';

export type DecodeResult =
	| {
			ok: true;
			text: string;
			encoding: Encoding;
			/** A UTF-8 file with stray Windows-1252 bytes: the physical lines decoded as Windows-1252. */
			windows1252Lines?: number[];
	  }
	| { ok: false; refusal: Refusal };

/** How many leading bytes are sampled for control characters. */
const SAMPLE = 64 * 1024;
/** The longest text a JavaScript engine holds (V8: 2^29 − 24 characters); a byte is at most one. */
export const MAX_TEXT_LENGTH = 2 ** 29 - 24;

/** Decodes a file's bytes: UTF-8 (BOM stripped) when valid, else Windows-1252; refuses empty and binary files. */
export function decodeBytes(fileName: string, bytes: Uint8Array): DecodeResult {
	if (bytes.length === 0) return refuse('leeg', `${fileName}: het bestand is leeg.`);
	if (bytes.length > MAX_TEXT_LENGTH) {
		const mb = Math.round(bytes.length / 1e6).toLocaleString('nl-NL');
		return refuse(
			'te_groot',
			`${fileName}: het bestand is ${mb} MB, te groot om als tekst te lezen (hoogstens ${Math.floor(MAX_TEXT_LENGTH / 1e6)} MB). Splits de export, bijvoorbeeld per jaar of per corporatie.`
		);
	}
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		return refuse(
			'geen_csv',
			`${fileName}: het bestand is in UTF-16 opgeslagen; sla het op als ‘CSV UTF-8’ of als gewone CSV.`
		);
	}
	if (looksBinary(bytes)) {
		const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
		if (zip) {
			return refuse(
				'binair',
				`${fileName}: dit is een Excel-werkmap of zip-bestand, geen CSV; sla het werkblad op als CSV.`
			);
		}
		const nul = bytes.indexOf(0);
		if (nul !== -1) {
			const { line, column } = positionOf(bytes, nul);
			return refuse(
				'binair',
				`${fileName}: dit is geen tekstbestand: regel ${line}, positie ${column} (byte ${nul + 1}) bevat een NUL-byte. Lever een CSV-bestand aan.`
			);
		}
		return refuse(
			'binair',
			`${fileName}: dit is geen tekstbestand (binaire gegevens); lever een CSV-bestand aan.`
		);
	}
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = bom ? bytes.subarray(3) : bytes;
	let text: string;
	let encoding: Encoding;
	let windows1252Lines: number[] | undefined;
	const utf8 = decodeUtf8(body);
	if (utf8 !== null) {
		text = utf8;
		encoding = bom ? 'utf-8-bom' : 'utf-8';
	} else {
		const mixed = decodeMixed(body, bom);
		if (mixed !== null) {
			text = mixed.text;
			windows1252Lines = mixed.lines;
			encoding = bom ? 'utf-8-bom' : 'utf-8';
		} else {
			text = decodeWindows1252(body);
			encoding = 'windows-1252';
		}
	}
	if (!/\S/.test(text)) return refuse('leeg', `${fileName}: het bestand is leeg.`);
	return windows1252Lines
		? { ok: true, text, encoding, windows1252Lines }
		: { ok: true, text, encoding };
}

/**
 * A file that is UTF-8 except for some lines (an edit in Excel or Notepad saved as ANSI): each
 * line that is not valid UTF-8 is decoded as Windows-1252. Null when no line shows UTF-8 at all
 * (a BOM or a valid multi-byte sequence): then the whole file is Windows-1252.
 */
export function decodeMixed(
	bytes: Uint8Array,
	bom: boolean
): { text: string; lines: number[] } | null {
	const parts: string[] = [];
	const lines: number[] = [];
	let utf8Evidence = bom;
	let runStart = 0;
	let line = 1;
	let start = 0;
	const n = bytes.length;
	while (start < n) {
		let end = start;
		let high = false;
		while (end < n && bytes[end] !== 0x0a && bytes[end] !== 0x0d) {
			if (bytes[end]! >= 0x80) high = true;
			end++;
		}
		// The line break: LF, CRLF or a lone CR, as the parser counts lines.
		let next = end;
		if (next < n) next += bytes[next] === 0x0d && bytes[next + 1] === 0x0a ? 2 : 1;
		if (high) {
			if (isUtf8(bytes, start, end)) utf8Evidence = true;
			else {
				if (start > runStart) parts.push(decodeUtf8(bytes.subarray(runStart, start)) ?? '');
				parts.push(decodeWindows1252(bytes.subarray(start, next)));
				lines.push(line);
				runStart = next;
			}
		}
		start = next;
		line++;
	}
	if (!utf8Evidence || lines.length === 0) return null;
	if (runStart < n) parts.push(decodeUtf8(bytes.subarray(runStart)) ?? '');
	return { text: parts.join(''), lines };
}

/** True when bytes[start, end) are valid UTF-8 (no overlongs, no surrogates, at most U+10FFFF). */
function isUtf8(bytes: Uint8Array, start: number, end: number): boolean {
	return decodeUtf8(bytes.subarray(start, end)) !== null;
}

/** The 1-based line and column of a byte offset (lines end at LF, CRLF or CR). */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset; i++) {
		const b = bytes[i];
		if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}

/** Decodes strict UTF-8, or returns null when the bytes are not valid UTF-8 (a text too long throws: that is no reason to read Windows-1252). */
export function decodeUtf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch (error) {
		if (error instanceof TypeError) return null;
		throw error;
	}
}

/** Bytes 0x80–0x9F of Windows-1252 (WHATWG index); 0x81, 0x8D, 0x8F, 0x90, 0x9D stay C1 controls. */
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1 = /[\u0080-\u009f]/g;

/** Decodes Windows-1252 as browsers do, also where Node's TextDecoder treats it as Latin-1 (nodejs/node#60888). */
export function decodeWindows1252(bytes: Uint8Array): string {
	const text = new TextDecoder('windows-1252').decode(bytes);
	return text.replace(C1, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]!);
}

/** True for bytes with a NUL anywhere, or more than 1% (and at least two) control characters in the first 64 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
	if (bytes.indexOf(0) !== -1) return true;
	const end = Math.min(bytes.length, SAMPLE);
	let control = 0;
	for (let i = 0; i < end; i++) {
		const b = bytes[i]!;
		if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) control++;
	}
	return control > 1 && control * 100 > end;
}

function refuse(code: Refusal['code'], message: string): DecodeResult {
	return { ok: false, refusal: { code, message } };
}
