/**
 * The project's `Database` interface over native DuckDB (@duckdb/node-api, DuckDB 1.4.3), for the
 * benchmark only: the same load, derive and selection code runs on it as on DuckDB-WASM, so the
 * two engines can be compared on identical SQL. Results come back as the wasm hosts give them:
 * numbers (never BigInt), dates as `YYYY-MM-DD`, DECIMAL as double.
 */
import {
	DATE,
	DuckDBDataChunk,
	DuckDBDateValue,
	DuckDBInstance,
	DuckDBTypeId,
	INTEGER,
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
import { DataType, tableFromIPC, type Table } from 'apache-arrow';
import { LOCK_SQL, OPEN_SQL, type Database, type Param, type Row } from '../../lib/db/database';

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
	if (DataType.isDate(type)) return { sql: 'DATE', duckdb: DATE };
	if (DataType.isUtf8(type) || (DataType.isDictionary(type) && DataType.isUtf8(type.dictionary))) {
		return { sql: 'VARCHAR', duckdb: VARCHAR };
	}
	throw new Error(`native-db: Arrow-type ${type} wordt niet ondersteund`);
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

/** Opens an in-memory native DuckDB; `threads` as `SET threads` (default: DuckDB's, all cores). */
export async function openNativeDatabase(options: { threads?: number } = {}): Promise<Database> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	await connection.run(OPEN_SQL);
	if (options.threads !== undefined) await connection.run(`SET threads = ${options.threads}`);
	let locked = false;

	return {
		async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
			// Dates are bound as strings and cast in SQL, as in the wasm hosts.
			const reader =
				params.length === 0
					? await connection.runAndReadAll(sql)
					: await connection.runAndReadAll(sql, [...params]);
			return reader.convertRowObjects(PLAIN_VALUES) as T[];
		},
		async exec(sql: string): Promise<void> {
			await connection.run(sql);
		},
		async insertArrow(name: string, data: Table | Uint8Array): Promise<void> {
			const table = data instanceof Uint8Array ? tableFromIPC(data) : data;
			const columns = table.schema.fields.map((f) => `"${f.name}" ${columnType(f.type).sql}`);
			await connection.run(`DROP TABLE IF EXISTS ${name}`);
			await connection.run(`CREATE TABLE ${name} (${columns.join(', ')})`);
			await appendArrow(connection, name, table);
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
