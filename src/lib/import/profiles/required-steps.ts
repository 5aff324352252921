/** The steps a profile must map for its figures to count: a corporation's wide export without `achterstand_1m` counts no signal. */
import type { SourceProfile } from './format';

/** Dutch warnings for the steps the profile lacks (none: an empty list). */
export function missingRequiredSteps(profile: SourceProfile): string[] {
	if (profile.vorm !== 'breed') return [];
	if (profile.gebeurtenissen.some((e) => e.gebeurtenis === 'achterstand_1m')) return [];
	return [
		`profiel ‘${profile.naam}’ koppelt geen kolom aan ‘1 maand huurachterstand’ (achterstand_1m): dit bestand telt geen signalen, en de dossiers ervan staan in geen enkel cohort.`
	];
}
