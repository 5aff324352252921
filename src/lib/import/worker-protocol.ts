/** Messages between the page and the import worker. */
import type { VsArrow } from './ddas-arrow';
import type { DdasFileReport } from './ddas-combine';
import type { DdasIssue } from './ddas';
import type { ImportResult, InputFile } from './types';

/** The DDAS deliveries of an import: their report, and their tables as Arrow IPC streams. */
export interface DdasImport {
	bestanden: DdasFileReport[];
	meldingen: DdasIssue[];
	arrow: VsArrow;
}

export interface ImportRequest {
	files: InputFile[];
	today: string;
	dropPersonalData: boolean;
}

/** The import report: everything of an ImportResult except the rows themselves. */
export type ImportReport = Omit<ImportResult, 'dossiers' | 'events'> & {
	dossierCount: number;
	eventCount: number;
};

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
			/** Present when DDAS deliveries were among the files (recognised by their content). */
			ddas: DdasImport | null;
			/** Milliseconds per step in the worker (read, import, arrow, ipc), for the bench's profile. */
			steps: Record<string, number>;
	  }
	| { type: 'error'; message: string };

/** Splits an ImportResult into its report and its row counts. */
export function reportOf(result: ImportResult): ImportReport {
	const { dossiers, events, ...rest } = result;
	return { ...rest, dossierCount: dossiers.length, eventCount: events.length };
}
