/// <reference lib="webworker" />
/**
 * The import worker: decodes, parses, validates and screens the files off the main thread, and
 * hands back the report and the accepted rows as Arrow IPC buffers (transferred, not copied).
 */
import { tableToIPC } from 'apache-arrow';
import { rowsToArrow } from './arrow';
import { stopwatch } from '../timing';
import { isDdasFile } from './ddas';
import { ddasToArrowIpc } from './ddas-arrow';
import { importDdasFiles } from './ddas-combine';
import { importFiles } from './index';
import { expandWorkbooks } from './workbook';
import { reportOf, type ImportRequest, type ImportResponse } from './worker-protocol';

const post = (message: ImportResponse, transfer: Transferable[] = []) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
	try {
		const { files, today, dropPersonalData } = event.data;
		const clock = stopwatch();
		const bytes = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
		post({ type: 'progress', phase: 'lezen', files: files.length, bytes });
		// DDAS deliveries are recognised by their content and read by their own reader.
		const deliveries = files.filter((f) => isDdasFile(f.bytes));
		const ddasResult =
			deliveries.length === 0
				? null
				: importDdasFiles(deliveries, {
						today,
						onProgress: (signals) =>
							post({
								type: 'progress',
								phase: 'gelezen',
								files: files.length,
								bytes,
								rows: signals
							})
					});
		clock.lap('ddas');
		const inputs = expandWorkbooks(files.filter((f) => !deliveries.includes(f)));
		clock.lap('workbooks');
		let rows = 0;
		const result = importFiles(inputs, {
			today,
			dropPersonalData,
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
		const ddas = ddasResult && {
			bestanden: ddasResult.bestanden,
			meldingen: ddasResult.meldingen,
			arrow: ddasToArrowIpc(ddasResult)
		};
		clock.lap('ddas-ipc');
		const transfer = [arrow.dossiers.buffer, arrow.events.buffer];
		if (ddas)
			transfer.push(
				ddas.arrow.signalen.buffer,
				ddas.arrow.zaken.buffer,
				ddas.arrow.pogingen.buffer
			);
		post({ type: 'done', report, arrow, ddas, steps: clock.steps }, transfer as ArrayBuffer[]);
	} catch (error) {
		post({ type: 'error', message: (error as Error).message ?? String(error) });
	}
};
