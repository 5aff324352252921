/**
 * The one import pipeline of both hosts (the page's import worker and the command line): CSV and
 * .xlsx files, exchange-format or read through a source profile, to accepted rows and the report.
 */
import { normalizeCode } from '../domain/codes';
import { combineFiles, loadFile, type LoadedFile } from './combine';
import { decodeBytes } from './decode';
import { parseCsv, type ParsedTable } from './parse';
import { applyProfile, pseudonymMessages } from './profiles/apply';
import type { SourceProfile } from './profiles/format';
import type { Pseudonymiser } from './profiles/pseudonym';
import type {
	Encoding,
	ImportOptions,
	ImportReport,
	ImportResult,
	InputFile,
	RefusedFile
} from './types';
import { isWorkbook, readWorkbookSheets } from './workbook';
import { failureCode, failureText } from './failure';
import { MAX_IMPORT_BYTES, rowBudget, rowsRefusal } from './size-limit';

/** A file as handed to the pipeline: with the source profile it is to be read with, if any. */
export interface SourceFile extends InputFile {
	profile?: SourceProfile | null;
}

export interface PipelineOptions extends ImportOptions {
	/** Turns id messages into pseudonyms; needed when a profile pseudonymises (else that file is refused). */
	pseudonymiser?: Pseudonymiser | null;
	/** The host's byte limit (importLimit); the rows the files give are bounded by rowBudget of it. */
	byteLimit?: number;
}

/** A profile file parsed and waiting for its pseudonyms. */
interface ProfileTable {
	name: string;
	profile: SourceProfile;
	table: ParsedTable;
	encoding: Encoding;
	fromWorkbook: boolean;
	/** Lines read as Windows-1252 in a UTF-8 file. */
	windows1252Lines: number[];
}

type Step = { loaded: LoadedFile[] } | { refused: RefusedFile } | { profile: ProfileTable };

/** Imports the files (workbooks expanded, profiles applied, ids pseudonymised); never throws. */
export async function importSources(
	files: readonly SourceFile[],
	options: PipelineOptions
): Promise<ImportResult> {
	const steps: Step[] = [];
	// What is read counts, not only what is given: every row a file gives spends the budget, the
	// rows read of an exchange file as it is read, the rows a profile makes as it makes them.
	const budget = { left: rowBudget(options.byteLimit ?? MAX_IMPORT_BYTES) };
	for (const file of Array.isArray(files) ? files : []) {
		try {
			steps.push(...(await readSource(file, options, budget)));
		} catch (error) {
			steps.push({ refused: unreadable(String(file?.name ?? ''), error) });
		}
	}
	const pseudonyms = await pseudonymsFor(
		steps.flatMap((s) => ('profile' in s ? [s.profile] : [])),
		options.pseudonymiser ?? null
	);
	const loaded: LoadedFile[] = [];
	const refused: RefusedFile[] = [];
	for (const step of steps) {
		if ('refused' in step) refused.push(step.refused);
		else if ('loaded' in step) loaded.push(...step.loaded);
		else {
			const p = step.profile;
			try {
				const out = applyProfile(p.name, p.profile, p.table, {
					encoding: p.encoding,
					fromWorkbook: p.fromWorkbook,
					windows1252Lines: p.windows1252Lines,
					pseudonyms,
					rowBudget: Math.max(0, budget.left)
				});
				if (out.ok) {
					for (const t of out.tables) budget.left -= t.table.rows.length;
					loaded.push(...out.tables);
				} else refused.push(out.refused);
			} catch (error) {
				refused.push(unreadable(p.name, error));
			}
		}
	}
	return combineFiles(loaded, refused, options);
}

/** One file to its steps: exchange files loaded (a workbook: one per non-empty sheet), profile files parsed. */
async function readSource(
	file: SourceFile,
	options: PipelineOptions,
	budget: { left: number }
): Promise<Step[]> {
	const name = file.name;
	const profile = file.profile ?? null;
	const workbook = isWorkbook(file.bytes) ? readWorkbookSheets(name, file.bytes) : null;
	if (workbook !== null && !workbook.ok) {
		return [{ refused: { name, ...workbook.refusal, personalData: [] } }];
	}
	const sheets = workbook?.sheets ?? null;
	if (sheets === null && isSingleLine(file.bytes)) {
		return [
			{ refused: { name, code: 'geen_csv', message: singleLineMessage(name), personalData: [] } }
		];
	}
	const read = (fileName: string, bytes: Uint8Array) => {
		const out = loadFile(fileName, bytes, { ...options, maxRows: Math.max(0, budget.left) });
		if (!out.ok) return { refused: out.refused };
		budget.left -= out.file.table.rows.length;
		if (sheets !== null) out.file.report.workbook = true;
		options.onFileRead?.({ file: fileName, rows: out.file.table.rows.length });
		return { loaded: [out.file] };
	};
	if (profile === null) {
		if (sheets === null) return [read(name, file.bytes)];
		const filled = sheets.filter((s) => !s.empty);
		if (filled.length === 0) {
			const message = `${name}: de werkmap heeft alleen lege werkbladen.`;
			return [{ refused: { name, code: 'leeg', message, personalData: [] } }];
		}
		return filled.map((s) => read(`${name} (blad ${s.sheet})`, s.csv));
	}
	let bytes = file.bytes;
	if (sheets !== null) {
		const wanted = profile.werkblad;
		const sheet =
			wanted === undefined
				? sheets[0]
				: sheets.find((s) => normalizeCode(s.sheet) === normalizeCode(wanted));
		if (sheet === undefined) {
			return [
				{
					refused: {
						name,
						code: 'werkblad_ontbreekt',
						message: `${name}: werkblad ‘${wanted ?? ''}’ uit profiel ‘${profile.naam}’ staat niet in de werkmap (wel: ${sheets.map((s) => `‘${s.sheet}’`).join(', ')}).`,
						personalData: []
					}
				}
			];
		}
		bytes = sheet.csv;
	}
	const decoded = decodeBytes(name, bytes);
	if (!decoded.ok) {
		return [{ refused: { name, ...decoded.refusal, personalData: [] } }];
	}
	// The rows of the source itself are bounded too: each gives at least one row through the profile.
	const table = parseCsv(decoded.text, Math.max(0, budget.left));
	if (table?.overflow) {
		return [
			{
				refused: {
					name,
					code: 'te_groot',
					message: rowsRefusal(name, Math.max(0, budget.left)),
					personalData: []
				}
			}
		];
	}
	if (table === null) {
		return [
			{
				refused: {
					name,
					code: 'leeg',
					message: `${name}: het bestand bevat alleen lege regels.`,
					personalData: []
				}
			}
		];
	}
	options.onFileRead?.({ file: name, rows: table.rows.length });
	return [
		{
			profile: {
				name,
				profile,
				table,
				encoding: decoded.encoding,
				fromWorkbook: sheets !== null,
				windows1252Lines: decoded.windows1252Lines ?? []
			}
		}
	];
}

/** The pseudonym of every id message the profile files need, or null without a pseudonymiser. */
async function pseudonymsFor(
	tables: readonly ProfileTable[],
	pseudonymiser: Pseudonymiser | null
): Promise<Map<string, string> | null> {
	if (pseudonymiser === null) return null;
	const messages = [...new Set(tables.flatMap((t) => pseudonymMessages(t.profile, t.table)))];
	const hashes = await pseudonymiser(messages);
	return new Map(messages.map((m, i) => [m, hashes[i]!]));
}

function unreadable(name: string, error: unknown): RefusedFile {
	return {
		name,
		code: failureCode(error),
		message: `${name}: ${failureText(error)}`,
		personalData: []
	};
}

/**
 * True for a file of one line (a line ending at most) without any delimiter: no table, and
 * perhaps the key file picked by mistake, so its text is never shown (not as a column name either).
 */
export function isSingleLine(bytes: Uint8Array): boolean {
	let end = bytes.length;
	while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20))
		end--;
	if (end === 0) return false;
	for (let i = 0; i < end; i++) {
		const b = bytes[i];
		if (b === 0x0a || b === 0x0d || b === 0x2c || b === 0x3b || b === 0x09) return false;
	}
	return true;
}

/** The refusal of a file of one line without a delimiter; it does not quote the line. */
function singleLineMessage(name: string): string {
	return `${name}: het bestand is één regel zonder scheidingsteken (, ; of tab) en dus geen tabel met een kopregel en rijen. Is het misschien het sleutelbestand? De inhoud wordt niet getoond.`;
}

/** Splits an ImportResult into its report and its row counts. */
export function reportOf(result: ImportResult): ImportReport {
	const { dossiers, events, ...rest } = result;
	return { ...rest, dossierCount: dossiers.length, eventCount: events.length };
}
