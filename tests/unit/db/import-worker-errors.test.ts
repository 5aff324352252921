/**
 * The import worker and its client on every failure (issue 19): each ends in a Dutch message, none
 * hangs, none shows the JavaScript text. The worker runs here in Node under a stand-in `self`; the
 * client under a stand-in `Worker` that fails in each way a real one can.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportResponse } from '../../../src/lib/worker/import-protocol';

const ENGLISH = /Error|Invalid|undefined|Cannot|not a function|DataCloneError|Uncaught/;

describe('the import worker answers every failure in Dutch', () => {
	const posted: ImportResponse[] = [];
	const listeners = new Map<string, (event: unknown) => void>();
	const self = {
		postMessage: (message: ImportResponse) => posted.push(message),
		addEventListener: (type: string, listener: (event: unknown) => void) =>
			listeners.set(type, listener),
		onmessage: null as null | ((event: { data: unknown }) => Promise<void>)
	};

	beforeAll(async () => {
		(globalThis as { self?: unknown }).self = self;
		await import('../../../src/lib/worker/import-worker');
	});
	afterEach(() => {
		posted.length = 0;
	});

	const last = () => posted[posted.length - 1]!;

	it('a request that is not one: an error message in Dutch', async () => {
		await self.onmessage!({ data: { kind: 'import', files: null, today: '2026-01-01' } });
		expect(last().type).toBe('error');
		const message = (last() as { message: string }).message;
		expect(message).toMatch(
			/^Het inlezen is gestopt door een onverwachte fout\. Er is niets geladen/
		);
		expect(message).not.toMatch(ENGLISH);
	});

	it('memory running out: the capacity message', async () => {
		const file = {
			name: 'a.csv',
			get bytes(): Uint8Array {
				throw new RangeError('Array buffer allocation failed');
			}
		};
		await self.onmessage!({ data: { kind: 'import', files: [file], today: '2026-01-01' } });
		expect(last()).toEqual({
			type: 'error',
			message:
				'Het inlezen is gestopt: de bestanden zijn te groot voor het geheugen. Er is niets geladen en de huidige gegevens blijven staan. Splits de export, bijvoorbeeld per jaar of per corporatie.'
		});
	});

	it('a rejection outside the request: still an answer', () => {
		const event = { reason: new TypeError('x is not a function'), preventDefault: vi.fn() };
		listeners.get('unhandledrejection')!(event);
		expect(event.preventDefault).toHaveBeenCalled();
		expect(last().type).toBe('error');
		expect((last() as { message: string }).message).not.toMatch(ENGLISH);
	});

	it('a hostile file is read and reported, not a failure', async () => {
		const bytes = new TextEncoder().encode(
			'dossier_id,datum,gebeurtenis\n' + 'x","y\n'.repeat(2_000)
		);
		await self.onmessage!({
			data: {
				kind: 'import',
				files: [{ name: 'ev.csv', bytes }],
				today: '2026-01-01',
				dropPersonalData: false,
				reportOnly: true
			}
		});
		const done = last();
		expect(done.type).toBe('done');
		const file = (done as Extract<ImportResponse, { type: 'done' }>).report.files[0]!;
		expect(file.counts).toMatchObject({ gelezen: 2_000, geweigerd: 2_000 });
	});
});

describe('the client ends every way a worker fails, in Dutch', () => {
	type Behaviour = (worker: FakeWorker, transfer: ArrayBuffer[]) => void;
	let behaviour: Behaviour = () => {};
	let construct: () => void = () => {};
	class FakeWorker {
		onmessage: ((event: { data: unknown }) => void) | null = null;
		onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
		onmessageerror: (() => void) | null = null;
		terminated = false;
		transfer: ArrayBuffer[] = [];
		constructor() {
			construct();
		}
		postMessage(_request: unknown, transfer: ArrayBuffer[]) {
			this.transfer = transfer;
			behaviour(this, transfer);
		}
		terminate() {
			this.terminated = true;
		}
	}
	let importInWorker: typeof import('../../../src/lib/worker/import-client').importInWorker;
	let WORKER_FAILED: string;
	beforeAll(async () => {
		(globalThis as { Worker?: unknown }).Worker = FakeWorker;
		({ importInWorker, WORKER_FAILED } = await import('../../../src/lib/worker/import-client'));
	});

	const buffer = new ArrayBuffer(8);
	const request = {
		files: [
			{ name: 'a.csv', bytes: new Uint8Array(buffer, 0, 4) },
			{ name: 'b.csv', bytes: new Uint8Array(buffer, 4, 4) }
		],
		today: '2026-01-01',
		dropPersonalData: false
	};
	const fails = async (run: Behaviour) => {
		behaviour = run;
		return importInWorker(request).then(
			() => 'resolved',
			(error: Error) => error.message
		);
	};

	it('a crash: the browser’s English text is never shown', async () => {
		const message = await fails((w) =>
			w.onerror!({ message: 'Uncaught RangeError: Invalid array length', preventDefault() {} })
		);
		expect(message).toBe(WORKER_FAILED);
		expect(message).not.toMatch(ENGLISH);
	});

	it('an answer that cannot be read, or is no answer', async () => {
		expect(await fails((w) => w.onmessageerror!())).toBe(WORKER_FAILED);
		expect(await fails((w) => w.onmessage!({ data: { type: 'iets' } }))).toBe(WORKER_FAILED);
		expect(await fails((w) => w.onmessage!({ data: null }))).toBe(WORKER_FAILED);
	});

	it('the worker’s own Dutch message is passed on', async () => {
		const text = 'Het inlezen is gestopt door een onverwachte fout.';
		expect(await fails((w) => w.onmessage!({ data: { type: 'error', message: text } }))).toBe(text);
	});

	it('a request that cannot be sent, and a worker that cannot start', async () => {
		const message = await fails(() => {
			throw new Error('DataCloneError: ArrayBuffer at index 1 is a duplicate');
		});
		expect(message).toMatch(/^De bestanden konden niet aan de importwerker worden gegeven\./);
		construct = () => {
			throw new Error('SecurityError');
		};
		expect(await fails(() => {})).toBe(WORKER_FAILED);
		construct = () => {};
	});

	it('two files on one buffer transfer it once', async () => {
		let sent: ArrayBuffer[] = [];
		await fails((w, transfer) => {
			sent = transfer;
			w.onmessage!({ data: { type: 'error', message: 'x' } });
		});
		expect(sent).toEqual([buffer]);
	});
});
