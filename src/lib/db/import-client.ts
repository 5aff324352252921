/** Runs the importer in its own module worker, so the page stays responsive. */
import { mark } from '../timing';
import type { ImportReport } from '../import/types';
import type { ImportRequest, ImportResponse } from './import-protocol';

export interface WorkerImport {
	report: ImportReport;
	arrow: { dossiers: Uint8Array; events: Uint8Array };
}

/** Imports the files in a fresh worker; `onProgress` hears each phase. */
export function importInWorker(
	request: ImportRequest,
	onProgress: (message: Extract<ImportResponse, { type: 'progress' }>) => void = () => {}
): Promise<WorkerImport> {
	// A module worker of our own: papaparse's `worker: true` does not survive a production build.
	const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
	return new Promise<WorkerImport>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<ImportResponse>) => {
			const message = event.data;
			if (message.type === 'progress') return onProgress(message);
			worker.terminate();
			if (message.type === 'done') {
				mark('import-done', message.steps);
				resolve({ report: message.report, arrow: message.arrow });
			} else reject(new Error(message.message));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message || 'De importwerker is onverwacht gestopt.'));
		};
		worker.postMessage(
			request,
			request.files.map((f) => f.bytes.buffer as ArrayBuffer)
		);
	});
}
