/**
 * Which of the user's files were loaded in this tab, by name only (sessionStorage: never data,
 * never the key), so that after a reload the page can say that they must be picked again.
 */
const KEY = 'huisuitzettingen:geladen-bestanden';

function storage(): Storage | null {
	try {
		return typeof sessionStorage === 'undefined' ? null : sessionStorage;
	} catch {
		return null;
	}
}

/** Notes the names of the loaded files (an empty list: only the demo is loaded). */
export function rememberLoadedNames(names: readonly string[]): void {
	const store = storage();
	try {
		if (names.length === 0) store?.removeItem(KEY);
		else store?.setItem(KEY, JSON.stringify(names));
	} catch {
		// Storage refused: after a reload the page simply does not know.
	}
}

/** The names noted before this page was loaded (a reload), or an empty list. */
export function loadedNamesBeforeReload(): string[] {
	try {
		const list = JSON.parse(storage()?.getItem(KEY) ?? '[]') as unknown;
		return Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : [];
	} catch {
		return [];
	}
}
