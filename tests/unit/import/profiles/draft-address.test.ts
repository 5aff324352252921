/**
 * The address on the mapping screen's draft (src/lib/import/profiles/draft.ts, issue 22): the
 * three selects (postcode, huisnummer, toevoeging) set and unset `adres`; a half address is
 * refused in Dutch; the address needs the werkgroep key; only where format.ts allows an `adres`
 * (`breed`, or `lang` with corporatie and doelgroep); the built profile is a valid profile file
 * whose keys are the spec's test vectors. Every expectation worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { importSources } from '../../../../src/lib/import/pipeline';
import {
	addressAllowed,
	addressColumn,
	addressProblem,
	buildProfile,
	draftFromProfile,
	keyNotice,
	profileObject,
	setAddressColumn,
	type Draft
} from '../../../../src/lib/import/profiles/draft';
import {
	parseProfile,
	profileToJson,
	validateProfile,
	type SourceProfile
} from '../../../../src/lib/import/profiles/format';
import { nodePseudonymiser } from '../../../../src/lib/import/profiles/pseudonym-node';
import { bytes } from '../helpers';

const KEY = 'werkgroep-haarlem-2015-evaluatie';
/** The spec's address keys: (`2011 rd`, `12`, `a`) and (`2011RD`, `12`, no addition). */
const K1 = '4fb8234058cac101594025b34c6476f8';
const K2 = '168a1b435661b79565def24c4e1e5767';

/** A wide draft as the screen holds it: one step, no address yet. */
function wide(): Draft {
	return {
		naam: 'Ymere met adres',
		vorm: 'breed',
		werkblad: null,
		idColumns: ['Huurcontractnummer', ''],
		pseudonimiseren: true,
		langDossiers: false,
		corporationMode: 'waarde',
		corporationValue: 'Ymere',
		corporation: { kolom: '', labels: {} },
		group: { kolom: '', labels: {} },
		wijkColumn: '',
		steps: {
			Huurcontractnummer: '',
			Postcode: '',
			Huisnr: '',
			Toev: '',
			'Datum 1 mnd achterstand': 'achterstand_1m'
		},
		reason: { kolom: '', labels: {} },
		outcome: { kolom: '', labels: {} },
		dateColumn: '',
		activity: { kolom: '', labels: {} }
	};
}

/** A long draft without the dossier attributes (the activities of another party). */
function long(): Draft {
	return {
		...wide(),
		vorm: 'lang',
		steps: {},
		dateColumn: 'Datum',
		activity: { kolom: 'Activiteit', labels: { Huisbezoek: 'huisbezoek' } }
	};
}

function built(d: Draft): SourceProfile {
	const result = buildProfile(d, 'ymere.csv');
	if (!result.ok) throw new Error(result.message);
	return result.profile;
}

describe('setAddressColumn: the three selects', () => {
	it('postcode and huisnummer set the address; the profile gets `adres` after `wijk`, in the spec’s order', () => {
		const d = wide();
		setAddressColumn(d, 'postcode', 'Postcode');
		setAddressColumn(d, 'huisnummer', 'Huisnr');
		expect(d.adres).toEqual({ postcode: 'Postcode', huisnummer: 'Huisnr' });
		expect(addressProblem(d)).toBeNull();
		const profile = built(d);
		expect(profile.adres).toEqual({ postcode: 'Postcode', huisnummer: 'Huisnr' });
		expect(Object.keys(profileObject(d))).toEqual([
			'formaat',
			'naam',
			'vorm',
			'dossier_id',
			'corporatie',
			'doelgroep',
			'adres',
			'gebeurtenissen'
		]);
		// The toevoeging is optional, and ‘geen’ takes it out again.
		setAddressColumn(d, 'toevoeging', 'Toev');
		expect(built(d).adres).toEqual({
			postcode: 'Postcode',
			huisnummer: 'Huisnr',
			toevoeging: 'Toev'
		});
		expect(addressColumn(d, 'toevoeging')).toBe('Toev');
		setAddressColumn(d, 'toevoeging', '');
		expect(d.adres).toEqual({ postcode: 'Postcode', huisnummer: 'Huisnr' });
		expect(addressColumn(d, 'toevoeging')).toBe('');
	});

	it('‘geen’ for postcode or huisnummer takes the address out of the profile; all three ‘geen’: no address at all', () => {
		const d = wide();
		setAddressColumn(d, 'postcode', 'Postcode');
		setAddressColumn(d, 'huisnummer', 'Huisnr');
		setAddressColumn(d, 'postcode', '');
		expect(profileObject(d).adres).toBeUndefined();
		expect(buildProfile(d).ok).toBe(false);
		setAddressColumn(d, 'huisnummer', '');
		expect(d.adres).toBeUndefined();
		expect(addressColumn(d, 'postcode')).toBe('');
		expect(built(d).adres).toBeUndefined();

		// The other way round, with a toevoeging that stays chosen until it is set to ‘geen’ too.
		setAddressColumn(d, 'postcode', 'Postcode');
		setAddressColumn(d, 'huisnummer', 'Huisnr');
		setAddressColumn(d, 'toevoeging', 'Toev');
		setAddressColumn(d, 'huisnummer', '');
		setAddressColumn(d, 'postcode', '');
		expect(d.adres).toEqual({ postcode: '', huisnummer: '', toevoeging: 'Toev' });
		setAddressColumn(d, 'toevoeging', '');
		expect(d.adres).toBeUndefined();
		expect(built(d).adres).toBeUndefined();
	});

	it('a column chosen for the address is no step any more', () => {
		const d = wide();
		d.steps['Toev'] = 'contact';
		setAddressColumn(d, 'toevoeging', 'Toev');
		expect(d.steps['Toev']).toBe('');
		expect(d.steps['Datum 1 mnd achterstand']).toBe('achterstand_1m');
	});
});

describe('the half address, in Dutch', () => {
	it.each([
		[
			'postcode only',
			{ postcode: 'Postcode', huisnummer: '' },
			'ymere.csv: ongeldig profiel: ‘adres’ is onvolledig: kies ook de kolom met het huisnummer, of ‘geen’ bij de postcode: een adressleutel heeft de postcode én het huisnummer nodig.'
		],
		[
			'huisnummer only',
			{ postcode: '', huisnummer: 'Huisnr', toevoeging: 'Toev' },
			'ymere.csv: ongeldig profiel: ‘adres’ is onvolledig: kies ook de kolom met de postcode, of ‘geen’ bij het huisnummer: een adressleutel heeft de postcode én het huisnummer nodig.'
		],
		[
			'toevoeging only',
			{ postcode: '', huisnummer: '', toevoeging: 'Toev' },
			'ymere.csv: ongeldig profiel: ‘adres’ is onvolledig: kies ook de kolommen met de postcode en het huisnummer, of ‘geen’ bij de toevoeging: een adressleutel heeft de postcode én het huisnummer nodig.'
		]
	])('%s', (_, adres, message) => {
		const d = { ...wide(), adres };
		expect(buildProfile(d, 'ymere.csv')).toEqual({ ok: false, message });
	});

	it('an address column used for something else: format.ts’s message naming the key', () => {
		const d = { ...wide(), wijkColumn: 'Postcode' };
		setAddressColumn(d, 'postcode', 'Postcode');
		setAddressColumn(d, 'huisnummer', 'Huisnr');
		expect(buildProfile(d, 'ymere.csv')).toEqual({
			ok: false,
			message:
				'ymere.csv: ongeldig profiel: ‘wijk.kolom’ gebruikt kolom ‘Postcode’, een adreskolom van het profiel (adres); een adreskolom mag alleen de adressleutel vullen.'
		});
	});
});

describe('where the profile format allows an address', () => {
	it('lang without the dossier attributes: no address control, no `adres`, no complaint', () => {
		const d = long();
		expect(addressAllowed(d)).toBe(false);
		// Kept from the wide shape, but not in a profile that cannot have it.
		d.adres = { postcode: 'Postcode', huisnummer: '' };
		expect(addressProblem(d)).toBeNull();
		expect(built(d).adres).toBeUndefined();
	});
	it('lang with corporatie and doelgroep: the address is in the profile, and the profile is valid', () => {
		const d = { ...long(), langDossiers: true };
		expect(addressAllowed(d)).toBe(true);
		setAddressColumn(d, 'postcode', 'Postcode');
		setAddressColumn(d, 'huisnummer', 'Huisnr');
		const profile = built(d);
		expect(profile).toMatchObject({
			vorm: 'lang',
			corporatie: { waarde: 'ymere' },
			doelgroep: { waarde: 'overig' },
			adres: { postcode: 'Postcode', huisnummer: 'Huisnr' }
		});
	});
});

describe('the key', () => {
	const withAddress = (pseudonimiseren: boolean) => {
		const d = { ...wide(), pseudonimiseren };
		setAddressColumn(d, 'postcode', 'Postcode');
		setAddressColumn(d, 'huisnummer', 'Huisnr');
		return built(d);
	};
	it('an address needs the werkgroep key: asked when loading, or the key of this tab', () => {
		expect(keyNotice(withAddress(false), false)).toBe(
			'Dit profiel maakt een adressleutel van het adres: daarvoor is de sleutel van de werkgroep nodig. Bij het laden vraagt de pagina erom; zonder sleutel wordt het bestand niet ingelezen.'
		);
		expect(keyNotice(withAddress(true), true)).toBe(
			'Dit profiel pseudonimiseert het dossier_id en maakt een adressleutel: daarvoor is de sleutel van de werkgroep nodig; de sleutel die in dit tabblad is gegeven, wordt gebruikt.'
		);
		expect(keyNotice({ ...withAddress(false), adres: undefined }, false)).toBeNull();
	});
	it('without a key the import refuses the built profile (sleutel_ontbreekt)', async () => {
		const profile = withAddress(false);
		const csv =
			'Huurcontractnummer;Postcode;Huisnr;Datum 1 mnd achterstand\r\n' +
			'0123456789abcdef0123456789abcdef;2011 rd;12;01-03-2015\r\n';
		const result = await importSources([{ name: 'ymere.csv', bytes: bytes(csv), profile }], {
			today: '2026-01-01',
			pseudonymiser: null
		});
		expect(result.refused.map((r) => [r.code, r.message])).toEqual([
			[
				'sleutel_ontbreekt',
				'ymere.csv: profiel ‘Ymere met adres’ maakt een adressleutel van het adres; geef de sleutel van de werkgroep om dit bestand in te lezen.'
			]
		]);
	});
});

describe('the built profile is a profile file: format.ts reads it back, and it gives the spec’s keys', () => {
	it('profile file → parseProfile → the same profile; importSources gives the spec’s test vectors', async () => {
		const d = wide();
		setAddressColumn(d, 'postcode', 'Postcode');
		setAddressColumn(d, 'huisnummer', 'Huisnr');
		setAddressColumn(d, 'toevoeging', 'Toev');
		const profile = built(d);
		const parsed = parseProfile(profileToJson(profile), 'ymere.profiel.json');
		expect(parsed).toEqual({ ok: true, profile });
		// Line 2: (`2011 rd`, `12`, `a`) → K1; line 3: (`2011RD`, `12`, none) → K2.
		const csv = [
			'Huurcontractnummer;Postcode;Huisnr;Toev;Datum 1 mnd achterstand',
			'YM-0001234;2011 rd;12;a;01-03-2015',
			'YM-0001235;2011RD;12;;01-04-2015'
		].join('\r\n');
		const result = await importSources([{ name: 'ymere.csv', bytes: bytes(csv), profile }], {
			today: '2026-01-01',
			pseudonymiser: nodePseudonymiser(KEY)
		});
		expect(result.refused).toEqual([]);
		expect(result.dossiers.map((r) => r.adres_sleutel)).toEqual([K1, K2]);
		// The postcodes themselves are nowhere in the rows.
		expect(JSON.stringify([result.dossiers, result.events])).not.toMatch(/2011/);
	});

	it('a profile with `adres` survives draftFromProfile → buildProfile unchanged (wide and long with dossiers)', () => {
		const profiles = [
			{
				formaat: 'huisuitzettingen-bronprofiel/1',
				naam: 'Breed',
				vorm: 'breed',
				dossier_id: { kolommen: ['Contract', 'Postcode'], pseudonimiseren: true },
				corporatie: { waarde: 'Ymere' },
				doelgroep: { waarde: 'overig' },
				adres: { postcode: 'Postcode', huisnummer: 'Nr', toevoeging: 'Toev' },
				gebeurtenissen: [{ gebeurtenis: 'vonnis', kolom: 'Vonnis' }]
			},
			{
				formaat: 'huisuitzettingen-bronprofiel/1',
				naam: 'Lang',
				vorm: 'lang',
				dossier_id: { kolommen: ['Contract'], pseudonimiseren: false },
				corporatie: { kolom: 'Verhuurder' },
				doelgroep: { waarde: 'senior' },
				adres: { postcode: 'PC', huisnummer: 'Huisnummer' },
				datum: { kolom: 'Datum' },
				gebeurtenis: { kolom: 'Activiteit' }
			}
		];
		for (const json of profiles) {
			const checked = validateProfile(json);
			if (!checked.ok) throw new Error(checked.message);
			const d = draftFromProfile(checked.profile, 'bron.csv', () => [], null);
			expect(addressColumn(d, 'postcode')).toBe(json.adres.postcode);
			expect(buildProfile(d)).toEqual(checked);
		}
	});
});
