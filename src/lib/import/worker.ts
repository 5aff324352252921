/// <reference lib="webworker" />
/**
 * The import worker: decodes, parses, validates and screens the files off the main thread, and
 * hands back the report and the accepted rows as Arrow IPC buffers (transferred, not copied).
 */
import { tableToIPC } from 'apache-arrow';
import { rowsToArrow } from './arrow';
import { stopwatch } from '../timing';
import { importSources } from './pipeline';
import { webCryptoPseudonymiser } from './profiles/pseudonym';
import { reportOf, type ImportRequest, type ImportResponse } from './worker-protocol';

const post = (message: ImportResponse, transfer: Transferable[] = []) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
	try {
		const { files, today, dropPersonalData, key } = event.data;
		const clock = stopwatch();
		const bytes = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
		post({ type: 'progress', phase: 'lezen', files: files.length, bytes });
		const inputs = files;
		let rows = 0;
		const result = await importSources(inputs, {
			today,
			dropPersonalData,
			pseudonymiser: key ? await webCryptoPseudonymiser(key) : null,
			onFileRead: (progress) => {
				rows += progress.rows;
				clock.lap('read');
				post({
					type: 'progress',
					phase: 'gelezen',
					files: inputs.length,
					bytes,
					rows,
					file: progress.file
				});
			}
		});
		clock.lap('import');
		post({ type: 'progress', phase: 'omzetten', files: inputs.length, bytes, rows });
		const tables = rowsToArrow(result.dossiers, result.events);
		clock.lap('arrow');
		const arrow = {
			dossiers: tableToIPC(tables.dossiers, 'stream'),
			events: tableToIPC(tables.events, 'stream')
		};
		clock.lap('ipc');
		const report = reportOf(result);
		post({ type: 'done', report, arrow, steps: clock.steps }, [
			arrow.dossiers.buffer,
			arrow.events.buffer
		]);
	} catch (error) {
		post({ type: 'error', message: (error as Error).message ?? String(error) });
	}
};
