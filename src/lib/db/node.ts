/**
 * The Node host: duckdb-wasm's blocking Node build, the same engine (DuckDB 1.4.3 in wasm) as the
 * browser, so a figure tested here is the figure the page shows.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { tableToIPC, type Table } from 'apache-arrow';
import { LOCK_SQL, OPEN_SQL, type Database, type Param, type Row } from './database';
import { tableToRows } from './convert';

type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');

const require = createRequire(import.meta.url);

/** Starts an in-memory DuckDB-WASM engine in this Node process (about a second). */
export async function openNodeDatabase(): Promise<Database> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as Blocking;
	const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const bindings = await duckdb.createDuckDB(
		{
			mvp: {
				mainModule: path.join(dist, 'duckdb-mvp.wasm'),
				mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs')
			},
			eh: {
				mainModule: path.join(dist, 'duckdb-eh.wasm'),
				mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs')
			}
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await bindings.instantiate(() => {});
	bindings.open({ query: { castBigIntToDouble: false, castDecimalToDouble: true } });
	const conn = bindings.connect();
	conn.query(OPEN_SQL);

	let locked = false;

	return {
		async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
			if (params.length === 0) return tableToRows<T>(conn.query(sql));
			const statement = conn.prepare(sql);
			try {
				return tableToRows<T>(statement.query(...params));
			} finally {
				statement.close();
			}
		},
		async exec(sql: string): Promise<void> {
			conn.query(sql);
		},
		async insertArrow(table: string, data: Table | Uint8Array): Promise<void> {
			conn.query(`DROP TABLE IF EXISTS ${table}`);
			// Serialized with the project's own apache-arrow: the engine's bundled copy does not
			// recognise Table instances made by another copy of the module.
			conn.insertArrowFromIPCStream(
				data instanceof Uint8Array ? data : tableToIPC(data, 'stream'),
				{ name: table, create: true }
			);
		},
		async lock(): Promise<void> {
			if (locked) return;
			locked = true;
			conn.query(LOCK_SQL);
		},
		async close(): Promise<void> {
			conn.close();
			bindings.reset();
		}
	};
}
