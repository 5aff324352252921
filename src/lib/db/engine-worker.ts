/// <reference lib="webworker" />
/**
 * The engine's worker, with a guard around DuckDB-WASM's own worker script. That script starts
 * the engine with `WebAssembly.instantiateStreaming(fetch(…)).then(…)` and no `catch`: when the
 * wasm cannot be fetched (a dropped connection, a proxy that blocks `.wasm`, a 404), the failure
 * is an unhandled rejection inside the worker and the page's `instantiate` never settles — the
 * page would stay "loading" for good. Here every unhandled rejection becomes an uncaught error,
 * which the page hears as the Worker's `error` event (src/lib/db/browser.ts) and says in Dutch.
 *
 * A classic worker (DuckDB's script is one): the first message is the URL of DuckDB's worker
 * script, which is then loaded into this worker and takes over its messages.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('unhandledrejection', (event) => {
	event.preventDefault();
	const reason: unknown = event.reason;
	// Thrown in a task of its own: reported as the worker's uncaught error, with this message.
	setTimeout(() => {
		throw reason instanceof Error ? reason : new Error(String(reason));
	});
});

scope.onmessage = (event: MessageEvent<string>) => {
	scope.onmessage = null;
	scope.importScripts(event.data);
};
