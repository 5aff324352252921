/** A corporation's wide profile without `achterstand_1m` counts no signal: the warning that says so. */
import { describe, expect, it } from 'vitest';
import { validateProfile, type SourceProfile } from '../../../../src/lib/import/profiles/format';
import { missingRequiredSteps } from '../../../../src/lib/import/profiles/required-steps';

function profile(json: Record<string, unknown>): SourceProfile {
	const result = validateProfile({
		formaat: 'huisuitzettingen-bronprofiel/1',
		dossier_id: { kolommen: ['Contract'], pseudonimiseren: true },
		...json
	});
	if (!result.ok) throw new Error(result.message);
	return result.profile;
}

const wide = (codes: string[]) =>
	profile({
		naam: 'Ymere incasso',
		vorm: 'breed',
		corporatie: { waarde: 'Ymere' },
		doelgroep: { waarde: 'overig' },
		gebeurtenissen: codes.map((gebeurtenis, i) => ({ gebeurtenis, kolom: `K${i}` }))
	});

describe('missingRequiredSteps', () => {
	it('a wide profile without achterstand_1m: one Dutch warning naming the profile', () => {
		expect(missingRequiredSteps(wide(['vonnis', 'ontruiming']))).toEqual([
			'Let op: profiel ‘Ymere incasso’ koppelt geen kolom aan ‘1 maand huurachterstand’ (achterstand_1m); dit bestand telt geen signalen.'
		]);
	});
	it('a wide profile with achterstand_1m (on any of its columns): none', () => {
		expect(missingRequiredSteps(wide(['vonnis', 'achterstand_1m']))).toEqual([]);
	});
	it('a long profile (Schulddienstverlening, the Wijkteam): none', () => {
		const long = profile({
			naam: 'SDV',
			vorm: 'lang',
			datum: { kolom: 'Datum' },
			gebeurtenis: { kolom: 'Activiteit', waarden: { Intake: 'intake_sdv' } }
		});
		expect(missingRequiredSteps(long)).toEqual([]);
	});
});
