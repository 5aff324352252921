/** Runs the importer in its own module worker, so the page stays responsive. */
import { mark } from '../timing';
import type { FileInspection } from '../import/inspect';
import type { ImportReport, InputFile } from '../import/types';
import type { DdasImport, ImportRequest, ImportResponse, WorkerRequest } from './import-protocol';

export interface WorkerImport {
	report: ImportReport;
	arrow: { dossiers: Uint8Array; events: Uint8Array };
	ddas: DdasImport | null;
}

type Answer = Extract<ImportResponse, { type: 'done' } | { type: 'inspected' }>;

/** Runs one request in a fresh worker; resolves with its answer, rejects with its Dutch error. */
function runInWorker(
	request: WorkerRequest,
	transfer: ArrayBuffer[],
	onProgress: (message: Extract<ImportResponse, { type: 'progress' }>) => void = () => {}
): Promise<Answer> {
	// A module worker of our own: papaparse's `worker: true` does not survive a production build.
	const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
	return new Promise<Answer>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<ImportResponse>) => {
			const message = event.data;
			if (message.type === 'progress') return onProgress(message);
			worker.terminate();
			if (message.type === 'error') reject(new Error(message.message));
			else resolve(message);
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message || 'De importwerker is onverwacht gestopt.'));
		};
		worker.postMessage(request, transfer);
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
	return { report: answer.report, arrow: answer.arrow, ddas: answer.ddas };
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
