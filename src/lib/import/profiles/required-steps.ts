/** The steps a profile must map to count anything: a corporation's wide export without `achterstand_1m` counts no signal. */
import type { SourceProfile } from './format';

/**
 * Dutch warnings for the required steps a profile does not map: a wide profile (`vorm: breed`,
 * always a corporation's) without an `achterstand_1m` column counts no signal. Empty when none.
 */
export function missingRequiredSteps(profile: SourceProfile): string[] {
	if (profile.vorm !== 'breed') return [];
	if (profile.gebeurtenissen.some((e) => e.gebeurtenis === 'achterstand_1m')) return [];
	return [
		`Let op: profiel ‘${profile.naam}’ koppelt geen kolom aan ‘1 maand huurachterstand’ (achterstand_1m); dit bestand telt geen signalen.`
	];
}
