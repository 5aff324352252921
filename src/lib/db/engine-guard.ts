/**
 * The guard around the browser engine's calls (src/lib/db/browser.ts). DuckDB-WASM's client waits
 * for an answer to each call; when its worker fails (a wasm that cannot be fetched, a script that
 * cannot be loaded, an engine that aborts) that answer never comes, and the page would wait for
 * good. Here every call races against the failure and ends with a Dutch error instead:
 * EngineStartError before the engine has started, EngineStoppedError after it. A failed engine is
 * not called again (its worker is terminated); a reload is the way back, as the messages say.
 *
 * Two ways the failure shows: the Worker's `error` event (engine-worker.ts turns an unhandled
 * rejection into one; a script that cannot be loaded fires a plain Event without a message), and
 * a call that fails with a `RuntimeError` — a wasm trap or Emscripten's `abort()` (out of memory),
 * which DuckDB's worker catches and sends back as the call's error. After either, the engine's
 * memory is not to be trusted. DuckDB's own errors (a query's, its own out-of-memory error) are
 * ordinary errors of the call and leave the engine as it is.
 */
import { EngineStartError, EngineStoppedError } from './engine-errors';

/** What the guard needs of the engine's worker. */
export interface GuardedWorker {
	addEventListener(type: 'error', listener: (event: Event) => void): void;
	terminate(): void;
}

export interface EngineGuard {
	/** Runs a call to the engine, unless it has failed; rejects as soon as it fails. */
	run<T>(call: () => Promise<T>): Promise<T>;
	/** From now on a failure is a stop, not a failed start. */
	started(): void;
}

/** The browser's text of an error event ('' for a plain Event, as a failed script load gives). */
function eventReason(event: Event): string {
	const message = (event as Partial<ErrorEvent>).message;
	return typeof message === 'string' ? message : '';
}

/** Guards the calls to the engine in `worker`; listens to the worker's `error` event from now on. */
export function guardEngine(worker: GuardedWorker): EngineGuard {
	let started = false;
	let failure: Error | null = null;
	let reject!: (error: Error) => void;
	const failed = new Promise<never>((_, r) => (reject = r));
	failed.catch(() => undefined);

	const end = (reason: string): Error => {
		if (failure === null) {
			failure = started ? new EngineStoppedError(reason) : new EngineStartError(reason);
			reject(failure);
			worker.terminate();
		}
		return failure;
	};

	worker.addEventListener('error', (event) => {
		event.preventDefault();
		// DuckDB's client would only log it and drop its calls without an answer: this guard answers.
		event.stopImmediatePropagation();
		end(eventReason(event));
	});

	return {
		run<T>(call: () => Promise<T>): Promise<T> {
			if (failure !== null) return Promise.reject(failure);
			const running = call().catch((error: unknown) => {
				if (error instanceof Error && error.name === 'RuntimeError') throw end(error.message);
				throw error;
			});
			return Promise.race([running, failed]);
		},
		started() {
			started = true;
		}
	};
}
