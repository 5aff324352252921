/**
 * The mapping screen's draft to a profile (src/lib/import/profiles/draft.ts): what each choice
 * writes, and the Dutch message of an incomplete draft, worked out by hand; a profile made into a
 * draft (a suggestion, or "Profiel herstellen") builds back unchanged: the committed profiles, any
 * generated profile, any suggestion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	EVENT_CODES,
	OUTCOMES,
	STATED_REASONS,
	TARGET_GROUPS
} from '../../../../src/lib/domain/codes';
import {
	buildProfile,
	distinctValues,
	draftFromProfile,
	profileObject,
	type Draft
} from '../../../../src/lib/import/profiles/draft';
import {
	parseProfile,
	validateProfile,
	type SourceProfile
} from '../../../../src/lib/import/profiles/format';
import { suggestProfile } from '../../../../src/lib/import/profiles/suggest';

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
	activity: {
		kolom: 'Soort',
		labels: { Huisbezoek: 'huisbezoek', Telefoontje: null, 'Nog niet gekozen': '' }
	}
};

describe('profileObject', () => {
	it('lang: a skipped label is null, a label not mapped is left out; no dossier attributes unless asked', () => {
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

describe('draftFromProfile', () => {
	const wide = validateProfile({
		formaat: 'huisuitzettingen-bronprofiel/1',
		naam: 'Ymere',
		vorm: 'breed',
		dossier_id: { kolommen: ['Contract'], pseudonimiseren: true },
		corporatie: { waarde: 'Ymere' },
		doelgroep: { kolom: 'Huishouden', waarden: { Gezin: 'gezin_met_kinderen' } },
		gebeurtenissen: [
			{ gebeurtenis: 'achterstand_1m', kolom: '1 mnd' },
			{
				gebeurtenis: 'ontruiming',
				kolom: 'Ontruiming',
				reden: { kolom: 'Reden', waarden: { Huurschuld: 'huurachterstand' } }
			}
		]
	});
	if (!wide.ok) throw new Error(wide.message);
	const labelsOf = (column: string) =>
		({ Huishouden: ['Gezin', 'gezin', '65', 'Alleenstaand'], Reden: ['Huurschuld', 'Overlast'] })[
			column
		] ?? [];

	it('the profile’s tables, and the file’s labels it does not place as not mapped', () => {
		const d = draftFromProfile(wide.profile, 'ymere.csv', labelsOf, null);
		expect(d).toMatchObject({
			naam: 'Ymere',
			vorm: 'breed',
			werkblad: null,
			idColumns: ['Contract', ''],
			corporationMode: 'waarde',
			corporationValue: 'ymere',
			// `gezin` is `Gezin` by the header rule: not listed twice.
			group: {
				kolom: 'Huishouden',
				labels: { Gezin: 'gezin_met_kinderen', '65': '', Alleenstaand: '' },
				anders: ''
			},
			steps: { '1 mnd': 'achterstand_1m', Ontruiming: 'ontruiming' },
			reason: { kolom: 'Reden', labels: { Huurschuld: 'huurachterstand', Overlast: '' } }
		});
		expect(buildProfile(d)).toEqual(wide);
	});
	it('the sheet shown wins over the profile’s own', () => {
		expect(draftFromProfile(wide.profile, 'x.xlsx', labelsOf, 'Blad2').werkblad).toBe('Blad2');
	});
	it('a repair changes only what the user changes', () => {
		const d = draftFromProfile(wide.profile, 'ymere.csv', labelsOf, null);
		d.group.labels['65'] = 'senior';
		const built = buildProfile(d);
		if (!built.ok) throw new Error(built.message);
		expect(built.profile).toEqual({
			...wide.profile,
			doelgroep: { kolom: 'Huishouden', waarden: { Gezin: 'gezin_met_kinderen', '65': 'senior' } }
		});
	});

	it.each(readdirSync('data/bronnen').filter((f) => f.endsWith('.profiel.json')))(
		'the committed profile %s survives draftFromProfile → buildProfile unchanged',
		(file) => {
			const parsed = parseProfile(readFileSync(`data/bronnen/${file}`, 'utf8'));
			if (!parsed.ok) throw new Error(parsed.message);
			const d = draftFromProfile(parsed.profile, file, () => ['iets anders', 'Huurschuld'], null);
			expect(buildProfile(d)).toEqual(parsed);
		}
	);

	const COLUMNS = ['Id', 'Nr', 'Datum', 'Datum 2', 'Soort', 'Groep', 'Wijk', 'Reden', 'Afloop'];
	const LABELS = ['Brief', 'Bezoek', 'gezin', '65+', 'Huurschuld', 'x y', 'Anders'];
	const column = fc.constantFrom(...COLUMNS);
	const table = (codes: readonly (string | null)[]) =>
		fc.dictionary(fc.constantFrom(...LABELS), fc.constantFrom(...codes), {
			minKeys: 1,
			maxKeys: 4
		});
	const spec = (codes: readonly string[], withNull = false) =>
		fc.oneof(
			fc.record({ waarde: fc.constantFrom(...codes) }),
			fc.record(
				{
					kolom: column,
					waarden: table(withNull ? [...codes, null] : codes),
					anders: fc.constantFrom(...codes)
				},
				{ requiredKeys: ['kolom'] }
			)
		);
	const event = fc
		.tuple(fc.constantFrom(...EVENT_CODES), spec(STATED_REASONS), spec(OUTCOMES), fc.nat(3))
		.map(([gebeurtenis, reden, uitkomst, which]) => ({
			gebeurtenis,
			...(gebeurtenis === 'ontruiming' && which % 2 === 0 ? { reden } : {}),
			...(gebeurtenis === 'afgesloten' && which < 2 ? { uitkomst } : {})
		}));
	// An address (issue 22): postcode and huisnummer, the toevoeging optional; `Nr` is also a column of COLUMNS.
	const adres = fc.record(
		{
			postcode: fc.constantFrom('Postcode', 'PC'),
			huisnummer: fc.constantFrom('Huisnummer', 'Nr'),
			toevoeging: fc.constant('Toev')
		},
		{ requiredKeys: ['postcode', 'huisnummer'] }
	);
	const common = {
		formaat: fc.constant('huisuitzettingen-bronprofiel/1'),
		naam: fc.constantFrom('Eigenschap', 'Pré Wonen export'),
		werkblad: fc.constantFrom('Export', 'Blad 1'),
		dossier_id: fc.record({
			kolommen: fc.uniqueArray(column, { minLength: 1, maxLength: 3 }),
			pseudonimiseren: fc.boolean()
		})
	};
	const generated = fc
		.oneof(
			fc.record(
				{
					...common,
					vorm: fc.constant('breed'),
					corporatie: spec(['Ymere', 'Pré Wonen', 'Elan Wonen']),
					doelgroep: spec(TARGET_GROUPS),
					wijk: spec(['Noord', 'Oost']),
					adres,
					gebeurtenissen: fc
						.uniqueArray(column, { minLength: 1, maxLength: 5 })
						.chain((cols) =>
							fc
								.array(event, { minLength: cols.length, maxLength: cols.length })
								.map((events) => events.map((e, i) => ({ ...e, kolom: cols[i]! })))
						)
				},
				{
					requiredKeys: [
						'formaat',
						'naam',
						'vorm',
						'dossier_id',
						'corporatie',
						'doelgroep',
						'gebeurtenissen'
					]
				}
			),
			fc.record(
				{
					...common,
					vorm: fc.constant('lang'),
					dossiers: fc.option(
						fc.record(
							{
								corporatie: spec(['Ymere', 'Pré Wonen']),
								doelgroep: spec(TARGET_GROUPS),
								wijk: spec(['Noord']),
								adres
							},
							{ requiredKeys: ['corporatie', 'doelgroep'] }
						)
					),
					datum: fc.record({ kolom: column }),
					gebeurtenis: spec(EVENT_CODES, true),
					reden: spec(STATED_REASONS),
					uitkomst: spec(OUTCOMES)
				},
				{ requiredKeys: ['formaat', 'naam', 'vorm', 'dossier_id', 'datum', 'gebeurtenis'] }
			)
		)
		.map(({ dossiers, ...rest }: Record<string, unknown>) =>
			validateProfile({ ...rest, ...(dossiers ?? {}) })
		)
		.filter((p) => p.ok)
		.map((p) => (p as { profile: SourceProfile }).profile);

	it('property: any profile survives draftFromProfile → buildProfile unchanged, whatever labels the file has', () => {
		fc.assert(
			fc.property(
				generated,
				fc.subarray([...LABELS, 'nieuw label', 'GEZIN']),
				fc.boolean(),
				(p, fileLabels, sheet) => {
					const d = draftFromProfile(
						p,
						'bron.csv',
						() => fileLabels,
						sheet ? (p.werkblad ?? null) : null
					);
					const built = buildProfile(d);
					expect(built).toEqual({ ok: true, profile: p });
				}
			),
			{ numRuns: 400 }
		);
	});
	it('property: the suggestion for any export survives draftFromProfile → buildProfile', () => {
		const cells = fc.constantFrom(
			'2015-03-01',
			'Gezin met kinderen',
			'65',
			'Huurschuld',
			'YM-1',
			'',
			'Intake',
			'Notitie'
		);
		fc.assert(
			fc.property(
				fc.shuffledSubarray(
					[
						'Huurcontract',
						'Huishoudtype',
						'Datum 1 mnd achterstand',
						'Vonnis',
						'Ontruiming',
						'Reden ontruiming',
						'Einddatum',
						'Afloop',
						'Datum',
						'Activiteit'
					],
					{ minLength: 2 }
				),
				fc.array(fc.array(cells, { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 8 }),
				(header, rows) => {
					const s = suggestProfile({ fileName: 'ymere.csv', header, rows });
					const labelsOf = (c: string) => distinctValues(header, rows, c);
					const checked = validateProfile(s.profiel);
					fc.pre(checked.ok);
					const built = buildProfile(draftFromProfile(s.profiel, 'ymere.csv', labelsOf, null));
					expect(built).toEqual(checked);
				}
			),
			{ numRuns: 200 }
		);
	});
});
