/**
 * What a picked file is, before anything is loaded: an exchange file, a delivery, a source
 * profile, the werkgroep key (a one-line text file), or a party's own export; with the header of
 * each sheet, so that profiles can be matched without reading the file again. Runs in the import
 * worker, so that reading a workbook never blocks the page.
 */
import { fileHead, isExchangeFile, isProfileFile } from './profiles/match';
import type { InputFile } from './types';
import { isWorkbook, workbookSheets } from './workbook';

export type FileKind = 'uitwisselformaat' | 'ddas' | 'profiel' | 'sleutel' | 'export';

/** One picked file, as far as the page needs to know before loading. */
export interface FileInspection {
	name: string;
	kind: FileKind;
	/** The header (trimmed) per sheet; a CSV file has one entry with `sheet: null`. Empty for a key, a profile or a delivery. */
	heads: { sheet: string | null; header: string[] }[];
}

/** The largest file that can be a key: a passphrase, not a table. */
const KEY_BYTES = 1024;

/**
 * True when the file looks like the werkgroep key: small, valid UTF-8, one line of text with no
 * delimiter of a table (`,`, `;`, tab) and no `{`. Its content is never shown.
 */
export function isKeyFile(bytes: Uint8Array): boolean {
	if (bytes.length === 0 || bytes.length > KEY_BYTES || isWorkbook(bytes)) return false;
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return false;
	}
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	return (
		trimmed !== '' &&
		!/[\r\n]/.test(trimmed) &&
		!/[,;\t]/.test(trimmed) &&
		!trimmed.startsWith('{') &&
		// Control characters: a binary file, not a passphrase.
		// eslint-disable-next-line no-control-regex
		!/[\u0000-\u0008\u000e-\u001f]/.test(trimmed)
	);
}

/** The header of every sheet of a workbook, or of the CSV file. */
function heads(bytes: Uint8Array): FileInspection['heads'] {
	if (!isWorkbook(bytes)) {
		const head = fileHead(bytes, undefined, 0);
		return head ? [{ sheet: null, header: head.header }] : [];
	}
	// Every sheet in workbook order (an empty one with no header): a profile without `werkblad` reads the first.
	return (workbookSheets(bytes) ?? []).map((s) => ({
		sheet: s.sheet,
		header: s.empty ? [] : (fileHead(s.csv, undefined, 0)?.header ?? [])
	}));
}

/**
 * What the file is, with its headers; `isDelivery` says whether a delivery kind claims it (the
 * registry's kindOf, above this layer). Never throws: an unreadable file is an `export` without
 * heads (the importer refuses it with its own message).
 */
export function inspectFile(
	file: InputFile,
	isDelivery: (bytes: Uint8Array) => boolean
): FileInspection {
	const { name, bytes } = file;
	try {
		if (isDelivery(bytes)) return { name, kind: 'ddas', heads: [] };
		if (isProfileFile(file)) return { name, kind: 'profiel', heads: [] };
		if (isExchangeFile(bytes)) return { name, kind: 'uitwisselformaat', heads: heads(bytes) };
		if (isKeyFile(bytes)) return { name, kind: 'sleutel', heads: [] };
		return { name, kind: 'export', heads: heads(bytes) };
	} catch {
		return { name, kind: 'export', heads: [] };
	}
}
