/**
 * Source profiles remembered in this browser (localStorage): the profile only, never data, never
 * the key. Proposed when a file with the profile's columns comes again.
 */
import { validateProfile, type SourceProfile } from '$lib/import/profiles/format';
import { profileFits } from '$lib/import/profiles/match';

const KEY = 'huisuitzettingen:bronprofielen';
const MAX = 20;

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** The remembered profiles, newest first (invalid entries are left out). */
export function rememberedProfiles(): SourceProfile[] {
	const text = storage()?.getItem(KEY);
	if (!text) return [];
	try {
		const list = JSON.parse(text) as unknown[];
		if (!Array.isArray(list)) return [];
		return list.flatMap((item) => {
			const result = validateProfile(item);
			return result.ok ? [result.profile] : [];
		});
	} catch {
		return [];
	}
}

/** Remembers a profile (a profile of the same name is replaced). */
export function rememberProfile(profile: SourceProfile): void {
	const store = storage();
	if (!store) return;
	const list = [profile, ...rememberedProfiles().filter((p) => p.naam !== profile.naam)];
	try {
		store.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
	} catch {
		// Storage full or refused: the profile is simply not remembered.
	}
}

/** The remembered profiles whose columns the header has. */
export function proposedProfiles(header: readonly string[]): SourceProfile[] {
	return rememberedProfiles().filter((p) => profileFits(p, header));
}
