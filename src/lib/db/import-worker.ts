/// <reference lib="webworker" />
/**
 * The import worker: runs the one import pipeline (`importSources`, as the command line does) off
 * the main thread, encodes the accepted rows for DuckDB, and hands back the report and the rows as
 * Arrow IPC buffers (transferred, not copied).
 */
import { tableToIPC } from 'apache-arrow';
import { importDdasFilesWithAddressKeys } from '../import/ddas-combine';
import { importSources, reportOf } from '../import/pipeline';
import { webCryptoPseudonymiser } from '../import/profiles/pseudonym';
import { stopwatch } from '../timing';
import { rowsToArrow } from './arrow';
import { ddasToArrowIpc } from './ddas-arrow';
import { byReader, inspectFile } from '../import/inspect';
import { importShvFilesWithAddressKeys } from '../import/ddas-shv';
import { shvToArrowIpc } from './shv-arrow';
import { mappingView } from '../import/profiles/view';
import { loadFailureText } from '../import/failure';
import { importLimit } from '../import/size-limit';
import type { ImportRequest, ImportResponse, WorkerRequest } from './import-protocol';

const post = (message: ImportResponse, transfer: Transferable[] = []) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	try {
		const request = event.data;
		if (request.kind === 'inspect') {
			post({ type: 'inspected', files: request.files.map(inspectFile) });
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
		// DDAS deliveries are recognised by their content and read by their own reader.
		const sorted = byReader(files);
		const deliveries = sorted.vroegsignalering;
		const ddasResult =
			deliveries.length === 0 || reportOnly
				? null
				: await importDdasFilesWithAddressKeys(
						deliveries,
						{
							today,
							onProgress: (signals) =>
								post({
									type: 'progress',
									phase: 'gelezen',
									files: files.length,
									bytes,
									rows: signals,
									file: deliveries.map((d) => d.name).join(', ')
								})
						},
						pseudonymiser
					);
		clock.lap('ddas');
		const shvResult =
			sorted.schuldhulpverlening.length === 0 || reportOnly
				? null
				: await importShvFilesWithAddressKeys(sorted.schuldhulpverlening, { today }, pseudonymiser);
		clock.lap('shv');
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
				ddas: null,
				shv: null,
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
		const ddas = ddasResult && {
			bestanden: ddasResult.bestanden,
			meldingen: ddasResult.meldingen,
			arrow: ddasToArrowIpc(ddasResult)
		};
		const shv = shvResult && {
			bestanden: shvResult.bestanden,
			meldingen: shvResult.meldingen,
			arrow: shvToArrowIpc(shvResult)
		};
		clock.lap('ddas-ipc');
		const transfer = [arrow.dossiers.buffer, arrow.events.buffer];
		if (ddas) {
			transfer.push(
				ddas.arrow.signalen.buffer,
				ddas.arrow.zaken.buffer,
				ddas.arrow.pogingen.buffer
			);
		}
		if (shv) transfer.push(shv.arrow.trajecten.buffer, shv.arrow.schulden.buffer);
		post({ type: 'done', report, arrow, ddas, shv, steps: clock.steps }, [
			...new Set(transfer as ArrayBuffer[])
		]);
	}
}
