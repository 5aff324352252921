/**
 * How much a browser tab can import. Measured (npm run bench): a 3-million-event export (125 MB)
 * peaks at about 2.6 GB in the tab; the import worker's heap grows with the input, about 25 times
 * its size, and a worker past its heap limit takes the whole tab down. So a load is refused before
 * it starts when the files are larger than the heap allows, with a message, and nothing that was
 * loaded is touched.
 */

/** The largest input (bytes, all files together) a tab is asked to import. */
export const MAX_IMPORT_BYTES = 160_000_000;
/** The worker's heap use per byte of input, as measured. */
const HEAP_PER_BYTE = 25;

/** The limit for this browser: the fixed maximum, lower where the JS heap limit is smaller. */
export function importLimit(jsHeapSizeLimit?: number): number {
	return jsHeapSizeLimit
		? Math.min(MAX_IMPORT_BYTES, jsHeapSizeLimit / HEAP_PER_BYTE)
		: MAX_IMPORT_BYTES;
}

/** A size the Dutch way: kB below 100 kB, MB with one decimal below 10 MB, whole MB above. */
function size(bytes: number): string {
	if (bytes < 100_000) return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
	const mb = bytes / 1e6;
	return `${mb.toLocaleString('nl-NL', { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}

/**
 * A Dutch message for a workbook whose XML parts inflate past the limit: the limit counts what is
 * read, and a workbook's XML is many times larger than its file (and than the same data as CSV).
 */
export function inflatedSizeRefusal(
	name: string,
	inflated: number,
	fileBytes: number,
	limit = MAX_IMPORT_BYTES
): string {
	return (
		`${name}: deze werkmap pakt uit tot ${size(inflated)} aan werkbladgegevens (het bestand ` +
		`zelf is ${size(fileBytes)}); er kan hoogstens ${size(limit)} worden ingelezen, ` +
		'dus de werkmap is niet gelezen. Sla de werkbladen op als CSV UTF-8 (veel kleiner) of splits de werkmap.'
	);
}

/** A Dutch message for a workbook whose sheets, written as CSV text, would pass the limit. */
export function workbookCsvRefusal(name: string, sheet: string, limit = MAX_IMPORT_BYTES): string {
	return (
		`${name}: de werkbladen worden als tekst samen groter dan ${size(limit)} (bij werkblad ` +
		`‘${sheet}’, door zeer veel of zeer brede rijen); zoveel kan niet worden ingelezen, dus de ` +
		'werkmap is niet gelezen. Verwijder lege kolommen en rijen of splits de werkmap.'
	);
}

/** A Dutch message when the files are too large for this tab, else null. */
export function sizeRefusal(
	files: readonly { name: string; bytes: Uint8Array }[],
	limit: number
): string | null {
	const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
	if (total <= limit) return null;
	const mb = (n: number) => Math.round(n / 1e6).toLocaleString('nl-NL');
	const events = (limit / 42 / 1e6).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
	return (
		`De bestanden zijn samen ${mb(total)} MB; deze browser kan ongeveer ${mb(limit)} MB ` +
		`(zo'n ${events} miljoen gebeurtenissen) inlezen zonder dat het tabblad vastloopt. ` +
		'Er is niets geladen en de huidige gegevens blijven staan. Splits de export (bijvoorbeeld per ' +
		'jaar of per corporatie) of gebruik de opdrachtregel: npm run evaluate.'
	);
}
