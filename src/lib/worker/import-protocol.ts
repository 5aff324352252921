/** Messages between the page and the import worker. */
import type { SourceFile } from '../import/pipeline';
import type { ImportReport, InputFile } from '../import/types';
import type { FileInspection } from '../import/inspect';
import type { MappingView } from '../import/profiles/view';
import type { DeliveryArrow, DeliveryReport } from '../sources/registry';

/** One kind's deliveries of an import: their report, and their tables as Arrow IPC streams. */
export interface DeliveryImport extends DeliveryReport {
	arrow: DeliveryArrow;
}

/** The deliveries of an import by kind id (sources/registry.ts); a kind without files is absent. */
export type DeliveryImports = Record<string, DeliveryImport>;

/** What the page asks the worker for: an import (the default), or what picked files are. */
export type WorkerRequest = ({ kind?: 'import' } & ImportRequest) | InspectRequest | ViewRequest;

/** Asks for the mapping screen's view of one file (of one sheet, or the widest). */
export interface ViewRequest {
	kind: 'view';
	file: InputFile;
	sheet: string | null;
}

/** Asks what each file is (inspectFile), with its headers; nothing is loaded. */
export interface InspectRequest {
	kind: 'inspect';
	files: InputFile[];
}

export interface ImportRequest {
	/** Data files, each with the source profile it is read with (none: the exchange format). */
	files: SourceFile[];
	today: string;
	dropPersonalData: boolean;
	/** The werkgroep key: for the profiles that pseudonymise and the deliveries' address keys; kept in memory only. */
	key?: string | null;
	/** Only the report (the mapping screen's preview): no rows are encoded or sent back. */
	reportOnly?: boolean;
}

export type ImportResponse =
	| {
			type: 'progress';
			phase: 'lezen' | 'gelezen' | 'controleren' | 'omzetten';
			files: number;
			bytes: number;
			/** Data rows read so far (phase `gelezen` and later). */
			rows?: number;
			/** The file just read (phase `gelezen`). */
			file?: string;
	  }
	| {
			type: 'done';
			report: ImportReport;
			arrow: { dossiers: Uint8Array; events: Uint8Array };
			/** The deliveries among the files (recognised by their content), by kind. */
			deliveries: DeliveryImports;
			/** Milliseconds per step in the worker (read, import, arrow, ipc), for the bench's profile. */
			steps: Record<string, number>;
	  }
	| { type: 'inspected'; files: FileInspection[] }
	| { type: 'view'; view: MappingView }
	| { type: 'error'; message: string };
