/**
 * The guard around the browser engine's calls (src/lib/db/engine-guard.ts): a worker that fails
 * before or after the start, a call that fails with a wasm trap, and an ordinary error of a call,
 * on a stand-in worker (an EventTarget with `terminate`) and calls that answer when told to.
 */
import { describe, expect, test } from 'vitest';
import { EngineStartError, EngineStoppedError } from '../../../src/lib/db/engine-errors';
import { guardEngine } from '../../../src/lib/db/engine-guard';

/** An EventTarget standing in for the engine's Worker. */
class StandIn extends EventTarget {
	terminated = 0;
	terminate() {
		this.terminated++;
	}
	/** An `error` event with the browser's text, as an uncaught error in a worker gives it. */
	fail(message?: string) {
		const event = new Event('error', { cancelable: true });
		if (message !== undefined) Object.defineProperty(event, 'message', { value: message });
		this.dispatchEvent(event);
		return event;
	}
}

/** A call that never answers by itself (DuckDB's client after its worker failed). */
const never = () => new Promise<never>(() => undefined);

/** An error as DuckDB's client rebuilds it from its worker's answer. */
function engineError(name: string, message: string): Error {
	const error = new Error(message);
	error.name = name;
	return error;
}

describe('the engine guard', () => {
	test('a failure before the start: the waiting call ends with EngineStartError and the browser’s text', async () => {
		const worker = new StandIn();
		const guard = guardEngine(worker);
		const call = guard.run(never);
		const event = worker.fail('Uncaught TypeError: Failed to fetch');
		const error = await call.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(EngineStartError);
		expect((error as Error).message).toBe(
			'de rekenmodule (DuckDB) kon niet worden gestart. Controleer de verbinding en laad de ' +
				'pagina opnieuw; blijft dit zo, vraag dan uw beheerder of deze site .wasm-bestanden mag ' +
				'laden. (Melding: TypeError: Failed to fetch.)'
		);
		expect(event.defaultPrevented, 'not reported again as uncaught').toBe(true);
		expect(worker.terminated).toBe(1);
	});

	test('a script that cannot be loaded (a plain Event, no text): no empty reason in the message', async () => {
		const worker = new StandIn();
		const guard = guardEngine(worker);
		const call = guard.run(never);
		worker.fail();
		const error = (await call.catch((e: unknown) => e)) as Error;
		expect(error).toBeInstanceOf(EngineStartError);
		expect(error.message.endsWith('.wasm-bestanden mag laden.')).toBe(true);
	});

	test('a failure after the start: EngineStoppedError, and no call reaches the engine any more', async () => {
		const worker = new StandIn();
		const guard = guardEngine(worker);
		expect(await guard.run(async () => 42)).toBe(42);
		guard.started();
		const waiting = guard.run(never);
		worker.fail('Uncaught Error: weg');
		const error = (await waiting.catch((e: unknown) => e)) as Error;
		expect(error).toBeInstanceOf(EngineStoppedError);
		expect(error.message).toContain('is onverwacht gestopt');
		expect(error.message).toContain('(Melding: Error: weg.)');
		let called = 0;
		const later = await guard
			.run(async () => {
				called++;
				return 1;
			})
			.catch((e: unknown) => e);
		expect(later).toBe(error);
		expect(called, 'the dead engine is not called').toBe(0);
		// A second event changes nothing.
		worker.fail('nog een');
		expect(worker.terminated).toBe(1);
	});

	test('a wasm trap in a call (RuntimeError) stops the engine; DuckDB’s own errors do not', async () => {
		const worker = new StandIn();
		const guard = guardEngine(worker);
		guard.started();
		const ordinary = engineError('Error', 'Catalog Error: Table with name x does not exist!');
		expect(await guard.run(() => Promise.reject(ordinary)).catch((e: unknown) => e)).toBe(ordinary);
		const outOfMemory = engineError('Error', 'Out of Memory Error: failed to allocate');
		expect(await guard.run(() => Promise.reject(outOfMemory)).catch((e: unknown) => e)).toBe(
			outOfMemory
		);
		expect(worker.terminated, 'the engine stands after its own errors').toBe(0);
		expect(await guard.run(async () => 'nog bruikbaar')).toBe('nog bruikbaar');

		const waiting = guard.run(never);
		const trap = await guard
			.run(() => Promise.reject(engineError('RuntimeError', 'Aborted(OOM)')))
			.catch((e: unknown) => e);
		expect(trap).toBeInstanceOf(EngineStoppedError);
		expect((trap as Error).message).toContain('(Melding: Aborted(OOM).)');
		expect(await waiting.catch((e: unknown) => e), 'the call under way ends too').toBe(trap);
		expect(worker.terminated).toBe(1);
	});
});
