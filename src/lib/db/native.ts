/**
 * The project's `Database` interface over native DuckDB (@duckdb/node-api, DuckDB 1.4.3), for the
 * CLI's `--engine native` and the benchmark: the same load, derive and selection code runs on it
 * as on DuckDB-WASM. Results come back as the wasm hosts give them: numbers (never BigInt), dates
 * as `YYYY-MM-DD`, DECIMAL as double. Node only: nothing under src/routes may import it (a unit
 * test holds that), and Parquet is read and written here because only this engine links it.
 */
import {
	DATE,
	DOUBLE,
	DuckDBDataChunk,
	DuckDBDateValue,
	DuckDBInstance,
	DuckDBTypeId,
	INTEGER,
	UTINYINT,
	VARCHAR,
	arrayFromArrayValue,
	arrayFromListValue,
	booleanFromValue,
	createDuckDBValueConverter,
	doubleFromDecimalValue,
	numberFromValue,
	objectFromStructValue,
	stringFromValue,
	type DuckDBConnection,
	type DuckDBType,
	type DuckDBValue,
	type DuckDBValueConverter
} from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataType, tableFromIPC, type Table } from 'apache-arrow';
import { LOCK_SQL, OPEN_SQL, type Database, type Param, type Row } from './database';

/** Rows per appended chunk: DuckDB's standard vector size. */
const CHUNK_ROWS = 2048;

const toNumber: DuckDBValueConverter<unknown> = (value) => Number(value as bigint);
const toIsoDate: DuckDBValueConverter<unknown> = (value) => String(value);

/** The wasm hosts' result conventions (src/lib/db/convert.ts); other types throw. */
const CONVERTERS: Partial<Record<DuckDBTypeId, DuckDBValueConverter<unknown>>> = {
	[DuckDBTypeId.BOOLEAN]: booleanFromValue,
	[DuckDBTypeId.TINYINT]: numberFromValue,
	[DuckDBTypeId.SMALLINT]: numberFromValue,
	[DuckDBTypeId.INTEGER]: numberFromValue,
	[DuckDBTypeId.BIGINT]: toNumber,
	[DuckDBTypeId.HUGEINT]: toNumber,
	[DuckDBTypeId.UTINYINT]: numberFromValue,
	[DuckDBTypeId.USMALLINT]: numberFromValue,
	[DuckDBTypeId.UINTEGER]: numberFromValue,
	[DuckDBTypeId.UBIGINT]: toNumber,
	[DuckDBTypeId.FLOAT]: numberFromValue,
	[DuckDBTypeId.DOUBLE]: numberFromValue,
	[DuckDBTypeId.DECIMAL]: doubleFromDecimalValue,
	[DuckDBTypeId.DATE]: toIsoDate,
	[DuckDBTypeId.VARCHAR]: stringFromValue,
	[DuckDBTypeId.ENUM]: stringFromValue,
	[DuckDBTypeId.LIST]: arrayFromListValue,
	[DuckDBTypeId.ARRAY]: arrayFromArrayValue,
	[DuckDBTypeId.STRUCT]: objectFromStructValue
};
const PLAIN_VALUES = createDuckDBValueConverter(
	CONVERTERS as Record<DuckDBTypeId, DuckDBValueConverter<unknown> | undefined>
);

/** The DuckDB column type of an Arrow field as the project's Arrow tables use them. */
function columnType(type: DataType): { sql: string; duckdb: DuckDBType } {
	if (DataType.isInt(type) && type.bitWidth === 32 && type.isSigned) {
		return { sql: 'INTEGER', duckdb: INTEGER };
	}
	// The DDAS tables' flags (0/1) and amounts.
	if (DataType.isInt(type) && type.bitWidth === 8 && !type.isSigned) {
		return { sql: 'UTINYINT', duckdb: UTINYINT };
	}
	if (DataType.isFloat(type)) return { sql: 'DOUBLE', duckdb: DOUBLE };
	if (DataType.isDate(type)) return { sql: 'DATE', duckdb: DATE };
	if (DataType.isUtf8(type) || (DataType.isDictionary(type) && DataType.isUtf8(type.dictionary))) {
		return { sql: 'VARCHAR', duckdb: VARCHAR };
	}
	throw new Error(`native: Arrow-type ${type} wordt niet ondersteund`);
}

/** One Arrow value as the appender wants it (a DATE column yields epoch milliseconds). */
function cellValue(value: unknown, type: DuckDBType): DuckDBValue {
	if (value === null || value === undefined) return null;
	if (type === DATE) {
		const ms = value instanceof Date ? value.getTime() : (value as number);
		return new DuckDBDateValue(Math.floor(ms / 86_400_000));
	}
	return value as DuckDBValue;
}

/** Appends an Arrow table to an existing table with the same columns, one data chunk at a time. */
async function appendArrow(connection: DuckDBConnection, name: string, table: Table) {
	const fields = table.schema.fields;
	const types = fields.map((f) => columnType(f.type).duckdb);
	const columns = fields.map((f) => table.getChild(f.name)!);
	const appender = await connection.createAppender(name);
	try {
		for (let start = 0; start < table.numRows; start += CHUNK_ROWS) {
			const n = Math.min(CHUNK_ROWS, table.numRows - start);
			const chunk = DuckDBDataChunk.create(types, n);
			columns.forEach((column, c) => {
				const type = types[c]!;
				const values: DuckDBValue[] = new Array(n);
				for (let i = 0; i < n; i++) values[i] = cellValue(column.get(start + i), type);
				chunk.setColumnValues(c, values);
			});
			appender.appendDataChunk(chunk);
		}
		appender.flushSync();
	} finally {
		appender.closeSync();
	}
}

/** How a native DuckDB is opened. */
export interface NativeOptions {
	/** `SET threads` (default: DuckDB's, all cores). */
	threads?: number;
	/** DuckDB's memory limit in bytes (default: DuckDB's, 80 % of the machine's memory). */
	memoryLimit?: number;
	/** Where DuckDB spills what does not fit in its memory limit (default: DuckDB's). */
	tempDirectory?: string;
}

/** Tables of at least this many rows go in as CSV text that DuckDB reads itself. */
const CSV_ROWS = 10_000;
/** A text value longer than this keeps a table on the appender (read_csv's longest line is 2 MB). */
const CSV_MAX_VALUE = 1_000_000;
const QUOTE = 34;

/**
 * An Arrow table of INTEGER and VARCHAR columns as CSV bytes that read_csv gives back exactly:
 * every text quoted (quotes doubled, so '' stays '' and line breaks stay inside the value), NULL
 * as an empty unquoted field, LF after each row; null for any other table (the appender takes it).
 */
export function arrowAsCsv(table: Table): Uint8Array | null {
	const fields = table.schema.fields;
	if (!fields.every((f) => /^[a-z_][a-z0-9_]*$/i.test(f.name))) return null;
	// The column types as insertArrow creates them; a dictionary column stays on the appender.
	const kinds = fields.map((f) =>
		DataType.isDictionary(f.type)
			? null
			: { INTEGER: 'int', VARCHAR: 'text' }[columnType(f.type).sql]
	);
	if (kinds.includes(undefined) || kinds.includes(null)) return null;
	// Values are read from the buffers by row index: a slice of a larger buffer stays on the appender.
	if (table.batches.some((b) => b.data.children.some((d) => d.offset !== 0))) return null;
	let size = 0;
	for (const batch of table.batches) {
		for (let c = 0; c < fields.length; c++) {
			const data = batch.getChildAt(c)!.data[0]!;
			if (kinds[c] === 'int') size += 12 * batch.numRows;
			else {
				const values = data.values as Uint8Array;
				const offsets = data.valueOffsets as Int32Array;
				for (let i = 0; i < batch.numRows; i++) {
					if (offsets[i + 1]! - offsets[i]! > CSV_MAX_VALUE) return null;
				}
				let quotes = 0;
				for (let q = values.indexOf(QUOTE); q !== -1; q = values.indexOf(QUOTE, q + 1)) quotes++;
				size += values.length + quotes + 3 * batch.numRows;
			}
		}
		size += batch.numRows;
	}
	const out = new Uint8Array(size);
	let p = 0;
	for (const batch of table.batches) {
		const columns = fields.map((_, c) => batch.getChildAt(c)!.data[0]!);
		for (let i = 0; i < batch.numRows; i++) {
			for (let c = 0; c < columns.length; c++) {
				if (c > 0) out[p++] = 44;
				const data = columns[c]!;
				if (data.nullCount > 0 && !batch.getChildAt(c)!.isValid(i)) continue;
				if (kinds[c] === 'int') {
					const text = String((data.values as Int32Array)[i]);
					for (let k = 0; k < text.length; k++) out[p++] = text.charCodeAt(k);
					continue;
				}
				const values = data.values as Uint8Array;
				const offsets = data.valueOffsets as Int32Array;
				out[p++] = QUOTE;
				for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) {
					const b = values[k]!;
					out[p++] = b;
					if (b === QUOTE) out[p++] = QUOTE;
				}
				out[p++] = QUOTE;
			}
			out[p++] = 10;
		}
	}
	return out.subarray(0, p);
}

/** Opens an in-memory native DuckDB. */
export async function openNativeDatabase(options: NativeOptions = {}): Promise<Database> {
	const config: Record<string, string> = {};
	if (options.memoryLimit !== undefined)
		config.memory_limit = `${Math.floor(options.memoryLimit / 1024 / 1024)}MiB`;
	if (options.tempDirectory !== undefined) config.temp_directory = options.tempDirectory;
	const instance = await DuckDBInstance.create(':memory:', config);
	const connection = await instance.connect();
	try {
		await connection.run(OPEN_SQL);
		if (options.threads !== undefined) await connection.run(`SET threads = ${options.threads}`);
	} catch (error) {
		connection.closeSync();
		instance.closeSync();
		throw error;
	}
	let locked = false;
	// One statement at a time: a connection runs one prepared statement at a time, and callers
	// (the figures of a DDAS block) start several queries together, as the wasm host allows.
	let queue: Promise<unknown> = Promise.resolve();
	const serial = <T>(run: () => Promise<T>): Promise<T> => {
		const next = queue.then(run, run);
		queue = next.catch(() => undefined);
		return next;
	};

	return {
		async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
			// Dates are bound as strings and cast in SQL, as in the wasm hosts.
			const reader = await serial(() =>
				params.length === 0
					? connection.runAndReadAll(sql)
					: connection.runAndReadAll(sql, [...params])
			);
			return reader.convertRowObjects(PLAIN_VALUES) as T[];
		},
		async exec(sql: string): Promise<void> {
			await serial(() => connection.run(sql));
		},
		async insertArrow(name: string, data: Table | Uint8Array): Promise<void> {
			const table = data instanceof Uint8Array ? tableFromIPC(data) : data;
			const columns = table.schema.fields.map((f) => `"${f.name}" ${columnType(f.type).sql}`);
			await connection.run(`DROP TABLE IF EXISTS ${name}`);
			await connection.run(`CREATE TABLE ${name} (${columns.join(', ')})`);
			// Large tables as CSV that DuckDB reads on all cores: the appender takes each value
			// into a data chunk one by one (the slow part of a large import, measured). Not once
			// the engine is locked, which forbids reading files.
			const csv = !locked && table.numRows >= CSV_ROWS ? arrowAsCsv(table) : null;
			if (csv === null) return appendArrow(connection, name, table);
			const file = join(options.tempDirectory ?? tmpdir(), `insert-${randomUUID()}.csv`);
			try {
				writeFileSync(file, csv);
				const types = table.schema.fields
					.map((f) => `'${f.name}': '${columnType(f.type).sql}'`)
					.join(', ');
				// The path is bound; the column names are the project's own (checked in arrowAsCsv).
				await connection.run(
					`INSERT INTO ${name} SELECT * FROM read_csv($1, header = false, delim = ',',
					quote = '"', escape = '"', auto_detect = false, strict_mode = true,
					allow_quoted_nulls = false, columns = {${types}})`,
					[file]
				);
			} finally {
				rmSync(file, { force: true });
			}
		},
		async lock(): Promise<void> {
			if (locked) return;
			locked = true;
			await connection.run(LOCK_SQL);
		},
		async close(): Promise<void> {
			connection.closeSync();
			instance.closeSync();
		}
	};
}

/** A Parquet file read as exchange-format CSV text, with the Parquet row of each CSV line. */
export interface ParquetAsCsv {
	/** UTF-8 CSV: the file's own column names as header, `,` as delimiter, RFC 4180 quotes. */
	bytes: Uint8Array;
	/** `rowOfLine[n]` is the 1-based Parquet row that starts on CSV line n (line 1: the header). */
	rowOfLine: number[];
}

/** Timestamps of any unit or zone: the date part only (the exchange format ignores the time). */
const TIMESTAMP_TYPES = new Set<DuckDBTypeId>([
	DuckDBTypeId.TIMESTAMP,
	DuckDBTypeId.TIMESTAMP_S,
	DuckDBTypeId.TIMESTAMP_MS,
	DuckDBTypeId.TIMESTAMP_NS,
	DuckDBTypeId.TIMESTAMP_TZ
]);

/** One CSV field: quoted when it holds a quote, the delimiter or a line break. */
function csvField(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** How many line breaks a field adds to its record (CRLF counts once, as the reader counts). */
function lineBreaks(text: string): number {
	return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Thrown when the text made from a Parquet file grows past the byte limit of the import. */
export class ParquetTooLarge extends Error {}

/** A Parquet file's rows as exchange-format CSV lines: the header first, then one line per row. */
async function* parquetCsvLines(
	path: string
): AsyncGenerator<{ text: string; breaks: number }, void, undefined> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		await connection.run(OPEN_SQL);
		const result = await connection.stream('SELECT * FROM read_parquet($1)', [path]);
		const names = result.columnNames();
		const timestamp = result.columnTypes().map((t) => TIMESTAMP_TYPES.has(t.typeId));
		yield { text: names.map(csvField).join(','), breaks: 0 };
		for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0;) {
			for (const values of chunk.getRows()) {
				const fields = values.map((value, c) => {
					if (value === null) return '';
					const text = typeof value === 'string' ? value : String(value);
					return timestamp[c] ? text.slice(0, 10) : text;
				});
				yield {
					text: fields.map(csvField).join(','),
					breaks: fields.reduce((n, f) => n + lineBreaks(f), 0)
				};
			}
			chunk = await result.fetchChunk();
		}
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

/**
 * Reads a Parquet file (typed or text columns) into CSV text for the project's own import, so every
 * row gets the same validation, duplicates and personal-data screen as a CSV row; stops with
 * ParquetTooLarge once the text passes `maxChars` (a Parquet file is many times smaller than its
 * text). The path is a bound parameter of read_parquet, never part of the SQL text.
 */
export async function readParquetAsCsv(path: string, maxChars: number): Promise<ParquetAsCsv> {
	const lines: string[] = [];
	const rowOfLine = [0, 0];
	let line = 1;
	let row = 0;
	let chars = 0;
	for await (const { text, breaks } of parquetCsvLines(path)) {
		if (lines.length > 0) rowOfLine[line] = ++row;
		line += 1 + breaks;
		chars += text.length + 1;
		if (chars > maxChars) throw new ParquetTooLarge();
		lines.push(text);
	}
	return { bytes: new TextEncoder().encode(lines.join('\n') + '\n'), rowOfLine };
}

/**
 * The same CSV text of a Parquet file in pieces of at least `size` bytes, for the native import in
 * pieces: never held whole, no limit of its own. (Its messages name lines; a refusal is worded by
 * the whole-file path, which names rows.)
 */
export async function* parquetCsvPieces(path: string, size: number): AsyncGenerator<Uint8Array> {
	const encoder = new TextEncoder();
	let lines: string[] = [];
	let chars = 0;
	for await (const { text } of parquetCsvLines(path)) {
		lines.push(text);
		chars += text.length + 1;
		if (chars >= size) {
			yield encoder.encode(lines.join('\n') + '\n');
			lines = [];
			chars = 0;
		}
	}
	if (lines.length > 0) yield encoder.encode(lines.join('\n') + '\n');
}

/**
 * A path as a SQL string literal for COPY … TO, whose target cannot be a bound parameter: only
 * printable characters, quotes doubled. Throws on anything else (the caller names the path).
 */
export function sqlPathLiteral(path: string): string {
	// eslint-disable-next-line no-control-regex
	if (path.length === 0 || /[\u0000-\u001f\u007f]/.test(path)) throw new Error('ongeldig pad');
	return `'${path.replaceAll("'", "''")}'`;
}

/** The accepted tables in the exchange format's columns, for COPY … TO (FORMAT parquet). */
const PARQUET_TABLES = {
	dossiers: `SELECT dossier_id, corporatie::VARCHAR AS corporatie, doelgroep::VARCHAR AS doelgroep,
	wijk::VARCHAR AS wijk, adres_sleutel FROM dossiers ORDER BY dk`,
	gebeurtenissen: `SELECT d.dossier_id, g.datum, g.gebeurtenis::VARCHAR AS gebeurtenis,
	g.reden::VARCHAR AS reden, g.uitkomst::VARCHAR AS uitkomst
	FROM gebeurtenissen g JOIN dossiers d USING (dk) ORDER BY g.dk, g.datum, g.gebeurtenis`
} as const;

/**
 * Writes the loaded (not yet locked) tables as `dossiers.parquet` and `gebeurtenissen.parquet`
 * in `dir` (absolute); returns the two paths.
 */
export async function writeParquetTables(db: Database, dir: string): Promise<string[]> {
	const written: string[] = [];
	for (const [name, select] of Object.entries(PARQUET_TABLES)) {
		const target = `${dir.replace(/\/+$/, '')}/${name}.parquet`;
		await db.exec(`COPY (${select}) TO ${sqlPathLiteral(target)} (FORMAT parquet)`);
		written.push(target);
	}
	return written;
}
