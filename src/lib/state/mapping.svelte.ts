/**
 * The mapping screen's state ("Kolommen koppelen"): the view of the waiting file (read in the
 * import worker), the draft the user edits (from the suggestion, or from the profile that was
 * used for "Profiel herstellen"), the profile it builds and the live preview of what loading it
 * would give. The route only shows this state; nothing here reads a file on the main thread.
 */
import { viewInWorker } from '$lib/worker/import-client';
import {
	buildProfile,
	draftFromProfile,
	profileObject,
	type Draft,
	type LabelledColumn
} from '$lib/import/profiles/draft';
import type { ProfileResult, SourceProfile } from '$lib/import/profiles/format';
import { missingRequiredSteps } from '$lib/import/profiles/required-steps';
import {
	activityOfLabel,
	corporationOfText,
	groupOfLabel,
	outcomeOfLabel,
	partyOfName,
	reasonOfLabel
} from '$lib/import/profiles/suggest';
import type { MappingView } from '$lib/import/profiles/view';
import type { ImportReport } from '$lib/import/types';
import { data, type PickedFile } from './data.svelte';

/** The label columns of a draft, and how a label of each is suggested when the user picks a column. */
export type LabelTarget = 'corporation' | 'group' | 'reason' | 'outcome' | 'activity';

class MappingScreen {
	/** The file shown (its name), and the sheet asked for (null: the widest). */
	file = $state<string | null>(null);
	view = $state.raw<MappingView | null>(null);
	/** Why the file cannot be shown, in Dutch. */
	error = $state<string | null>(null);
	reading = $state(false);
	draft = $state<Draft | null>(null);
	/** The profile the draft makes, or its Dutch complaint. */
	built = $derived<ProfileResult | null>(
		this.draft ? buildProfile($state.snapshot(this.draft) as Draft, this.file ?? 'profiel') : null
	);
	/** Steps the figures need that the built profile lacks (Dutch warnings). */
	missingSteps = $derived(this.built?.ok ? missingRequiredSteps(this.built.profile) : []);
	/** The user confirmed the missing steps of this draft. */
	stepsConfirmed = $state(false);

	preview = $state.raw<ImportReport | null>(null);
	previewing = $state(false);
	previewError = $state<string | null>(null);
	#previewRun = 0;
	#opened = '';

	/**
	 * Shows the waiting file: reads its view in the worker (once per file and sheet) and makes the
	 * draft from the suggestion, or from `repair` (the profile the file was read with).
	 */
	async open(file: PickedFile, sheet: string | null = null, repair?: SourceProfile): Promise<void> {
		const key = `${file.name}\u0000${sheet ?? ''}\u0000${repair ? 'herstel' : ''}`;
		if (key === this.#opened) return;
		this.#opened = key;
		this.file = file.name;
		this.error = null;
		this.reading = true;
		this.draft = null;
		this.preview = null;
		this.stepsConfirmed = false;
		try {
			const view = await viewInWorker(file, sheet ?? repair?.werkblad ?? null);
			if (this.#opened !== key) return;
			this.view = view;
			const labelsOf = (column: string) => view.labels[column] ?? [];
			const draft = draftFromProfile(
				repair ?? view.suggestion.profiel,
				file.name,
				labelsOf,
				view.sheet
			);
			// Every column has a step select (wide), '' where the profile maps none.
			for (const c of view.columns) draft.steps[c] ??= '';
			this.draft = draft;
		} catch (error) {
			if (this.#opened !== key) return;
			this.view = null;
			this.error = (error as Error).message;
		} finally {
			if (this.#opened === key) this.reading = false;
		}
	}

	/** Shows another sheet of the workbook (a new suggestion for it). */
	chooseSheet(file: PickedFile, sheet: string): Promise<void> {
		return this.open(file, sheet);
	}

	/** Forgets the file shown (the flow moved on, or was cancelled). */
	close(): void {
		this.#opened = '';
		this.#previewRun++;
		this.file = null;
		this.view = null;
		this.draft = null;
		this.preview = null;
		this.error = null;
	}

	/** The labels of a column (never those of a column that looks like personal data, nor of an address column). */
	labelsOf(column: string): string[] {
		const a = this.draft?.adres;
		if (a && column !== '' && [a.postcode, a.huisnummer, a.toevoeging].includes(column)) return [];
		return this.view?.labels[column] ?? [];
	}

	/** Points a label column of the draft at another column, with a suggested code per label ('' when none is sure). */
	setLabelColumn(target: LabelTarget, column: string): void {
		const d = this.draft;
		if (!d) return;
		const party = partyOfName(this.file ?? '');
		const suggest: Record<LabelTarget, (label: string) => string | null> = {
			corporation: (l) => corporationOfText(l) ?? '',
			group: (l) => groupOfLabel(l) ?? '',
			reason: (l) => reasonOfLabel(l) ?? '',
			outcome: (l) => outcomeOfLabel(l) ?? '',
			activity: (l) => {
				const code = activityOfLabel(l, party);
				return code === undefined ? '' : code;
			}
		};
		const spec = d[target] as LabelledColumn<string | null>;
		spec.kolom = column;
		spec.labels = Object.fromEntries(this.labelsOf(column).map((l) => [l, suggest[target](l)]));
	}

	/** The profile file the user saves: as written (labels and names unnormalized). */
	profileJson(): string | null {
		if (!this.built?.ok || !this.draft) return null;
		return JSON.stringify(profileObject($state.snapshot(this.draft) as Draft), null, 2) + '\n';
	}

	/** Recomputes the preview 300 ms after the last change (same pipeline, in the worker; nothing loaded). */
	schedulePreview(): () => void {
		const profile = this.built?.ok ? this.built.profile : null;
		const name = this.file;
		const run = ++this.#previewRun;
		if (!profile || !name) {
			this.preview = null;
			this.previewing = false;
			return () => undefined;
		}
		this.previewing = true;
		const timer = setTimeout(async () => {
			let result: ImportReport | null = null;
			let failure: string | null = null;
			try {
				result = await data.previewImport(name, profile);
			} catch (error) {
				failure = `Het voorbeeld kon niet worden berekend: ${(error as Error).message}`;
			}
			if (run !== this.#previewRun) return;
			this.preview = result;
			this.previewError = failure;
			this.previewing = false;
		}, 300);
		return () => clearTimeout(timer);
	}
}

/** The one mapping screen of the tab. */
export const mapping = new MappingScreen();
