/** The data the importer produces: accepted rows and the import report. */
import type { EventCode, Outcome, Reason, TargetGroup } from '../domain/codes';

/** A file as the user hands it over: its name and its raw bytes. */
export interface InputFile {
	name: string;
	bytes: Uint8Array;
}

/** What a file holds, recognised from its header. `gecombineerd` is an events file with dossier columns. */
export type TableRole = 'dossiers' | 'gebeurtenissen' | 'gecombineerd';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t';

export interface ImportOptions {
	/** The day of import, `YYYY-MM-DD`: events after it are rejected. Passed in, never read from a clock here. */
	today: string;
	/**
	 * Drop the columns the personal-data guard flags instead of refusing the file. Only on the
	 * user's explicit request.
	 */
	dropPersonalData?: boolean;
	/** Hears each file once it is read: its data rows, before they are checked. */
	onFileRead?: (progress: { file: string; rows: number }) => void;
	/** The most data rows a file may have (see size-limit.ts, rowBudget); a longer file is refused as `te_groot`. */
	maxRows?: number;
}

export interface DossierRow {
	dossier_id: string;
	corporatie: string;
	doelgroep: TargetGroup;
	wijk: string | null;
	/**
	 * The address key (ddas-schuldhulpverlening.md, "The chain"): 32 lower-case hex characters of
	 * HMAC-SHA256(werkgroep key, address), never the address itself; null (or absent, for rows
	 * made elsewhere) when the dossier has none.
	 */
	adres_sleutel?: string | null;
}

export interface EventRow {
	dossier_id: string;
	/** ISO date `YYYY-MM-DD`. */
	datum: string;
	gebeurtenis: EventCode;
	/** Set on `ontruiming` only (`onbekend` when missing or invalid). */
	reden: Reason | null;
	/** Set on `afgesloten` only (`overig` when missing or invalid). */
	uitkomst: Outcome | null;
}

/** Why a row was rejected or warned about. */
export type IssueCode =
	| 'waarde_ontbreekt'
	| 'ongeldig_dossier_id'
	| 'ongeldige_datum'
	| 'onbekende_gebeurtenis'
	| 'datum_in_toekomst'
	| 'datum_voor_2000'
	| 'onbekend_dossier'
	| 'tegenstrijdig_dossier'
	| 'onbekende_doelgroep'
	/** An `adres_sleutel` that is not 32 lower-case hex characters. */
	| 'ongeldige_adres_sleutel'
	/** A profile's address with an empty postcode or huisnummer: the dossier gets no address key. */
	| 'adres_onvolledig'
	| 'onvolledige_regel'
	/** A malformed record (quotes): only its own physical line is rejected. */
	| 'onleesbare_regel'
	| 'reden_onbekend'
	| 'uitkomst_onbekend'
	| 'geen_signaal'
	| 'ontruiming_zonder_vonnis'
	| 'aanzegging_voor_vonnis'
	| 'voor_signaal'
	/** A line of a UTF-8 file that was not UTF-8: read as Windows-1252. */
	| 'tekens_windows_1252'
	/** An event of a wide export's row whose dossier was rejected. */
	| 'dossier_geweigerd';

export interface RowIssue {
	file: string;
	/** Physical line in the file where the row starts; the header is line 1. */
	line: number;
	/** Column name as written in the file's header, or null when the row as a whole is meant. */
	column: string | null;
	code: IssueCode;
	/** Dutch message for the user. */
	message: string;
	/** The row's original values, keyed by the file's own header names. */
	values: Record<string, string>;
}

/** A label of a profile's column that its table did not hold and its `anders` placed. */
export interface FallbackLabel {
	/** The source column, as the file writes it. */
	column: string;
	/** The cell as written (trimmed). */
	value: string;
	rows: number;
	/** The code `anders` gave it. */
	code: string;
}

export interface DuplicateRow {
	file: string;
	line: number;
	/** Where the row that stands was read. */
	firstFile: string;
	firstLine: number;
}

/**
 * Row counts; `gelezen = geaccepteerd + dubbel + geweigerd + overgeslagen`; `waarschuwingen` is
 * part of `geaccepteerd`.
 */
export interface Counts {
	gelezen: number;
	geaccepteerd: number;
	waarschuwingen: number;
	dubbel: number;
	geweigerd: number;
	/** Rows the source profile itself skips (an activity label mapped to null); 0 for exchange files. */
	overgeslagen: number;
}

export interface FileReport {
	name: string;
	role: TableRole;
	encoding: Encoding;
	delimiter: Delimiter;
	/** Read from a sheet of an .xlsx workbook: encoding and delimiter are then not the file's own. */
	workbook?: true;
	counts: Counts;
	/** The source profile's `naam` when the file was read through a profile, else null. */
	profile: string | null;
	/** Header names the format (or the profile) does not use: ignored, never loaded. */
	unknownColumns: string[];
	/** Of those, the ones whose header or values look like personal data (profile files only). */
	personalDataNotLoaded: PersonalDataFinding[];
	/** Columns dropped by the personal-data guard on the user's request. */
	droppedColumns: string[];
	/** A UTF-8 file with stray Windows-1252 bytes: the physical lines read as Windows-1252. */
	windows1252Lines: number[];
	rejected: RowIssue[];
	/** Profile files: the labels of a mapped column that only the value spec's `anders` placed. */
	fallbackLabels?: FallbackLabel[];
	/** Every warning; a row may have several, but counts once in `counts.waarschuwingen`. */
	warnings: RowIssue[];
	duplicates: DuplicateRow[];
}

export type PersonalDataReason =
	'kolomnaam' | 'bsn' | 'iban' | 'postcode' | 'email' | 'telefoon' | 'naam';

export interface PersonalDataFinding {
	column: string;
	reason: PersonalDataReason;
	/** First line where a value gave the signal (null for a header signal). */
	line: number | null;
}

export type RefusalCode =
	| 'leeg'
	| 'binair'
	| 'geen_csv'
	| 'rol_onbekend'
	| 'kolom_ontbreekt'
	/** A known column stands more than once in the header. */
	| 'kolom_dubbel'
	| 'persoonsgegevens'
	/** A profile pseudonymises the dossier_id and no key was given. */
	| 'sleutel_ontbreekt'
	/** The profile's `werkblad` is not in the workbook. */
	| 'werkblad_ontbreekt'
	/** A DDAS vroegsignalering delivery that cannot be read (ddas-vroegsignalering.md). */
	| 'ddas_onleesbaar'
	/** An .xlsx workbook that is damaged or not what it claims (workbook.ts). */
	| 'werkmap_onleesbaar'
	/** An .xlsx workbook whose parts inflate (or whose sheets write) past the import limit. */
	| 'werkmap_te_groot'
	/** More than a tab (or the command line) can hold: too many bytes, or a profile making too many rows. */
	| 'te_groot';

/** A file refused whole: nothing of it is loaded. */
export interface RefusedFile {
	name: string;
	code: RefusalCode;
	/** Dutch message naming the file and what is wrong or missing. */
	message: string;
	/** For `persoonsgegevens`: the flagged columns. */
	personalData: PersonalDataFinding[];
}

export interface ImportResult {
	dossiers: DossierRow[];
	events: EventRow[];
	files: FileReport[];
	refused: RefusedFile[];
	/** Counts summed over the files of each table (combined files count as gebeurtenissen). */
	totals: { dossiers: Counts; gebeurtenissen: Counts };
}

/** The import report: everything of an ImportResult except the rows themselves. */
export type ImportReport = Omit<ImportResult, 'dossiers' | 'events'> & {
	dossierCount: number;
	eventCount: number;
};
