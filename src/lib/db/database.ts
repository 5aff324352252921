/** The one small interface over DuckDB that the rest of the code uses, in the browser and in Node. */
import type { Table } from 'apache-arrow';

/** A value bound to a `?` or `$n` placeholder. Dates are bound as `YYYY-MM-DD` strings and cast in SQL. */
export type Param = string | number | boolean | null;

/** A result row with plain values: numbers (never BigInt), ISO date strings, strings, booleans, null, arrays. */
export type Row = Record<string, unknown>;

export interface Database {
	/** Runs one statement with bound parameters and returns plain rows. */
	query<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
	/** Runs the project's own SQL without parameters (DDL, derivations). Never for text from a file. */
	exec(sql: string): Promise<void>;
	/** Creates (or replaces) a table from an Arrow table or an Arrow IPC stream. */
	insertArrow(table: string, data: Table | Uint8Array): Promise<void>;
	/** Applies LOCK_SQL: after this no file, network or configuration change is possible. */
	lock(): Promise<void>;
	/** Closes the engine and frees its memory. */
	close(): Promise<void>;
}

/**
 * SQL run right after opening, in both hosts. duckdb-wasm 1.32 links only core_functions: any
 * statement that would autoload an extension (json, parquet, icu, even via `current_date`)
 * hangs without network, so autoloading is switched off and the code never needs it.
 */
export const OPEN_SQL = `SET autoload_known_extensions = false;
SET autoinstall_known_extensions = false;`;

/** SQL run once the data is loaded: no file or network access, no further configuration changes. */
export const LOCK_SQL = `SET enable_external_access = false;
SET lock_configuration = true;`;
