/** Messages between the page and the import worker. */
import type { SourceFile } from './pipeline';
import type { ImportResult } from './types';

export interface ImportRequest {
	files: SourceFile[];
	today: string;
	dropPersonalData: boolean;
	/** The werkgroep key for the profiles that pseudonymise (memory only; never stored). */
	key?: string | null;
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
			/** Milliseconds per step in the worker (read, import, arrow, ipc), for the bench's profile. */
			steps: Record<string, number>;
	  }
	| { type: 'error'; message: string };

/** Splits an ImportResult into its report and its row counts. */
export function reportOf(result: ImportResult): ImportReport {
	const { dossiers, events, ...rest } = result;
	return { ...rest, dossierCount: dossiers.length, eventCount: events.length };
}
