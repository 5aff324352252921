/**
 * The engine choice of `npm run evaluate` (issue 20, part 5): `--engine wasm` (the default, the
 * page's DuckDB-WASM) or `--engine native` (@duckdb/node-api, all threads, the same SQL), and
 * Parquet in and out, which only the native engine links.
 */
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database } from '../lib/db/database';
import { openNodeDatabase } from '../lib/db/node';
import {
	openNativeDatabase,
	parquetCsvPieces,
	ParquetTooLarge,
	readParquetAsCsv,
	sqlPathLiteral,
	writeParquetTables
} from '../lib/db/native';
import type { ImportResult, InputFile } from '../lib/import/types';
import { loadData } from '../lib/metrics/load';

/** The two engines the evaluator runs on. */
export type Engine = 'wasm' | 'native';

/** A problem with the engine, Parquet or its paths: a Dutch message for standard error. */
export class EngineProblem extends Error {}

/**
 * Takes `--engine X` (or `--engine=X`) out of the arguments, so the rest is parsed as before;
 * a wrong or missing value is an EngineProblem.
 */
export function takeEngine(argv: readonly string[]): { engine: Engine; rest: string[] } {
	let engine: string = 'wasm';
	const rest: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') {
			rest.push(...argv.slice(i));
			break;
		}
		if (arg === '--engine') {
			const value = argv[i + 1];
			if (value === undefined || value.startsWith('-'))
				throw new EngineProblem('--engine vraagt een waarde: wasm of native');
			engine = value;
			i++;
		} else if (arg.startsWith('--engine=')) engine = arg.slice('--engine='.length);
		else rest.push(arg);
	}
	if (engine !== 'wasm' && engine !== 'native')
		throw new EngineProblem(`--engine ${engine} is onbekend (wasm of native)`);
	return { engine, rest };
}

/**
 * The share of the machine's memory native DuckDB may hold before it spills to disk: the rest is
 * for the JavaScript side (a piece of the file at a time, the report) and what DuckDB allocates
 * outside its buffer manager. Measured on the 50M-event set (docs/decisions.md).
 */
export const NATIVE_MEMORY_SHARE = 0.6;

/** The memory this process may use: the machine's, or a container's limit when it has one. */
export function machineMemory(): number {
	const constrained = process.constrainedMemory?.() ?? 0;
	return constrained > 0 ? Math.min(constrained, totalmem()) : totalmem();
}

/**
 * Opens the chosen engine, in memory; native uses all cores (DuckDB's default), holds at most
 * NATIVE_MEMORY_SHARE of the memory and spills the rest into a directory of its own under the
 * system's temporary directory (TMPDIR; put it on a disk where /tmp is held in memory), removed
 * when the engine closes or the process is interrupted.
 */
export async function openEngine(engine: Engine): Promise<Database> {
	if (engine === 'wasm') return openNodeDatabase();
	const spill = await mkdtemp(join(tmpdir(), 'evaluate-duckdb-'));
	const removeNow = () => rmSync(spill, { recursive: true, force: true });
	const interrupted = (signal: NodeJS.Signals) => {
		removeNow();
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	const remove = async () => {
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
		await rm(spill, { recursive: true, force: true }).catch(() => undefined);
	};
	try {
		const db = await openNativeDatabase({
			memoryLimit: machineMemory() * NATIVE_MEMORY_SHARE,
			tempDirectory: spill
		});
		return {
			...db,
			async close() {
				try {
					await db.close();
				} finally {
					await remove();
				}
			}
		};
	} catch (error) {
		await remove();
		throw error;
	}
}

/** Whether a data file is read as Parquet (by its extension, as .xlsx is). */
export function isParquet(path: string): boolean {
	return /\.parquet$/i.test(path);
}

/** For each Parquet file read: the Parquet row of each CSV line, to name rows in messages. */
const rowsOfLines = new Map<string, number[]>();

/**
 * Reads a Parquet data file as the project's import reads a CSV: its columns as text (dates as
 * `YYYY-MM-DD`), so every check, duplicate rule and screen applies unchanged.
 */
export async function readParquetInput(path: string, byteLimit: number): Promise<InputFile> {
	try {
		const { bytes, rowOfLine } = await readParquetAsCsv(path, byteLimit);
		rowsOfLines.set(path, rowOfLine);
		return { name: path, bytes };
	} catch (error) {
		if (error instanceof ParquetTooLarge)
			throw new EngineProblem(
				`${path}: de rijen van dit Parquet-bestand zijn als tekst meer dan ${Math.round(byteLimit / 1e6).toLocaleString('nl-NL')} MB, meer dan de evaluator kan inlezen. Er is niets ingelezen. Splits de export (bijvoorbeeld per jaar of per corporatie).`
			);
		throw notParquet(path);
	}
}

/** DuckDB's own text is English and may quote the file: this is what the user reads instead. */
function notParquet(path: string): EngineProblem {
	return new EngineProblem(
		`kan ${path} niet lezen als Parquet: het bestand bestaat niet, is geen Parquet-bestand of is beschadigd`
	);
}

/** A Parquet data file as CSV text in pieces, for the native import in pieces (no limit of its own). */
export async function* readParquetPieces(path: string, size: number): AsyncGenerator<Uint8Array> {
	try {
		yield* parquetCsvPieces(path, size);
	} catch {
		throw notParquet(path);
	}
}

/**
 * A message about a Parquet file names its rows (`rij N`, the first data row is 1), not the lines
 * of the text made from it; other messages are returned unchanged.
 */
export function parquetRows(message: string): string {
	for (const [path, rowOfLine] of rowsOfLines) {
		if (!message.startsWith(path)) continue;
		const tail = message.slice(path.length).replace(/\bregel (\d+)/g, (whole, line: string) => {
			const row = rowOfLine[Number(line)];
			return row ? `rij ${row}` : whole;
		});
		return path + tail;
	}
	return message;
}

/**
 * Writes the accepted dossiers and gebeurtenissen as `dossiers.parquet` and
 * `gebeurtenissen.parquet` in `dir` (made if missing), through the native engine.
 */
export async function writeParquet(result: ImportResult, dir: string): Promise<void> {
	const target = resolve(dir);
	try {
		sqlPathLiteral(target);
	} catch {
		throw new EngineProblem(`kan ${dir} niet schrijven: ongeldig pad (een stuurteken in de naam)`);
	}
	try {
		await mkdir(target, { recursive: true });
	} catch {
		throw new EngineProblem(`kan ${dir} niet schrijven: de map kan niet worden gemaakt`);
	}
	const db = await openNativeDatabase();
	try {
		await loadData(db, result);
		await writeParquetTables(db, target).catch(() => {
			throw new EngineProblem(
				`kan ${dir} niet schrijven: ongeldig pad, geen toegang of de schijf is vol`
			);
		});
	} finally {
		await db.close();
	}
}
