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

/** A file as handed to the pipeline: with the source profile it is to be read with, if any. */
export interface SourceFile extends InputFile {
	profile?: SourceProfile | null;
}

export interface PipelineOptions extends ImportOptions {
	/** Turns id messages into pseudonyms; needed when a profile pseudonymises (else that file is refused). */
	pseudonymiser?: Pseudonymiser | null;
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
	for (const file of Array.isArray(files) ? files : []) {
		try {
			steps.push(...(await readSource(file, options)));
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
					pseudonyms
				});
				if (out.ok) loaded.push(...out.tables);
				else refused.push(out.refused);
			} catch (error) {
				refused.push(unreadable(p.name, error));
			}
		}
	}
	return combineFiles(loaded, refused, options);
}

/** One file to its steps: exchange files loaded (a workbook: one per non-empty sheet), profile files parsed. */
async function readSource(file: SourceFile, options: PipelineOptions): Promise<Step[]> {
	const name = file.name;
	const profile = file.profile ?? null;
	const workbook = isWorkbook(file.bytes) ? readWorkbookSheets(name, file.bytes) : null;
	if (workbook !== null && !workbook.ok) {
		return [{ refused: { name, ...workbook.refusal, personalData: [] } }];
	}
	const sheets = workbook?.sheets ?? null;
	const read = (fileName: string, bytes: Uint8Array) => {
		const out = loadFile(fileName, bytes, options);
		if (!out.ok) return { refused: out.refused };
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
	const table = parseCsv(decoded.text);
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
	const detail = error instanceof Error ? error.message : String(error);
	return {
		name,
		code: 'geen_csv',
		message: `${name}: het bestand kon niet worden gelezen (${detail}).`,
		personalData: []
	};
}

/** Splits an ImportResult into its report and its row counts. */
export function reportOf(result: ImportResult): ImportReport {
	const { dossiers, events, ...rest } = result;
	return { ...rest, dossierCount: dossiers.length, eventCount: events.length };
}
