/**
 * Runs once when the app's first script is evaluated, before hydration: the DuckDB engine starts
 * here rather than when the first component asks for it (the wasm's download and compile are the
 * longest step of a cold start).
 */
import { database } from '$lib/db/engine';

database().catch(() => undefined);
