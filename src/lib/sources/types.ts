/**
 * A delivery kind: a source that arrives beside the case data (exchange files and profile
 * exports, read by the core pipeline) and adds a block of its own figures. Each kind is one folder
 * under src/lib/sources/ whose index is this interface; registry.ts lists them.
 */
import type { Database } from '../db/database';
import type { Pseudonymiser } from '../import/profiles/pseudonym';
import type { InputFile } from '../import/types';

/** How a kind reads its files. */
export interface DeliveryReadOptions {
	/** The day of import, `YYYY-MM-DD`. */
	today: string;
	/** The werkgroep key's pseudonymiser: the address keys; null without a key. */
	pseudonymiser: Pseudonymiser | null;
	/** Hears the number of records read so far, where the reader reports it. */
	onProgress?: (records: number) => void;
}

/** One file's report: every kind names the file and why it was refused whole (null: read). */
export interface DeliveryFileReport {
	bestand: string;
	weigering: string | null;
}

/** What the import report shows of a kind's deliveries: per file, and the messages. */
export interface DeliveryReport<
	File extends DeliveryFileReport = DeliveryFileReport,
	Issue = unknown
> {
	bestanden: File[];
	meldingen: Issue[];
}

/** A kind's tables as Arrow IPC streams, by name (transferred from the worker, not copied). */
export type DeliveryArrow = Record<string, Uint8Array>;

/** What the page keeps of a kind once its tables are loaded; `gemeenten` are those in the tables. */
export interface LoadedDelivery<Report extends DeliveryReport = DeliveryReport> {
	bestanden: Report['bestanden'];
	meldingen: Report['meldingen'];
	gemeenten: string[];
}

/** The selection of a kind's block: period, gemeenten, and the peildatum where one was asked for. */
export interface DeliverySelection {
	van: string;
	tot: string;
	gemeenten: readonly string[];
	/** The selection's peildatum (null: the kind's own default). */
	peildatum: string | null;
	today: string;
}

/**
 * One delivery kind. `id` is also the key of its block in the JSON and in the page's figures;
 * the methods are the steps the worker, the command line and the page state run for every kind.
 */
export interface DeliveryKind<
	Read extends DeliveryReport = DeliveryReport,
	Loaded extends LoadedDelivery = LoadedDelivery,
	Block = unknown,
	Arrow extends DeliveryArrow = DeliveryArrow
> {
	id: string;
	/** The kind's name in Dutch, as the page and the report say it. */
	label: string;
	/** Whether a file is a delivery of this kind, by its content; at most one kind claims a file. */
	detect(bytes: Uint8Array): boolean;
	/** Reads the kind's files; a file refused whole has its `weigering`. Never throws but for the pseudonymiser. */
	read(files: readonly InputFile[], options: DeliveryReadOptions): Promise<Read>;
	/** The accepted rows as Arrow IPC streams. */
	toArrow(read: Read): Arrow;
	/** Replaces the kind's tables with these. */
	load(db: Database, arrow: Arrow): Promise<void>;
	/** Removes the kind's tables (a load without its deliveries). */
	drop(db: Database): Promise<void>;
	/** What the page keeps of the loaded deliveries (their report with what the tables hold). */
	loaded(db: Database, report: Pick<Read, 'bestanden' | 'meldingen'>): Promise<Loaded>;
	/** The kind's block of the JSON for a selection, on the loaded tables. */
	document(db: Database, selection: DeliverySelection, loaded: Loaded): Promise<Block>;
	/**
	 * The block's totals for every half-year the deliveries cover (the trend), for the selection's
	 * gemeenten and peildatum (its period is not used).
	 */
	trend(db: Database, selection: DeliverySelection, loaded: Loaded): Promise<HalfYearTotal[]>;
}

/** A block's total over one half-year `[van, tot)`. */
export interface HalfYearTotal<Total = unknown> {
	van: string;
	tot: string;
	totaal: Total;
}
