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
import { guardEngine } from './engine-guard';

/** How many prepared statements are kept (a page runs a few dozen distinct ones). */
const PREPARED_LIMIT = 64;
/** A query that only reads (kept prepared); any other may change the tables. */
const READ_ONLY = /^\s*(?:SELECT|WITH)\b/i;

/** Starts DuckDB-WASM in a worker (exception-handling build where the browser supports it). */
export async function openBrowserDatabase(): Promise<Database> {
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	mark('engine-module');
	// DuckDB's worker script inside a guard of our own (engine-worker.ts), and every call guarded
	// (engine-guard.ts): an engine that cannot start or stops ends its calls with a Dutch error
	// instead of leaving them waiting for an answer DuckDB's client will never give.
	const worker = new Worker(new URL('./engine-worker.ts', import.meta.url));
	const guard = guardEngine(worker);
	worker.postMessage(new URL(bundle.mainWorker as string, location.href).href);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// The steps of the engine's start, for the bench's profile: worker start, wasm fetch, decode,
	// compile and instantiate; open and connect; the first statement.
	let conn: duckdb.AsyncDuckDBConnection;
	try {
		await guard.run(() => db.instantiate(bundle.mainModule, bundle.pthreadWorker));
		mark('engine-instantiated');
		await guard.run(() =>
			db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: true } })
		);
		conn = await guard.run(() => db.connect());
		mark('engine-opened');
		await guard.run(() => conn.query(OPEN_SQL));
	} catch (error) {
		// Said in Dutch by the engine's caller (engine.ts), as a failed import of this module is.
		worker.terminate();
		throw error;
	}
	guard.started();

	let locked = false;

	// Prepared statements by their SQL text. A filter change runs the same few statements with new
	// values: each is parsed and planned once, and a query is one round trip to the engine's worker
	// instead of three (prepare, query, close). Every statement that may change the tables (exec,
	// insertArrow, a query that is not a SELECT) closes them first, so none outlives the tables it
	// was planned on.
	const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
	const forget = () => {
		for (const statement of prepared.values())
			statement.then((s) => s.close()).catch(() => undefined);
		prepared.clear();
	};
	const statementFor = (sql: string) => {
		let statement = prepared.get(sql);
		if (statement === undefined) {
			statement = conn.prepare(sql);
			prepared.set(sql, statement);
			const mine = statement;
			mine.catch(() => {
				if (prepared.get(sql) === mine) prepared.delete(sql);
			});
			if (prepared.size > PREPARED_LIMIT) {
				const [oldest, first] = prepared.entries().next().value!;
				prepared.delete(oldest);
				first.then((s) => s.close()).catch(() => undefined);
			}
		}
		return statement;
	};

	const engine = {
		async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
			const readOnly = READ_ONLY.test(sql);
			if (!readOnly) forget();
			if (params.length === 0) return tableToRows<T>(await conn.query(sql));
			if (readOnly) return tableToRows<T>(await (await statementFor(sql)).query(...params));
			const statement = await conn.prepare(sql);
			try {
				return tableToRows<T>(await statement.query(...params));
			} finally {
				await statement.close();
			}
		},
		async exec(sql: string): Promise<void> {
			forget();
			await conn.query(sql);
		},
		async insertArrow(table: string, data: Table | Uint8Array): Promise<void> {
			forget();
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
			forget();
			await conn.close();
			await db.terminate();
			worker.terminate();
		}
	};
	return {
		query: <T extends Row = Row>(sql: string, params?: readonly Param[]) =>
			guard.run(() => engine.query<T>(sql, params)),
		exec: (sql) => guard.run(() => engine.exec(sql)),
		insertArrow: (table, data) => guard.run(() => engine.insertArrow(table, data)),
		lock: () => guard.run(() => engine.lock()),
		close: () => guard.run(() => engine.close())
	};
}
