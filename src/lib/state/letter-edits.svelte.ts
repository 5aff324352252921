/**
 * The user's edits of the draft letter, per selection, mode and loaded data, kept for as long as
 * the tab is open: a switch of mode or page and back shows them again. Only a reload or closing
 * the tab loses them, and the layout asks before that.
 */
class LetterEdits {
	/** Per draft key: the edited text per paragraph id. */
	#texts = $state<Record<string, Record<string, string>>>({});

	/** The edited paragraphs of one draft. */
	of(key: string): Readonly<Record<string, string>> {
		return this.#texts[key] ?? {};
	}

	/** Sets a paragraph's text; a text equal to the draft's own is no edit. */
	set(key: string, id: string, text: string, drafted: string): void {
		const { [id]: _old, ...rest } = this.#texts[key] ?? {};
		const next = text === drafted ? rest : { ...rest, [id]: text };
		const { [key]: _draft, ...others } = this.#texts;
		this.#texts = Object.keys(next).length > 0 ? { ...others, [key]: next } : others;
	}

	/** Drops the edits of one draft. */
	discard(key: string): void {
		const { [key]: _draft, ...others } = this.#texts;
		this.#texts = others;
	}

	/** The keys of the drafts that have edits. */
	get keys(): string[] {
		return Object.keys(this.#texts);
	}
}

/** The letter edits of this tab. */
export const letterEdits = new LetterEdits();

/** The key of a draft: the loaded data, the selection and the mode it was drafted for. */
export function draftKey(version: number, selection: unknown, mode: string): string {
	return `${version}|${JSON.stringify(selection)}|${mode}`;
}
