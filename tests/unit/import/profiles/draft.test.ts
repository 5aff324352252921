/**
 * The mapping screen's draft to a profile (src/lib/import/profiles/draft.ts): what each choice
 * writes, and the Dutch message of an incomplete draft, worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
	buildProfile,
	distinctValues,
	profileObject,
	type Draft
} from '../../../../src/lib/import/profiles/draft';

const base: Draft = {
	naam: 'Export',
	vorm: 'lang',
	werkblad: null,
	idColumns: ['Contract', ''],
	pseudonimiseren: true,
	langDossiers: false,
	corporationMode: 'waarde',
	corporationValue: '',
	corporation: { kolom: '', labels: {} },
	group: { kolom: '', labels: {} },
	wijkColumn: '',
	steps: {},
	reason: { kolom: '', labels: {} },
	outcome: { kolom: '', labels: {} },
	dateColumn: 'Datum',
	activity: { kolom: 'Soort', labels: { Huisbezoek: 'huisbezoek', Telefoontje: '' } }
};

describe('profileObject', () => {
	it('lang: a skipped label is null; no dossier attributes unless asked', () => {
		expect(profileObject(base)).toEqual({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'Export',
			vorm: 'lang',
			dossier_id: { kolommen: ['Contract'], pseudonimiseren: true },
			datum: { kolom: 'Datum' },
			gebeurtenis: { kolom: 'Soort', waarden: { Huisbezoek: 'huisbezoek', Telefoontje: null } }
		});
	});
	it('lang with dossiers: corporation from a column with its labels, doelgroep overig when no column', () => {
		const out = profileObject({
			...base,
			langDossiers: true,
			corporationMode: 'kolom',
			corporation: { kolom: 'Verhuurder', labels: { 'Ymere Haarlem': 'Ymere', Elan: '' } },
			wijkColumn: 'Wijk'
		});
		expect(out.corporatie).toEqual({ kolom: 'Verhuurder', waarden: { 'Ymere Haarlem': 'Ymere' } });
		expect(out.doelgroep).toEqual({ waarde: 'overig' });
		expect(out.wijk).toEqual({ kolom: 'Wijk' });
		expect(buildProfile({ ...base, langDossiers: true, corporationValue: 'Ymere' }).ok).toBe(true);
	});
	it('breed: one event per mapped column; reden and uitkomst only on their steps; a second id column', () => {
		const out = profileObject({
			...base,
			vorm: 'breed',
			werkblad: 'Export',
			idColumns: ['Contract', 'Postcode'],
			pseudonimiseren: false,
			corporationValue: 'Pré Wonen',
			group: { kolom: 'Huishouden', labels: { Gezin: 'gezin_met_kinderen' } },
			steps: {
				'1e herinnering': 'achterstand_1m',
				Naam: '',
				Ontruiming: 'ontruiming',
				Eind: 'afgesloten'
			},
			reason: { kolom: 'Reden', labels: { Huurschuld: 'huurachterstand' } },
			outcome: { kolom: 'Afloop', labels: {} }
		});
		expect(out).toMatchObject({
			werkblad: 'Export',
			dossier_id: { kolommen: ['Contract', 'Postcode'], pseudonimiseren: false },
			corporatie: { waarde: 'Pré Wonen' },
			doelgroep: {
				kolom: 'Huishouden',
				waarden: { Gezin: 'gezin_met_kinderen' },
				anders: 'overig'
			},
			gebeurtenissen: [
				{ gebeurtenis: 'achterstand_1m', kolom: '1e herinnering' },
				{
					gebeurtenis: 'ontruiming',
					kolom: 'Ontruiming',
					reden: { kolom: 'Reden', waarden: { Huurschuld: 'huurachterstand' } }
				},
				{ gebeurtenis: 'afgesloten', kolom: 'Eind', uitkomst: { kolom: 'Afloop' } }
			]
		});
	});
});

describe('buildProfile: an incomplete draft gets the Dutch message naming the key', () => {
	it.each([
		[
			{ idColumns: ['', ''] },
			'‘dossier_id.kolommen’ moet een lijst van een of meer kolomnamen zijn'
		],
		[{ naam: ' ' }, '‘naam’ moet een niet-lege tekst zijn'],
		[{ vorm: 'breed' as const, corporationValue: 'Ymere' }, '‘gebeurtenissen’ moet een lijst'],
		[{ vorm: 'breed' as const, steps: { A: 'vonnis' as const } }, '‘corporatie.waarde’'],
		[{ dateColumn: '' }, '‘datum.kolom’ moet een niet-lege tekst zijn']
	])('%o', (change, message) => {
		const result = buildProfile({ ...base, ...change });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toContain(message);
	});
});

describe('distinctValues', () => {
	it('non-empty, trimmed, in order of first appearance, at most max', () => {
		const rows = [
			['a', ' x '],
			['b', 'y'],
			['c', ''],
			['d', 'x'],
			['e', 'z']
		];
		expect(distinctValues(['id', 'v'], rows, 'v')).toEqual(['x', 'y', 'z']);
		expect(distinctValues(['id', 'v'], rows, 'v', 2)).toEqual(['x', 'y']);
		expect(distinctValues(['id', 'v'], rows, 'w')).toEqual([]);
	});
});
