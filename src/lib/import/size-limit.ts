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

/*
 * What is read, not only what is given: a source profile can make many rows from few bytes (a
 * date column listed a thousand times in a wide profile), so the rows the files give are bounded
 * by the same limit, as rows: the measured export held about 42 bytes per event row (125 MB for
 * 3 million), so a limit of L bytes allows L / 42 rows (dossier and event rows together), the
 * rows a tab holds at that limit. The command line uses the same limits.
 */

/** Input bytes per row at the measured limit: 125 MB held 3 million event rows. */
export const BYTES_PER_ROW = 42;

/** The rows (dossier and event rows together) an import may make within a byte limit. */
export function rowBudget(byteLimit: number): number {
	return Math.floor(byteLimit / BYTES_PER_ROW);
}

/** A Dutch message for a file read through a profile that makes more rows than the budget left. */
export function rowRefusal(fileName: string, profileName: string, budget: number): string {
	const rows = budget.toLocaleString('nl-NL');
	return (
		`${fileName}: profiel ‘${profileName}’ maakt uit dit bestand meer dan ${rows} rijen ` +
		`(dossiers en gebeurtenissen samen, met de andere bestanden); meer past niet in het geheugen. ` +
		'Er is niets van dit bestand geladen. Controleer of het profiel een kolom vaker noemt dan ' +
		'bedoeld, of splits de export (bijvoorbeeld per jaar of per corporatie).'
	);
}

/** A Dutch message for a file with more data rows than the budget left. */
export function rowsRefusal(fileName: string, budget: number): string {
	return (
		`${fileName}: het bestand heeft meer dan ${budget.toLocaleString('nl-NL')} rijen ` +
		'(met de andere bestanden); meer past niet in het geheugen. Er is niets van dit bestand ' +
		'geladen. Splits de export (bijvoorbeeld per jaar of per corporatie).'
	);
}

/**
 * Peak memory of the command line on native DuckDB per byte of exchange CSV it reads (the native
 * import, issue 20): measured 4.77 GB peak RSS for 262 MB (5,136,579 events), 1.22 GB for 53 MB;
 * rounded up. The bytes of the file, its columns as Arrow and DuckDB's tables are all in memory.
 */
export const NATIVE_MEMORY_PER_BYTE = 20;
/** Memory the evaluator's process needs besides the data (Node, DuckDB, the code). */
const NATIVE_BASE_MEMORY = 512e6;

/** The most the native import reads, whatever the memory: Node reads a file of at most 2 GiB whole. */
export const NATIVE_MAX_BYTES = 2_000_000_000;

/**
 * What `--engine native` can read on a machine with `totalMemory` bytes of memory: four fifths of
 * it, less the process's own, at the measured peak per input byte, and at most 2 GB. Not the
 * tab's limit: the native import keeps the data out of the JavaScript heap.
 */
export function nativeImportLimit(totalMemory: number): number {
	const byMemory = Math.floor((totalMemory * 0.8 - NATIVE_BASE_MEMORY) / NATIVE_MEMORY_PER_BYTE);
	return Math.max(0, Math.min(NATIVE_MAX_BYTES, byMemory));
}

/**
 * The command line's refusal of inputs over the limit (sizes in bytes): the page's figures, in its
 * own words; with `nativeMemory` (the machine's memory in bytes) the limit of `--engine native`.
 */
export function commandLineSizeRefusal(
	sizes: readonly number[],
	limit: number,
	nativeMemory?: number
): string | null {
	const total = sizes.reduce((sum, n) => sum + n, 0);
	if (total <= limit) return null;
	const mb = (n: number) => Math.round(n / 1e6).toLocaleString('nl-NL');
	const events = (limit / BYTES_PER_ROW / 1e6).toLocaleString('nl-NL', {
		maximumFractionDigits: 1
	});
	const who =
		nativeMemory === undefined
			? 'de evaluator kan, net als het dashboard,'
			: `de evaluator kan met --engine native op deze machine (${Math.round(nativeMemory / 1e9).toLocaleString('nl-NL')} GB werkgeheugen)`;
	return (
		`de bestanden zijn samen ${mb(total)} MB; ${who} ongeveer ` +
		`${mb(limit)} MB (zo'n ${events} miljoen gebeurtenissen) inlezen. Er is niets ingelezen. ` +
		'Splits de export (bijvoorbeeld per jaar of per corporatie).'
	);
}
