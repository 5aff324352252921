/** Small builders for the import tests: files from text, Windows-1252 bytes by hand. */
import type { InputFile } from '../../../src/lib/import/types';

const utf8 = new TextEncoder();

/** UTF-8 bytes of a text. */
export function bytes(text: string): Uint8Array {
	return utf8.encode(text);
}

/** An input file holding the UTF-8 text. */
export function file(name: string, text: string): InputFile {
	return { name, bytes: bytes(text) };
}

/** Windows-1252 bytes of a text made of ASCII and Latin-1 letters (and €), byte by byte. */
export function win1252(text: string): Uint8Array {
	return Uint8Array.from(
		[...text].map((ch) => {
			if (ch === '€') return 0x80;
			const code = ch.charCodeAt(0);
			if (code > 0xff || (code >= 0x80 && code <= 0x9f))
				throw new Error(`not in the test table: ${ch}`);
			return code;
		})
	);
}

/** Lines joined with the given line ending (CRLF by default, as Excel writes). */
export function lines(rows: string[], eol = '\r\n'): string {
	return rows.join(eol) + eol;
}
