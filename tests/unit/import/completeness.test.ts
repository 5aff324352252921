/**
 * How complete an import is (source-profiles.md, "Incomplete imports"): rejected rows per file
 * with the main reason, and the labels a profile did not place with the closest known ones. The
 * fixture is read through the real pipeline; every count below is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { closestLabels, completeness } from '../../../src/lib/import/completeness';
import { importSources } from '../../../src/lib/import/pipeline';
import { parseProfile, type SourceProfile } from '../../../src/lib/import/profiles/format';
import { draftLetter, letterToText } from '../../../src/lib/report/letter';
import { incompleteParagraph } from '../../../src/lib/report/incomplete';
import { bytes } from './helpers';
import { LETTER_CASES } from '../report/letter-cases';

const PROFILE = {
	formaat: 'huisuitzettingen-bronprofiel/1',
	naam: 'Pré Wonen incasso',
	vorm: 'breed',
	dossier_id: { kolommen: ['Dossier'], pseudonimiseren: false },
	corporatie: { waarde: 'Pré Wonen' },
	doelgroep: {
		kolom: 'Huishouden',
		waarden: { '65+': 'senior', Gezin: 'gezin_met_kinderen', Alleenstaand: 'overig' }
	},
	gebeurtenissen: [
		{ gebeurtenis: 'achterstand_1m', kolom: 'Datum 1e maand' },
		{ gebeurtenis: 'vonnis', kolom: 'Datum vonnis' },
		{
			gebeurtenis: 'ontruiming',
			kolom: 'Ontruimd op',
			reden: { kolom: 'Reden', waarden: { Huurschuld: 'huurachterstand' } }
		}
	]
};

// Five dossiers: C2 and C4 have the label `65` (a spreadsheet made it of `65+`), C5 `Onbekend`.
const CSV = [
	'Dossier;Huishouden;Datum 1e maand;Datum vonnis;Ontruimd op;Reden',
	'C1;65+;2015-01-05;;;',
	'C2;65;2015-02-01;2015-06-01;;',
	'C3;Gezin;2015-03-01;2015-07-01;2015-09-01;Huurschuldd',
	'C4;65;2015-03-02;;;',
	'C5;Onbekend;2015-04-01;;;'
].join('\n');

function profile(): SourceProfile {
	const parsed = parseProfile(JSON.stringify(PROFILE), 'pre.profiel.json');
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.profile;
}

async function load() {
	const p = profile();
	const result = await importSources([{ name: 'pre-wonen.csv', bytes: bytes(CSV), profile: p }], {
		today: '2026-01-01',
		pseudonymiser: null
	});
	return { result, profiles: new Map([[p.naam, p]]) };
}

describe('completeness of an import', () => {
	it('counts the rejected rows per file with the main reason, and the unplaced labels', async () => {
		const { result, profiles } = await load();
		const c = completeness(result, profiles);
		// Dossiers: 5 read, C2, C4 and C5 rejected (unknown doelgroep). Events: C1 1, C2 2, C3 3,
		// C4 1, C5 1 = 8 read; the 4 of C2, C4 and C5 rejected with their dossier.
		expect(result.totals.dossiers.geweigerd).toBe(3);
		expect(result.totals.gebeurtenissen.geweigerd).toBe(4);
		expect(c.rejected).toBe(7);
		expect(c.read).toBe(13);
		expect(c.complete).toBe(false);
		expect(c.files).toHaveLength(1);
		expect(c.files[0]!.file).toBe('pre-wonen.csv');
		expect(c.files[0]!.rejected).toBe(7);
		expect(c.files[0]!.read).toBe(13);
		// The 4 events rejected with their dossier are a consequence, not the main reason.
		expect(c.files[0]!.reasons.map((r) => [r.code, r.count])).toEqual([
			['onbekende_doelgroep', 3],
			['dossier_geweigerd', 4]
		]);
		expect(
			c.unplaced.map((u) => [u.column, u.value, u.rows, u.effect, u.closest.join('|')])
		).toEqual([
			['Huishouden', '65', 2, 'geweigerd', '65+'],
			// `Huurschuldd`: the eviction is counted (reason onbekend) with a warning.
			['Huishouden', 'Onbekend', 1, 'geweigerd', ''],
			['Reden', 'Huurschuldd', 1, 'waarschuwing', 'Huurschuld']
		]);
	});

	it('a complete import is complete', async () => {
		const p = profile();
		const result = await importSources(
			[{ name: 'ok.csv', bytes: bytes(CSV.split('\n').slice(0, 2).join('\n')), profile: p }],
			{ today: '2026-01-01', pseudonymiser: null }
		);
		const c = completeness(result, new Map([[p.naam, p]]));
		expect(c).toMatchObject({ rejected: 0, complete: true, files: [], unplaced: [] });
		expect(incompleteParagraph(c)).toBeNull();
	});

	it('the letter opens with the paragraph that says so', async () => {
		const { result, profiles } = await load();
		const c = completeness(result, profiles);
		const text = incompleteParagraph(c)!;
		expect(text).toContain('7 regels van de 13 geweigerd (54 %)');
		expect(text).toContain(
			'pre-wonen.csv: 7 van de 13 regels geweigerd (54 %), vooral onbekende doelgroep (3)'
		);
		expect(text).toContain(
			'Het label ‘65’ in kolom ‘Huishouden’ van pre-wonen.csv (2 regels geweigerd) staat niet in profiel ‘Pré Wonen incasso’; bedoeld is misschien ‘65+’.'
		);
	});
});

describe('labels that the profile’s anders placed', () => {
	it('are reported only when a known label is nearly the same (65 beside 65+), never when the fallback is meant', async () => {
		const p = parseProfile(
			JSON.stringify({
				...PROFILE,
				doelgroep: {
					...PROFILE.doelgroep,
					anders: 'overig',
					waarden: { '65+': 'senior', Gezin: 'gezin_met_kinderen' }
				}
			}),
			'p.json'
		);
		if (!p.ok) throw new Error(p.message);
		const csv = [
			'Dossier;Huishouden;Datum 1e maand;Datum vonnis;Ontruimd op;Reden',
			'C1;65;2015-01-05;;;',
			'C2;65;2015-02-01;;;',
			'C3;Alleenstaand;2015-03-01;;;',
			'C4;Paar zonder kinderen;2015-03-02;;;',
			'C5;Gezinn;2015-04-01;;;',
			'C6;Gezinn;2015-04-02;;;',
			'C7;Eenmalig;2015-04-03;;;'
		].join('\n');
		const result = await importSources([{ name: 'f.csv', bytes: bytes(csv), profile: p.profile }], {
			today: '2026-01-01',
			pseudonymiser: null
		});
		expect(result.totals.dossiers.geweigerd).toBe(0);
		const c = completeness(result, new Map([[p.profile.naam, p.profile]]));
		// `65` (2 rows) is one character from `65+`; `Gezinn` (2) one from `Gezin`; the others are
		// meant, and a value on one row only is never reported (it may be a stray id).
		expect(c.unplaced.map((u) => [u.value, u.rows, u.effect, u.code, u.closest.join('|')])).toEqual(
			[
				['65', 2, 'anders', 'overig', '65+'],
				['Gezinn', 2, 'anders', 'overig', 'Gezin']
			]
		);
		expect(c.complete).toBe(false);
		expect(c.rejected).toBe(0);
	});
});

describe('closest labels', () => {
	it.each([
		['65', ['65+', 'Gezin', 'Alleenstaand'], ['65+']],
		['Gezin m. kinderen', ['Gezin met kinderen', '65+'], ['Gezin met kinderen']],
		[
			'gezin',
			['Gezin met kinderen', 'Gezin zonder kinderen', '65+'],
			['Gezin met kinderen', 'Gezin zonder kinderen']
		],
		['Huurschuldd', ['Huurschuld', 'Overlast'], ['Huurschuld']],
		['Onbekend', ['65+', 'Gezin'], []],
		['', ['65+'], []]
	])('%s among %j → %j', (value, known, expected) => {
		expect(closestLabels(value, known)).toEqual(expected);
	});
});

describe('the letter with an incomplete import', () => {
	it('has the notice as its first paragraph; without one it is unchanged', async () => {
		const { result, profiles } = await load();
		const c = completeness(result, profiles);
		const base = LETTER_CASES[0]!.input;
		const plain = letterToText(draftLetter(base), base.mode);
		const withNotice = draftLetter({ ...base, completeness: c });
		expect(withNotice.paragraphs[0]!.id).toBe('onvolledig');
		expect(withNotice.paragraphs[0]!.heading).toBe('Let op: onvolledige gegevens');
		expect(withNotice.paragraphs.slice(1)).toEqual(draftLetter(base).paragraphs);
		expect(letterToText(draftLetter({ ...base, completeness: null }), base.mode)).toBe(plain);
	});
});
