/** How the import report names a file's form and its columns not loaded, in Dutch; pure. */
import type { FileReport } from '../import/types';
import { countNoun } from './letter/grammar';

const ENCODINGS: Record<FileReport['encoding'], string> = {
	'utf-8': 'UTF-8',
	'utf-8-bom': 'UTF-8 met BOM',
	'windows-1252': 'Windows-1252'
};
const DELIMITERS: Record<FileReport['delimiter'], string> = {
	',': 'komma',
	';': 'puntkomma',
	'\t': 'tab'
};

/**
 * The form of a file as read: `UTF-8, puntkomma` for a CSV; `Excel-werkmap` for a sheet of a
 * workbook, which has no encoding or delimiter of its own.
 */
export function fileFormText(
	file: Pick<FileReport, 'encoding' | 'delimiter' | 'workbook'>
): string {
	if (file.workbook) return 'Excel-werkmap';
	return `${ENCODINGS[file.encoding]}, ${DELIMITERS[file.delimiter]}`;
}

/** The columns a profile did not load: `1 kolom`, `12 kolommen, waarvan met persoonsgegevens`. */
export function notLoadedText(
	file: Pick<FileReport, 'unknownColumns' | 'personalDataNotLoaded'>
): string {
	const n = file.unknownColumns.length;
	const personal = file.personalDataNotLoaded.length > 0 ? ', waarvan met persoonsgegevens' : '';
	return `${countNoun(n, 'kolom', 'kolommen')}${personal}`;
}
