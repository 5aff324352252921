/**
 * Runs once when the app's first script is evaluated, before hydration: the DuckDB engine starts
 * here rather than when the first component asks for it (the wasm's download and compile are the
 * longest step of a cold start), and the demo's first view from the build is asked for, so that
 * the dashboard can paint it while the engine starts (demo-snapshot.svelte.ts).
 */
import { database } from '$lib/db/engine';
import { demoSnapshot } from '$lib/state/demo-snapshot.svelte';

demoSnapshot.request();
database().catch(() => undefined);
