/**
 * The browser host: duckdb-wasm in its own Web Worker, with the wasm and worker files served
 * by this site (Vite `?url` imports), never from a CDN. Import this module dynamically: the
 * engine must not load during prerendering.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { tableToIPC, type Table } from 'apache-arrow';
import { tableToRows } from './convert';
import { LOCK_SQL, OPEN_SQL, type Database, type Param, type Row } from './database';
import { mark } from '../timing';

/** Starts DuckDB-WASM in a worker (exception-handling build where the browser supports it). */
export async function openBrowserDatabase(): Promise<Database> {
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	mark('engine-module');
	const worker = new Worker(bundle.mainWorker as string);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// The steps of the engine's start, for the bench's profile: worker start, wasm fetch, decode,
	// compile and instantiate; open and connect; the first statement.
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	mark('engine-instantiated');
	await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: true } });
	const conn = await db.connect();
	mark('engine-opened');
	await conn.query(OPEN_SQL);

	let locked = false;

	return {
		async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
			if (params.length === 0) return tableToRows<T>(await conn.query(sql));
			const statement = await conn.prepare(sql);
			try {
				return tableToRows<T>(await statement.query(...params));
			} finally {
				await statement.close();
			}
		},
		async exec(sql: string): Promise<void> {
			await conn.query(sql);
		},
		async insertArrow(table: string, data: Table | Uint8Array): Promise<void> {
			await conn.query(`DROP TABLE IF EXISTS ${table}`);
			await conn.insertArrowFromIPCStream(
				data instanceof Uint8Array ? data : tableToIPC(data, 'stream'),
				{ name: table, create: true }
			);
		},
		async lock(): Promise<void> {
			if (locked) return;
			locked = true;
			await conn.query(LOCK_SQL);
		},
		async close(): Promise<void> {
			await conn.close();
			await db.terminate();
			worker.terminate();
		}
	};
}
