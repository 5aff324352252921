/// <reference lib="webworker" />
/**
 * The import worker: runs the one import pipeline (`importSources`, as the command line does) off
 * the main thread, reads each delivery by its kind (sources/registry.ts), encodes the accepted rows
 * for DuckDB, and hands back the reports and the rows as Arrow IPC buffers (transferred, not
 * copied).
 */
import { tableToIPC } from 'apache-arrow';
import { importSources, reportOf } from '../import/pipeline';
import { webCryptoPseudonymiser } from '../import/profiles/pseudonym';
import { stopwatch } from '../timing';
import { rowsToArrow } from '../db/arrow';
import { inspectFile } from '../import/inspect';
import { mappingView } from '../import/profiles/view';
import { loadFailureText } from '../import/failure';
import { importLimit } from '../import/size-limit';
import { byKind, kindOf, type DeliveryKind, type DeliveryReport } from '../sources/registry';
import type {
	DeliveryImports,
	ImportRequest,
	ImportResponse,
	WorkerRequest
} from './import-protocol';

const post = (message: ImportResponse, transfer: Transferable[] = []) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	try {
		const request = event.data;
		if (request.kind === 'inspect') {
			const isDelivery = (bytes: Uint8Array) => kindOf(bytes) !== null;
			post({ type: 'inspected', files: request.files.map((f) => inspectFile(f, isDelivery)) });
			return;
		}
		if (request.kind === 'view') {
			const result = mappingView(request.file, request.sheet);
			post(
				result.ok ? { type: 'view', view: result.view } : { type: 'error', message: result.message }
			);
			return;
		}
		await importFiles(request);
	} catch (error) {
		fail(error);
	}
};

/** Answers a failure with a Dutch message (never the JavaScript text, which is English and may quote a file). */
function fail(error: unknown): void {
	try {
		post({ type: 'error', message: loadFailureText(error) });
	} catch {
		// Posting failed too: the page hears the worker's error event instead.
		throw new Error('importwerker');
	}
}

// A rejection outside the request's own try (none is expected) still gets an answer.
self.addEventListener('unhandledrejection', (event) => {
	event.preventDefault();
	fail(event.reason);
});

/** The byte limit of this worker (the page's rule on the heap it reports, where it does). */
function byteLimit(): number {
	const memory = (performance as Performance & { memory?: { jsHeapSizeLimit?: number } }).memory;
	return importLimit(memory?.jsHeapSizeLimit);
}

/** Imports the files and posts the report and the rows as Arrow IPC. */
async function importFiles(request: ImportRequest): Promise<void> {
	{
		const { files, today, dropPersonalData, key, reportOnly } = request;
		const clock = stopwatch();
		const bytes = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
		post({ type: 'progress', phase: 'lezen', files: files.length, bytes });
		// One pseudonymiser of the werkgroep key: the profiles' ids and the deliveries' address keys.
		const pseudonymiser = key ? await webCryptoPseudonymiser(key) : null;
		// Deliveries are recognised by their content and read by their kind's reader (sources/).
		const sorted = byKind(files);
		const reads: { kind: DeliveryKind; read: DeliveryReport }[] = [];
		for (const { kind, files: own } of reportOnly ? [] : sorted.deliveries) {
			const read = await kind.read(own, {
				today,
				pseudonymiser,
				onProgress: (records) =>
					post({
						type: 'progress',
						phase: 'gelezen',
						files: files.length,
						bytes,
						rows: records,
						file: own.map((d) => d.name).join(', ')
					})
			});
			reads.push({ kind, read });
			clock.lap(kind.id);
		}
		let rows = 0;
		const result = await importSources(sorted.overig, {
			today,
			dropPersonalData,
			pseudonymiser,
			byteLimit: byteLimit(),
			onFileRead: (progress) => {
				rows += progress.rows;
				clock.lap('read');
				post({
					type: 'progress',
					phase: 'gelezen',
					files: files.length,
					bytes,
					rows,
					file: progress.file
				});
			}
		});
		clock.lap('import');
		if (reportOnly) {
			const none = new Uint8Array(0);
			post({
				type: 'done',
				report: reportOf(result),
				arrow: { dossiers: none, events: none },
				deliveries: {},
				steps: clock.steps
			});
			return;
		}
		post({ type: 'progress', phase: 'omzetten', files: files.length, bytes, rows });
		const tables = rowsToArrow(result.dossiers, result.events);
		clock.lap('arrow');
		const arrow = {
			dossiers: tableToIPC(tables.dossiers, 'stream'),
			events: tableToIPC(tables.events, 'stream')
		};
		clock.lap('ipc');
		const report = reportOf(result);
		const deliveries: DeliveryImports = {};
		const transfer = [arrow.dossiers.buffer, arrow.events.buffer];
		for (const { kind, read } of reads) {
			const delivery = {
				bestanden: read.bestanden,
				meldingen: read.meldingen,
				arrow: kind.toArrow(read)
			};
			deliveries[kind.id] = delivery;
			transfer.push(...Object.values(delivery.arrow).map((ipc) => ipc.buffer));
		}
		clock.lap('leveringen-ipc');
		post({ type: 'done', report, arrow, deliveries, steps: clock.steps }, [
			...new Set(transfer as ArrayBuffer[])
		]);
	}
}
