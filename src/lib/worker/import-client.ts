/** Runs the importer in its own module worker, so the page stays responsive. */
import { mark } from '../timing';
import type { FileInspection } from '../import/inspect';
import type { MappingView } from '../import/profiles/view';
import type { ImportReport, InputFile } from '../import/types';
import type {
	DeliveryImports,
	ImportRequest,
	ImportResponse,
	WorkerRequest
} from './import-protocol';

export interface WorkerImport {
	report: ImportReport;
	arrow: { dossiers: Uint8Array; events: Uint8Array };
	deliveries: DeliveryImports;
}

type Answer = Extract<ImportResponse, { type: 'done' } | { type: 'inspected' } | { type: 'view' }>;

/** The page's words when the worker fails without a message of its own (a crash, memory, a bad message). */
export const WORKER_FAILED =
	'De importwerker is onverwacht gestopt (mogelijk te weinig geheugen voor deze bestanden). Er is niets geladen en de huidige gegevens blijven staan.';

/**
 * Runs one request in a fresh worker; resolves with its answer, rejects with a Dutch error. Every
 * way a worker can fail ends the promise: an error message, a crash, an answer that cannot be
 * read, a request that cannot be sent.
 */
function runInWorker(
	request: WorkerRequest,
	transfer: ArrayBuffer[],
	onProgress: (message: Extract<ImportResponse, { type: 'progress' }>) => void = () => {}
): Promise<Answer> {
	return new Promise<Answer>((resolve, reject) => {
		let worker: Worker;
		try {
			// A module worker of our own: papaparse's `worker: true` does not survive a production build.
			worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
		} catch {
			reject(new Error(WORKER_FAILED));
			return;
		}
		const fail = (message: string) => {
			worker.terminate();
			reject(new Error(message));
		};
		worker.onmessage = (event: MessageEvent<ImportResponse>) => {
			const message = event.data;
			if (message?.type === 'progress') return onProgress(message);
			worker.terminate();
			if (message?.type === 'error') reject(new Error(message.message || WORKER_FAILED));
			else if (
				message?.type === 'done' ||
				message?.type === 'inspected' ||
				message?.type === 'view'
			)
				resolve(message);
			else reject(new Error(WORKER_FAILED));
		};
		// The browser's own text of a worker error is English: never shown.
		worker.onerror = (event) => {
			event.preventDefault();
			fail(WORKER_FAILED);
		};
		worker.onmessageerror = () => fail(WORKER_FAILED);
		try {
			// A buffer shared by two files is transferred once.
			worker.postMessage(request, [...new Set(transfer)]);
		} catch {
			fail(
				'De bestanden konden niet aan de importwerker worden gegeven. Er is niets geladen en de huidige gegevens blijven staan; kies de bestanden opnieuw.'
			);
		}
	});
}

/** Imports the files in a fresh worker; `onProgress` hears each phase. */
export async function importInWorker(
	request: ImportRequest,
	onProgress?: (message: Extract<ImportResponse, { type: 'progress' }>) => void
): Promise<WorkerImport> {
	const answer = await runInWorker(
		request,
		request.files.map((f) => f.bytes.buffer as ArrayBuffer),
		onProgress
	);
	if (answer.type !== 'done') throw new Error('De importwerker gaf een onverwacht antwoord.');
	mark('import-done', answer.steps);
	return { report: answer.report, arrow: answer.arrow, deliveries: answer.deliveries };
}

/** What each file is, read in a fresh worker (a workbook is unpacked there, never on the page). The bytes are copied. */
export async function inspectInWorker(files: readonly InputFile[]): Promise<FileInspection[]> {
	const copies = files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
	const answer = await runInWorker(
		{ kind: 'inspect', files: copies },
		copies.map((f) => f.bytes.buffer as ArrayBuffer)
	);
	if (answer.type !== 'inspected') throw new Error('De importwerker gaf een onverwacht antwoord.');
	return answer.files;
}

/** The mapping screen's view of a file (the bytes are copied), read in a fresh worker. */
export async function viewInWorker(file: InputFile, sheet: string | null): Promise<MappingView> {
	const bytes = file.bytes.slice();
	const answer = await runInWorker({ kind: 'view', file: { name: file.name, bytes }, sheet }, [
		bytes.buffer as ArrayBuffer
	]);
	if (answer.type !== 'view') throw new Error('De importwerker gaf een onverwacht antwoord.');
	return answer.view;
}
