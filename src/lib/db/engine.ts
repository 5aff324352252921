/**
 * The tab's one DuckDB engine. Started from src/hooks.client.ts as the app's first script runs,
 * so that fetching and compiling the 34 MB wasm overlaps loading the page's code and data.
 */
import type { Database } from './database';
import { mark } from '../timing';
import { EngineStartError } from './engine-errors';

let engine: Promise<Database> | null = null;

/** The tab's DuckDB engine, started once (lazily, race-safe) and only in the browser. */
export function database(): Promise<Database> {
	if (engine === null) {
		mark('engine-start');
		engine = import('./browser')
			.then((m) => m.openBrowserDatabase())
			.then(
				(db) => {
					mark('engine-ready');
					return db;
				},
				(error: unknown) => {
					// A start that failed (the wasm not fetched, say) is tried again by the next call.
					engine = null;
					// Any failure of the start, the engine's own code not fetched (the dynamic import)
					// included, is said the same way.
					if (error instanceof EngineStartError) throw error;
					throw new EngineStartError(error instanceof Error ? error.message : String(error));
				}
			);
	}
	return engine;
}
