/**
 * The loaded data: one DuckDB engine per tab, the files the user gave, the import report and the
 * data's extent. Loading runs the importer in a worker and replaces the tables only when at
 * least one file was accepted, so a file refused whole leaves what was loaded untouched.
 */
import demoKey from '../../../data/bronnen/demo-sleutel.txt?raw';
import { database } from '$lib/db/engine';
import { importInWorker, inspectInWorker } from '$lib/worker/import-client';
import { importLimit, sizeRefusal } from '$lib/import/size-limit';
import type { ImportReport } from '$lib/import/types';
import { completeness, type Completeness } from '$lib/import/completeness';
import type { InputFile, PersonalDataFinding } from '$lib/import/types';
import { needsKey, parseProfile, type SourceProfile } from '$lib/import/profiles/format';
import { profileForHeads, type FileHeads, type NamedProfile } from '$lib/import/profiles/match';
import type { FileInspection, FileKind } from '$lib/import/inspect';
import { missingRequiredSteps } from '$lib/import/profiles/required-steps';
import { keyFingerprint, keyProblem, normalizeKey } from '$lib/import/profiles/pseudonym';
import { exchangeCsv } from '$lib/import/exchange-csv';
import { exchangeRows } from '$lib/metrics/exchange-rows';
import { rememberProfile } from './remembered-profiles';
import { rememberLoadedNames } from './session-files';
import { dataExtent } from '$lib/metrics/selection';
import { addressKeyCoverage, type AddressKeyCoverage } from '$lib/metrics/keten';
import type { DataExtent } from '$lib/metrics/types';
import { deriveLeadTimes, loadArrowFirst } from '$lib/metrics/load';
import {
	DELIVERY_KINDS,
	kindOf,
	schuldhulpverlening,
	vroegsignalering,
	type LoadedDelivery,
	type LoadedShv,
	type LoadedVs
} from '$lib/sources/registry';
import { todayInAmsterdam } from '$lib/domain/dates';
import { mark } from '$lib/timing';

/** A data file as the user gave it, with the source profile it is read with (if any). */
export interface PickedFile extends InputFile {
	profile?: SourceProfile | null;
	/** What the import worker found the file to be, with its headers (absent: not inspected, e.g. the demo). */
	kind?: FileKind;
	heads?: FileHeads;
}

/** A picked file's headers for profile matching. */
function headsOf(f: PickedFile): { name: string; heads: FileHeads } {
	return { name: f.name, heads: f.heads ?? [] };
}

/** A pick that waits for its files without an exchange header to be mapped (or given a profile). */
export interface PendingMapping {
	files: PickedFile[];
	/** Names of the files still to map, in pick order. */
	waiting: string[];
	/** How many files of the pick needed mapping, and which are mapped: "2 van 5 gekoppeld". */
	total: number;
	mapped: string[];
	/** "Profiel herstellen": the profile the (one) waiting file was read with, to start the screen from. */
	repair?: SourceProfile;
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Files that the personal-data guard stopped, waiting for the user's decision. */
export interface PendingPersonalData {
	files: PickedFile[];
	/** The names the user picked in this attempt (a refusal of one of them loads nothing). */
	picked: ReadonlySet<string>;
	findings: { file: string; findings: PersonalDataFinding[] }[];
}

/** Chromium's JS heap limit (`performance.memory`, non-standard), when the browser tells it. */
function heapLimit(): number | undefined {
	return (performance as Performance & { memory?: { jsHeapSizeLimit: number } }).memory
		?.jsHeapSizeLimit;
}

export { database };

class DataState {
	status = $state<LoadStatus>('idle');
	/** What is happening now, in Dutch, for the progress line. */
	progress = $state('');
	error = $state<string | null>(null);
	/** The error of the tab's start, when the current error is that one (see errorAtStart). */
	#startError = $state<string | null>(null);
	/**
	 * True when the error shown is the tab's start failing (the demo or the engine): said once, at
	 * the top of every page; the file picker repeats only the errors of the user's own picks.
	 */
	get errorAtStart(): boolean {
		return this.error !== null && this.error === this.#startError;
	}
	demo = $state(false);
	/**
	 * The demo is loading as the tab's first data and nothing else was picked: the page may show the
	 * demo's first view from the build meanwhile (demo-snapshot.svelte.ts).
	 */
	startingDemo = $state(false);
	/** The report of the last import that was loaded. */
	report = $state<ImportReport | null>(null);
	/** How complete the loaded figures are: rejected rows per file, labels a profile did not place. */
	completeness = $state.raw<Completeness | null>(null);
	/** Files refused whole in the last attempt (shown even when nothing new was loaded). */
	refused = $state<ImportReport['refused']>([]);
	extent = $state<DataExtent | null>(null);
	/** What is loaded of each delivery kind beside the case data, by kind id (absent: none). */
	deliveries = $state.raw<Record<string, LoadedDelivery>>({});
	/** The vroegsignalering deliveries loaded beside the case data (null: none). */
	get ddas(): LoadedVs | null {
		return (this.deliveries[vroegsignalering.id] as LoadedVs | undefined) ?? null;
	}
	/** The schuldhulpverlening deliveries loaded beside the case data (null: none). */
	get shv(): LoadedShv | null {
		return (this.deliveries[schuldhulpverlening.id] as LoadedShv | undefined) ?? null;
	}
	/** Raised on every load, so that figures recompute. */
	version = $state(0);
	pending = $state<PendingPersonalData | null>(null);
	/** A pick waiting for the werkgroep key (a profile pseudonymises and no key was given yet). */
	keyNeeded = $state.raw<PickedFile[] | null>(null);
	/** What is wrong with the key the user gave, in Dutch. */
	keyError = $state<string | null>(null);
	/** A pick waiting for the mapping screen ("Kolommen koppelen"). */
	mapping = $state.raw<PendingMapping | null>(null);
	/** The fingerprint of the key in use (source-profiles.md, "The key"), shown so parties can compare it; null: no key. */
	keyFingerprint = $state<string | null>(null);
	/** A short Dutch note at the drop zone (e.g. a profile remembered). */
	notice = $state<string | null>(null);
	/** The user's files that make up the loaded data (raw bytes, kept in this tab only). */
	#files: PickedFile[] = [];
	/** The werkgroep key: in memory only (never stored, never in the URL, never in a download). */
	#key: string | null = null;
	/** The derivation of the lead-time table of one data version, once asked for. */
	#leadTimes: { version: number; done: boolean; ready: Promise<void> } | null = null;

	/** Per corporation, the dossiers with an address key, of the loaded data (asked for by the import page). */
	addressKeys(version: number): Promise<AddressKeyCoverage[]> {
		if (this.#addressKeys?.version !== version)
			this.#addressKeys = { version, rows: database().then(addressKeyCoverage) };
		return this.#addressKeys.rows;
	}
	#addressKeys: { version: number; rows: Promise<AddressKeyCoverage[]> } | null = null;

	/**
	 * The lead-time table of data version `version`: derived on the first call, so that the
	 * first screen's queries run before it (the engine runs one statement at a time). A call for
	 * a version that a newer load replaced derives from whatever is loaded; its figures are
	 * discarded by their request token.
	 */
	leadTimes(version: number): Promise<void> {
		if (this.#leadTimes?.version !== version) {
			const entry: { version: number; done: boolean; ready: Promise<void> } = {
				version,
				done: false,
				ready: database().then(async (db) => {
					await deriveLeadTimes(db);
					mark('lead-times-derived');
					entry.done = true;
				})
			};
			entry.ready.catch(() => {
				if (this.#leadTimes === entry) this.#leadTimes = null;
			});
			this.#leadTimes = entry;
		}
		return this.#leadTimes.ready;
	}

	/** Whether the lead-time table of data version `version` is derived. */
	leadTimesDerived(version: number): boolean {
		return this.#leadTimes?.version === version && this.#leadTimes.done;
	}

	/** Loads the demo export shipped with the site. */
	async loadDemo(urls: { dossiers: string; gebeurtenissen: string }): Promise<void> {
		this.startingDemo = this.extent === null && this.#picks === 0;
		this.#demoLoading = true;
		this.status = 'loading';
		this.progress = 'Demodata ophalen…';
		// The engine's start (compiling its wasm) is the longest step: begin it before the fetch.
		database().catch(() => undefined);
		try {
			// The demo takes its place in the queue of loads now, before any pick: a file picked while
			// the demo is fetched or the engine starts loads after it, never beside it or before it.
			const loaded = await this.#serial(async () => {
				const files = await Promise.all(
					Object.entries(urls).map(async ([name, url]) => {
						const response = await fetch(url);
						if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
						return {
							name: `demo-${name}.csv`,
							bytes: new Uint8Array(await response.arrayBuffer())
						};
					})
				);
				mark('demo-fetched');
				return this.#load(files, false, new Set(), false);
			});
			if (!loaded && !this.error) {
				throw new Error(
					this.refused.map((r) => r.message).join(' ') || 'geen bestand geaccepteerd'
				);
			}
		} catch (error) {
			this.#fail(`De demodata kon niet worden geladen: ${(error as Error).message}`, true);
		} finally {
			this.startingDemo = false;
			this.#demoLoading = false;
		}
	}

	/**
	 * Adds the demo's DDAS deliveries (vroegsignalering and schuldhulpverlening) to the demo, so that
	 * the sections of both and the chain "Van signaal tot vonnis" show. Their address keys are made
	 * with the demo's own fictitious key (data/bronnen/demo-sleutel.txt), which is used for the
	 * demo's files only and never becomes the tab's key.
	 */
	async loadDemoDeliveries(urls: { vroegsignalering: string; schuldhulpverlening: string }) {
		try {
			const files = await Promise.all(
				Object.entries(urls).map(async ([name, url]) => {
					const response = await fetch(url);
					if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
					return { name: `demo-${name}.json`, bytes: new Uint8Array(await response.arrayBuffer()) };
				})
			);
			await this.addFiles(files);
		} catch (error) {
			this.#fail(`De demoleveringen konden niet worden geladen: ${(error as Error).message}`, true);
		}
	}

	/** Loads one after another: a second pick waits until the first has landed. */
	#queue: Promise<unknown> = Promise.resolve();
	/** Picks not yet landed; the state is `loading` while there are any. */
	#picks = 0;
	/** The demo's load is under way (a pick that ends without a load leaves the state `loading`). */
	#demoLoading = false;

	/** Marks the state `loading` from the moment of the pick (before the files are read). */
	beginPick(): void {
		this.#picks++;
		this.status = 'loading';
		this.progress ||= 'Bestanden lezen…';
	}

	/** Ends a pick that `beginPick` started without files to load. */
	cancelPick(): void {
		this.#picks = Math.max(0, this.#picks - 1);
		if (this.#picks === 0) this.#restore('ready');
	}

	/** True when a key was given in this tab (the key itself never leaves this object but to the worker). */
	get hasKey(): boolean {
		return this.#key !== null;
	}

	/**
	 * Takes a pick of the file input (after `beginPick`). The import worker says what each file is
	 * (a workbook is never unpacked on the page): profile files are checked (a wrong one: its
	 * Dutch message, nothing loaded touched) and remembered, and apply to the data files picked
	 * with them (see profileForHeads); a one-line text file is offered as the key; files that are
	 * no exchange files wait for the mapping screen.
	 */
	async pick(inputs: InputFile[]): Promise<void> {
		this.notice = null;
		let inspected: FileInspection[];
		try {
			inspected = await inspectInWorker(inputs);
		} catch (error) {
			this.refused = [];
			this.error = `De bestanden konden niet worden gelezen: ${(error as Error).message}`;
			this.cancelPick();
			return;
		}
		const profiles: NamedProfile[] = [];
		const errors: string[] = [];
		const files: PickedFile[] = [];
		inputs.forEach((input, i) => {
			const { kind, heads } = inspected[i]!;
			if (kind === 'sleutel') {
				this.keyFile = input;
			} else if (kind === 'profiel') {
				const parsed = parseProfile(new TextDecoder().decode(input.bytes), input.name);
				if (parsed.ok) profiles.push({ profile: parsed.profile, fileName: input.name });
				else errors.push(parsed.message);
			} else files.push({ ...input, kind, heads });
		});
		if (errors.length > 0) {
			this.refused = [];
			this.error = errors.join(' ');
			this.cancelPick();
			return;
		}
		this.error = null;
		for (const p of profiles) rememberProfile(p.profile);
		if (files.length === 0) {
			const m = this.mapping;
			const fits = m?.files.filter(
				(f) => m.waiting.includes(f.name) && profileForHeads(headsOf(f), profiles) !== null
			);
			if (m && fits && fits.length > 0) {
				for (const f of fits) this.#assign(f.name, profileForHeads(headsOf(f), profiles));
				return this.#continueMapping();
			}
			if (profiles.length > 0) {
				this.notice = `${profiles.length === 1 ? `Profiel ‘${profiles[0]!.profile.naam}’ is` : 'De profielen zijn'} onthouden in deze browser; kies nu de exportbestanden.`;
			}
			if (this.keyFile && this.keyNeeded === null && !m) {
				this.notice =
					`${this.notice ?? ''} ‘${this.keyFile.name}’ lijkt de sleutel van de werkgroep.`.trim();
			}
			this.cancelPick();
			return;
		}
		await this.#continue(
			files.map((f) => ({ ...f, profile: profileForHeads(headsOf(f), profiles) }))
		);
	}

	/** A picked one-line text file that may be the werkgroep key (its content is never shown). */
	keyFile = $state.raw<InputFile | null>(null);

	/** Uses the picked key file as the key; continues a pick that waited for it. */
	async useKeyFile(): Promise<void> {
		const file = this.keyFile;
		if (!file) return;
		let text: string;
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
		} catch {
			this.keyError = `Sleutel: ‘${file.name}’ is geen geldige UTF-8-tekst.`;
			return;
		}
		if (this.keyNeeded) return this.provideKey(text);
		const before = this.#key;
		if (!this.setKey(text)) return;
		this.keyFile = null;
		// Loaded deliveries are read again, now with their address keys.
		if (this.#key !== before && Object.keys(this.deliveries).length > 0) await this.addFiles([]);
	}

	/** The user does not want the picked one-line file as the key. */
	dismissKeyFile(): void {
		this.keyFile = null;
	}

	/** The file the mapping screen maps now (the first still waiting). */
	get mappingFile(): PickedFile | null {
		const m = this.mapping;
		if (!m || m.waiting.length === 0) return null;
		return m.files.find((f) => f.name === m.waiting[0]) ?? null;
	}

	/**
	 * Reads the waiting file with this profile (from the mapping screen or a proposal). The next
	 * waiting file, if any, is then the mapping screen's; when none waits any more, the pick goes
	 * on (key, then loading). Resolves to true when the pick went on to load.
	 */
	async useProfile(
		name: string,
		profile: SourceProfile,
		options: { stepsConfirmed?: boolean } = {}
	): Promise<boolean> {
		rememberProfile(profile);
		if (options.stepsConfirmed) this.#confirmed.add(profile.naam);
		this.#assign(name, profile);
		if ((this.mapping?.waiting.length ?? 0) > 0) return false;
		this.beginPick();
		await this.#continueMapping();
		return true;
	}

	/** The loaded files read through a profile (their bytes are in this tab): "Profiel herstellen" can reopen them. */
	get repairable(): string[] {
		return this.#files.filter((f) => f.profile).map((f) => f.name);
	}

	/**
	 * Opens the mapping screen for a loaded file with the profile it was read with, so that a
	 * repair changes only what the user changes; the other loaded files come along and the whole
	 * set is loaded again once the repaired profile is used.
	 */
	repairProfile(name: string): boolean {
		const file = this.#files.find((f) => f.name === name && f.profile);
		if (!file) return false;
		this.mapping = {
			files: this.#files,
			waiting: [name],
			total: 1,
			mapped: [],
			repair: file.profile!
		};
		return true;
	}

	cancelMapping(): void {
		this.mapping = null;
	}

	/** Leaves a waiting file out of the pick (the flow goes on with the next, or loads the rest). */
	async skipMappingFile(name: string): Promise<void> {
		const m = this.mapping;
		if (!m) return;
		const files = m.files.filter((f) => f.name !== name);
		const waiting = m.waiting.filter((w) => w !== name);
		if (files.length === 0) {
			this.mapping = null;
			return;
		}
		this.mapping = { ...m, files, waiting, total: m.total - 1, repair: undefined };
		if (waiting.length === 0) {
			this.beginPick();
			await this.#continueMapping();
		}
	}

	#assign(name: string, profile: SourceProfile | null): void {
		const m = this.mapping;
		if (!m || profile === null) return;
		this.mapping = {
			...m,
			files: m.files.map((f) => (f.name === name ? { ...f, profile } : f)),
			waiting: m.waiting.filter((w) => w !== name),
			mapped: m.waiting.includes(name) ? [...m.mapped, name] : m.mapped,
			repair: undefined
		};
	}

	async #continueMapping(): Promise<void> {
		const m = this.mapping;
		if (!m) return this.cancelPick();
		if (m.waiting.length > 0) return this.cancelPick();
		await this.#continue(m.files);
	}

	/** Checks and keeps the key (in memory); false with `keyError` set when it is too short. */
	setKey(key: string): boolean {
		const problem = keyProblem(key);
		if (problem) {
			this.keyError = `Sleutel: ${problem}.`;
			return false;
		}
		this.keyError = null;
		const normalized = normalizeKey(key);
		if (normalized !== this.#key) {
			this.#key = normalized;
			this.keyFingerprint = null;
			keyFingerprint(normalized).then((fp) => {
				if (this.#key === normalized) this.keyFingerprint = fp;
			});
		}
		return true;
	}

	/** Continues the pick that waited for the key. */
	async provideKey(key: string): Promise<void> {
		const files = this.keyNeeded;
		if (!files || !this.setKey(key)) return;
		this.keyNeeded = null;
		this.keyFile = null;
		this.beginPick();
		await this.#continue(files);
	}

	cancelKey(): void {
		this.keyNeeded = null;
		this.keyError = null;
		this.mapping = null;
	}

	/**
	 * Profiles without a step the figures need (a corporation's wide profile without
	 * `achterstand_1m` counts no signal): the pick waits until the user confirms the warning.
	 */
	stepsToConfirm = $state.raw<{ files: PickedFile[]; warnings: string[] } | null>(null);
	/** Profiles (by naam) whose missing steps the user confirmed in this tab. */
	#confirmed = new Set<string>();

	/** Loads the pick that waited for the confirmation of its missing steps. */
	async confirmSteps(): Promise<void> {
		const pending = this.stepsToConfirm;
		if (!pending) return;
		this.stepsToConfirm = null;
		for (const f of pending.files) if (f.profile) this.#confirmed.add(f.profile.naam);
		this.beginPick();
		await this.#continue(pending.files);
	}

	cancelSteps(): void {
		this.stepsToConfirm = null;
		this.mapping = null;
	}

	/** After the profiles are known: waits for the mapping screen, a confirmation or the key, or loads. */
	async #continue(files: PickedFile[]): Promise<void> {
		const waiting = files.filter((f) => !f.profile && f.kind === 'export').map((f) => f.name);
		if (waiting.length > 0) {
			this.refused = [];
			this.mapping = { files, waiting, total: waiting.length, mapped: [] };
			this.cancelPick();
			return;
		}
		const warnings = files.flatMap((f) =>
			f.profile && !this.#confirmed.has(f.profile.naam)
				? missingRequiredSteps(f.profile).map((w) => `${f.name}: ${w}`)
				: []
		);
		if (warnings.length > 0) {
			this.stepsToConfirm = { files, warnings };
			this.cancelPick();
			return;
		}
		if (files.some((f) => f.profile && needsKey(f.profile)) && this.#key === null) {
			this.keyNeeded = files;
			this.cancelPick();
			return;
		}
		this.mapping = null;
		await this.addFiles(files, false, true);
	}

	/**
	 * What loading the waiting file with this profile would give (with the other files of its pick
	 * and the files already loaded), by the same pipeline in the import worker; nothing is loaded.
	 * Pseudonymised with a random key of this tab: the counts are those of the real key, and the
	 * ids are never shown.
	 */
	async previewImport(name: string, profile: SourceProfile): Promise<ImportReport> {
		const m = this.mapping;
		const pick = (m?.files ?? []).filter((f) => f.name === name || !m!.waiting.includes(f.name));
		const names = new Set(pick.map((f) => f.name));
		const kept = this.demo ? [] : this.#files.filter((f) => !names.has(f.name));
		this.#previewKey ??= Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) =>
			b.toString(16).padStart(2, '0')
		).join('');
		const files = [...kept, ...pick.map((f) => (f.name === name ? { ...f, profile } : f))];
		const { report } = await importInWorker({
			files: files.map((f) => ({
				name: f.name,
				bytes: f.bytes.slice(),
				profile: f.profile ? $state.snapshot(f.profile) : null
			})),
			today: todayInAmsterdam(),
			dropPersonalData: false,
			key: this.#previewKey,
			reportOnly: true
		});
		return report;
	}
	#previewKey: string | null = null;

	/** The loaded accepted rows as the two exchange-format files (UTF-8 with BOM, `;`, CRLF). */
	async exchangeFiles(): Promise<{ dossiers: string; gebeurtenissen: string }> {
		return exchangeCsv(await exchangeRows(await database()));
	}

	/**
	 * Adds the user's files to those already loaded (a file with the same name replaces the old
	 * one). Transactional: when any of the new files is refused whole, nothing changes.
	 */
	async addFiles(files: PickedFile[], dropPersonalData = false, picked = false): Promise<void> {
		if (!picked) this.beginPick();
		const names = new Set(files.map((f) => f.name));
		// New case files replace the demo's; deliveries alone are loaded beside what is there.
		const onlyDeliveries = files.every((f) => kindOf(f.bytes) !== null);
		await this.#enqueue(async () => {
			const keep = this.#files.filter(
				(f) => !names.has(f.name) && !(this.demo && !onlyDeliveries && isDemoFile(f))
			);
			this.pending = null;
			await this.#load([...keep, ...files], dropPersonalData, names);
		});
	}

	/** Runs `load` after every load queued before it (the demo's, the picks'). */
	#serial<T>(load: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(load);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	/** Runs one load after the ones before it; the state stays `loading` while picks are open. */
	async #enqueue(load: () => Promise<void>): Promise<void> {
		// The user's own files are coming: the demo's first view from the build stands in no longer.
		this.startingDemo = false;
		try {
			await this.#serial(load);
		} finally {
			this.#picks = Math.max(0, this.#picks - 1);
			if (this.#picks > 0) this.status = 'loading';
		}
	}

	/** Continues with the files the personal-data guard stopped, dropping the flagged columns. */
	async dropPersonalDataAndContinue(): Promise<void> {
		const pending = this.pending;
		if (!pending) return;
		this.pending = null;
		// A new pick in all but name: `loading` until its figures are on screen, behind other loads.
		this.beginPick();
		await this.#enqueue(async () => {
			await this.#load(pending.files, true, pending.picked);
		});
	}

	/** The user declined the held files: nothing of them is loaded (the state was restored then). */
	cancelPending(): void {
		// The dialog also closes after "weglaten en doorgaan", when nothing is pending any more:
		// that close must not end the load it started.
		if (!this.pending) return;
		this.pending = null;
	}

	async #load(
		files: PickedFile[],
		dropPersonalData: boolean,
		picked: ReadonlySet<string> = new Set(),
		isPick = true
	): Promise<boolean> {
		const tooLarge = sizeRefusal(files, importLimit(heapLimit()));
		if (tooLarge) {
			this.error = tooLarge;
			this.#restore(this.status);
			return false;
		}
		const previous = this.status;
		this.status = 'loading';
		this.error = null;
		try {
			// Start the engine (if it is not running yet) while the worker imports.
			const engineReady = database();
			engineReady.catch(() => undefined);
			const copies = files.map((f) => ({
				name: f.name,
				bytes: f.bytes.slice(),
				profile: f.profile ? $state.snapshot(f.profile) : null
			}));
			const { report, arrow, deliveries } = await importInWorker(
				{
					files: copies,
					today: todayInAmsterdam(),
					dropPersonalData,
					key: keyFor(files, this.#key)
				},
				(p) => {
					const mb = (p.bytes / 1e6).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
					const rows = (p.rows ?? 0).toLocaleString('nl-NL');
					this.progress =
						p.phase === 'lezen'
							? `${p.files} ${p.files === 1 ? 'bestand' : 'bestanden'} lezen (${mb} MB)…`
							: p.phase === 'gelezen'
								? `${rows} ${p.rows === 1 ? 'regel' : 'regels'} gelezen (${p.file}); regels controleren…`
								: p.phase === 'controleren'
									? 'Regels controleren…'
									: `${rows} ${p.rows === 1 ? 'regel' : 'regels'} gecontroleerd; gegevens klaarzetten…`;
				}
			);
			// Every delivery file's report, in registry order.
			const delivered = DELIVERY_KINDS.flatMap((kind) => deliveries[kind.id]?.bestanden ?? []);
			this.refused = [
				...report.refused,
				...delivered.flatMap((b) =>
					b.weigering === null
						? []
						: [
								{
									name: b.bestand,
									code: 'ddas_onleesbaar' as const,
									message: b.weigering,
									personalData: []
								}
							]
				)
			];
			const personal = report.refused.filter((r) => r.code === 'persoonsgegevens');
			if (personal.length > 0 && !dropPersonalData) {
				// Nothing of this attempt is loaded until the user decides (the whole set, so that a
				// flagged sheet of a workbook comes back with its workbook).
				this.pending = {
					files,
					picked,
					findings: personal.map((r) => ({ file: r.name, findings: r.personalData }))
				};
				this.#restore(previous);
				return false;
			}
			const isPicked = (name: string) =>
				[...picked].some((p) => name === p || name.startsWith(`${p} (blad `));
			const refusedDelivery = delivered.some((b) => b.weigering !== null && isPicked(b.bestand));
			if (
				report.files.length === 0 ||
				report.refused.some((r) => isPicked(r.name)) ||
				refusedDelivery
			) {
				// A picked file refused whole: the load touches nothing of what is loaded.
				this.#restore(previous);
				return false;
			}
			this.progress = `${report.eventCount.toLocaleString('nl-NL')} ${report.eventCount === 1 ? 'gebeurtenis' : 'gebeurtenissen'} laden in DuckDB…`;
			const db = await engineReady;
			mark('engine-awaited');
			// The lead-time table follows once the first screen's figures are computed (leadTimes).
			await loadArrowFirst(db, arrow);
			for (const kind of DELIVERY_KINDS) {
				const delivery = deliveries[kind.id];
				if (delivery) await kind.load(db, delivery.arrow);
				else await kind.drop(db);
			}
			await db.lock();
			mark('duckdb-loaded');
			const deliveryFiles = new Set(
				delivered.filter((b) => b.weigering === null).map((b) => b.bestand)
			);
			this.#files = files.filter(
				(f) =>
					deliveryFiles.has(f.name) ||
					report.files.some((r) => r.name === f.name || r.name.startsWith(`${f.name} (blad `))
			);
			this.report = report;
			this.completeness = completeness(
				report,
				new Map(files.flatMap((f) => (f.profile ? [[f.profile.naam, f.profile] as const] : [])))
			);
			const loaded: Record<string, LoadedDelivery> = {};
			for (const kind of DELIVERY_KINDS) {
				const delivery = deliveries[kind.id];
				if (delivery) loaded[kind.id] = await kind.loaded(db, delivery);
			}
			this.deliveries = loaded;
			// The demo's own load is the demo; a pick still is when it only added deliveries to the
			// demo's case files. Said here, before the figures follow the new version.
			this.demo =
				(!isPick || this.demo) &&
				this.#files.every((f) => isDemoFile(f) || deliveryFiles.has(f.name));
			rememberLoadedNames(this.#files.filter((f) => !isDemoFile(f)).map((f) => f.name));
			this.extent = await dataExtent(db);
			mark('extent');
			this.version += 1;
			// Another pick waits in the queue: its figures, not these, end the loading (a pick counts
			// itself among the picks; the demo's load does not).
			this.status = this.#picks > (isPick ? 1 : 0) ? 'loading' : 'ready';
			this.progress = '';
			return true;
		} catch (error) {
			this.#fail(`Het laden is mislukt: ${(error as Error).message}`, !isPick);
			return false;
		}
	}

	/** Back to the state before a load that loaded nothing. */
	#restore(previous: LoadStatus): void {
		if (this.#demoLoading) {
			// Nothing loaded, but the demo's load goes on.
			this.status = 'loading';
			return;
		}
		this.status = previous === 'loading' ? 'idle' : previous;
		if (this.status === 'idle' && this.extent) this.status = 'ready';
		this.progress = '';
	}

	/** `atStart`: the failure of the tab's own start (the demo's load), not of a pick. */
	#fail(message: string, atStart = false): void {
		this.error = message;
		this.#startError = atStart ? message : null;
		this.status = this.extent ? 'ready' : 'error';
		this.progress = '';
	}
}

/** The demo's case files and deliveries (loadDemo and loadDemoDeliveries name them so). */
function isDemoFile(file: InputFile): boolean {
	return file.name.startsWith('demo-');
}

/**
 * The key a load uses: the tab's key when one was given; else, when every file is the demo's, the
 * demo's fictitious key (its deliveries' address keys then meet the demo dossiers'); else none.
 */
function keyFor(files: readonly InputFile[], key: string | null): string | null {
	return key ?? (files.every(isDemoFile) ? normalizeKey(demoKey) : null);
}

/** The one data state of the tab. */
export const data = new DataState();
