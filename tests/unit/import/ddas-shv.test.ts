/**
 * The DDAS schuldhulpverlening reader and the resolution of snapshot deliveries
 * (ddas-schuldhulpverlening.md), on small hand-made deliveries in the shape of VNG Realisatie's
 * uitwisselmodel 0.9, 0.10 and 1.0. The client data in them is made up; none of it may come out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ddasKind } from '../../../src/lib/import/ddas';
import {
	combineShv,
	importShvFiles,
	readShvText,
	type ShvFileRead
} from '../../../src/lib/import/ddas-shv';

const TODAY = '2025-09-01';
const read = (text: string, bestand = 'levering.json') =>
	readShvText(bestand, text, { today: TODAY });

/** Made-up client data: a BSN that passes the eleven test, a birth date, an address. */
const CLIENT = [
	{
		Burgerservicenummer: '111222333',
		Geboortedatum: '1971-03-04',
		Geslachtsaanduiding: 'Vrouw',
		Postcode: '9999ZZ',
		Huisnummer: '77',
		Huisnummertoevoeging: 'bis'
	}
];
const SECRETS =
	/111222333|1971-03-04|9999ZZ|Geheimstraat|Jan Contactpersoon|Schuldeiser BV|Geheim omschreven/;
const ORGANISATIE = {
	'(Statutaire) Naam': 'Schuldhulp Zuid',
	contactpersonen: [{ naam: 'Jan Contactpersoon', email: 'jan@example.org' }]
};

/** A v1.0 traject of gemeente 0392 with an aanmelding on `aanmelding`, and extra fields. */
const traject = (aanmelding: string, extra: Record<string, unknown> = {}) => ({
	gemeentecode: 'GM0392',
	startdatum: aanmelding,
	omschrijving: 'Geheim omschreven',
	aanmelding: { startdatum: aanmelding, crisisinterventie: false },
	client: CLIENT,
	...extra
});
const delivery = (trajecten: unknown[], aanleverdatumEnTijd = '2025-07-15T08:00:00Z') =>
	JSON.stringify({
		startdatumLevering: '2025-01-01',
		einddatumLevering: '2025-06-30',
		aanleverdatumEnTijd,
		codeGegevensleverancier: 'GL1',
		leveringen: [
			{ teller: 1, aanleverende_organisatie: ORGANISATIE, schuldhulptrajecten: trajecten }
		]
	});

describe('readShvText: v1.0', () => {
	it('reads what the figures use, and nothing of the client', () => {
		const file = read(
			delivery([
				traject('2025-01-06', {
					aanmelding: {
						startdatum: '2025-01-06',
						crisisinterventie: true,
						einddatum: '2025-01-07'
					},
					crisisinterventies: [{ startdatum: '2025-01-09' }, { startdatum: '2025-01-07' }],
					intake: {
						startdatum: '2025-01-08',
						beschikkingsdatum: '2025-02-20',
						beschikkingssoort: 'toelatingsbeschikking',
						einddatum: '2025-02-21'
					},
					planVanAanpak: { datumAfronding: '2025-03-01' },
					schuldregeling: { toegekend: '2025-04-01', datum: '2025-03-20' },
					oplossing: { soort: '0% aanbod', vtlb: 1200 },
					begeleiding: [{ soort: 'Budgetbeheer' }, { soort: 'Lange Termijn Begeleiding' }],
					moratoria: [{ startdatum: '2025-01-10', einddatum: '2025-07-10' }],
					uitstroom: {
						datum: '2025-06-01',
						reden: 'Niet verschenen',
						omschrijving: 'Geheim omschreven'
					},
					totaalSchuldbedragBijAanvangSchuld: 15000,
					schulden: [
						{
							schuldsoort: 'Zorg',
							bedrag: 100,
							schuldeiser: { naam: 'Schuldeiser BV', postcode: '9999ZZ' }
						},
						{ schuldsoort: 'publiek' },
						{ schuldsoort: 'Zorg' }
					]
				})
			])
		);
		expect(file.weigering).toBeNull();
		expect(file.gelezen).toBe(1);
		expect(file.meldingen).toEqual([]);
		expect(file.clientObjecten).toBe(1);
		expect(file.organisatie).toBe(true);
		expect(file.aanleverdatumEnTijd).toBe('2025-07-15T08:00:00Z');
		expect([file.startdatumLevering, file.einddatumLevering]).toEqual(['2025-01-01', '2025-06-30']);
		expect(file.trajecten).toEqual([
			{
				gemeente: '0392',
				aanmelding: '2025-01-06',
				crisisAanmelding: true,
				eersteCrisis: '2025-01-07',
				eersteGesprek: '2025-01-08',
				beschikkingsdatum: '2025-02-20',
				beschikkingssoort: 'Toelatingsbeschikking',
				planVanAanpak: '2025-03-01',
				schuldregelingToegekend: '2025-04-01',
				schuldregelingAfgewezen: null,
				oplossing: '0%-aanbod',
				begeleiding: ['Budgetbeheer', 'Lange Termijn Begeleiding (DFD)'],
				moratorium: true,
				uitstroomDatum: '2025-06-01',
				uitstroomReden: 'Nietverschenen',
				uitstroom: true,
				schuldbedrag: 15000,
				schuldsoorten: ['Zorg', 'Publiek'],
				pad: 'leveringen[0].schuldhulptrajecten[0]',
				volgorde: 0,
				gewaarschuwd: false
			}
		]);
		expect(JSON.stringify(file)).not.toMatch(SECRETS);
		expect(JSON.stringify(combineShv([file]))).not.toMatch(SECRETS);
	});

	it('takes the traject start as identity when there is no aanmelding; keys in any spelling', () => {
		const file = read(
			JSON.stringify({
				aanleverdatum_en_tijd: '2025-07-01T00:00:00Z',
				Leveringen: [
					{
						schuldhulp_trajecten: [
							{ Gemeente_Code: 392, StartDatum: '2025-02-03T10:00:00Z', CLIENT: CLIENT },
							{ gemeentecode: '0363', startdatum: '2025-02-04', aanmelding: {} }
						]
					}
				]
			})
		);
		expect(file.aangeleverd).toBe(Date.parse('2025-07-01T00:00:00Z'));
		expect(file.trajecten.map((t) => [t.gemeente, t.aanmelding, t.crisisAanmelding])).toEqual([
			['0392', '2025-02-03', false],
			['0363', '2025-02-04', false]
		]);
		expect(file.clientObjecten).toBe(1);
		expect(file.organisatie).toBe(false);
	});
});

describe('readShvText: earlier versions', () => {
	it('v0.9: intake.toelatingsbeschikking is the date of a Toelatingsbeschikking; the organisation is not read', () => {
		const file = read(
			JSON.stringify({
				startdatumLevering: '2023-01-01',
				einddatumLevering: '2023-12-31',
				aanleverdatumEnTijd: '2023-12-31T12:00:00Z',
				leveringen: [
					{
						teller: 1,
						aanleverende_organisatie: ORGANISATIE,
						schuldhulptrajecten: [
							{
								gemeentecode: '001',
								startdatum: '2023-01-01',
								aanmelding: { startdatum: '2023-01-01', crisisinterventie: false },
								intake: { startdatum: '2023-01-10', toelatingsbeschikking: '2023-02-01' },
								client: [{ ...CLIENT[0], leefsituatie: 'Geheimstraat' }]
							}
						]
					}
				]
			})
		);
		expect(file.meldingen).toEqual([]);
		expect(file.organisatie).toBe(true);
		expect(file.trajecten[0]).toMatchObject({
			gemeente: '0001',
			eersteGesprek: '2023-01-10',
			beschikkingsdatum: '2023-02-01',
			beschikkingssoort: 'Toelatingsbeschikking'
		});
		expect(JSON.stringify(file)).not.toMatch(SECRETS);
	});

	it('v0.10: a Beeindigingsbeschikking is no beschikking on admission: warning, dropped', () => {
		const file = read(
			delivery([
				traject('2023-06-01', {
					intake: {
						startdatum: '2023-06-01',
						beschikkingsdatum: '2023-06-10',
						beschikkingssoort: 'Beeindigingsbeschikking'
					}
				}),
				traject('2023-06-02', {
					intake: { beschikkingsdatum: '2023-06-12', beschikkingssoort: 'Afwijzingsbeschikking' }
				})
			])
		);
		expect(file.trajecten.map((t) => [t.beschikkingsdatum, t.beschikkingssoort])).toEqual([
			[null, null],
			['2023-06-12', 'Afwijzingsbeschikking']
		]);
		expect(file.meldingen).toEqual([
			{
				bestand: 'levering.json',
				pad: 'leveringen[0].schuldhulptrajecten[0].intake.beschikkingssoort',
				soort: 'waarschuwing',
				reden: expect.stringMatching(/beëindigingsbeschikking is geen besluit over de toelating/)
			}
		]);
		const { bestanden } = combineShv([file]);
		expect(bestanden[0]!.trajecten).toEqual({
			gelezen: 2,
			geaccepteerd: 2,
			waarschuwingen: 1,
			vervangen: 0,
			geweigerd: 0
		});
	});
});

describe('readShvText: dates and enumerations', () => {
	it('drops an invalid, future or pre-2000 date with a warning; rejects on the identity date', () => {
		const file = read(
			delivery([
				traject('2025-01-06', {
					intake: { startdatum: '2025-02-30', beschikkingsdatum: '2025-12-01' },
					planVanAanpak: { datumAfronding: '1999-12-31' },
					crisisinterventies: [{ startdatum: 'gisteren' }]
				}),
				traject('2025-02-30'),
				traject('2026-01-01'),
				traject('1999-01-01'),
				{ gemeentecode: '0392', aanmelding: { crisisinterventie: true } },
				traject('2025-01-07', { gemeentecode: 'Utrecht' }),
				traject('2025-01-08', { gemeentecode: undefined }),
				'geen object'
			])
		);
		expect(file.trajecten).toHaveLength(1);
		expect(file.trajecten[0]).toMatchObject({
			eersteGesprek: null,
			beschikkingsdatum: null,
			planVanAanpak: null,
			eersteCrisis: null,
			gewaarschuwd: true
		});
		const base = 'leveringen[0].schuldhulptrajecten';
		expect(file.meldingen.map((m) => [m.pad, m.soort])).toEqual([
			[`${base}[0].intake.beschikkingsdatum`, 'waarschuwing'],
			[`${base}[0].crisisinterventies[0].startdatum`, 'waarschuwing'],
			[`${base}[0].intake.startdatum`, 'waarschuwing'],
			[`${base}[0].planVanAanpak.datumAfronding`, 'waarschuwing'],
			[`${base}[1].aanmelding.startdatum`, 'geweigerd'],
			[`${base}[2].aanmelding.startdatum`, 'geweigerd'],
			[`${base}[3].aanmelding.startdatum`, 'geweigerd'],
			[`${base}[4]`, 'geweigerd'],
			[`${base}[5].gemeentecode`, 'geweigerd'],
			[`${base}[6].gemeentecode`, 'geweigerd'],
			[`${base}[7]`, 'geweigerd']
		]);
		expect(file.meldingen[2]!.reden).toBe(
			'De datum van het eerste gesprek ‘2025-02-30’ is geen geldige datum (JJJJ-MM-DD); weggelaten.'
		);
		expect(file.meldingen[0]!.reden).toMatch(/2025-12-01 ligt na de dag van import \(2025-09-01\)/);
		expect(file.meldingen[4]!.reden).toMatch(/‘2025-02-30’ is geen geldige datum.*geweigerd/);
		expect(combineShv([file]).bestanden[0]!.trajecten).toEqual({
			gelezen: 8,
			geaccepteerd: 1,
			waarschuwingen: 1,
			vervangen: 0,
			geweigerd: 7
		});
	});

	it('counts unknown values as onbekend with a warning, and never shows personal data', () => {
		const file = read(
			delivery([
				traject('2025-01-06', {
					intake: { beschikkingsdatum: '2025-02-01', beschikkingssoort: 'Toewijzingsbeschikking' },
					oplossing: { soort: 'Kwijtschelding' },
					uitstroom: { reden: 'Zelfstandig verder' },
					begeleiding: [{ soort: 'Budgetcoaching' }, { einddatum: '2025-03-01' }, 'x'],
					schulden: [{ schuldsoort: 'Huur' }, { schuldsoort: '111222333' }, { bedrag: 3 }],
					totaalSchuldbedragBijAanvangSchuld: '9999ZZ'
				})
			])
		);
		const [t] = file.trajecten;
		expect(t).toMatchObject({
			beschikkingsdatum: '2025-02-01',
			beschikkingssoort: 'onbekend',
			oplossing: 'onbekend',
			uitstroomReden: 'onbekend',
			uitstroomDatum: null,
			uitstroom: true,
			begeleiding: ['Budgetcoaching', 'onbekend'],
			schuldsoorten: ['onbekend'],
			schuldbedrag: null,
			gewaarschuwd: true
		});
		expect(file.meldingen.map((m) => m.reden)).toEqual([
			'De beschikkingssoort ‘Toewijzingsbeschikking’ staat niet in de lijst van versie 1.0; geteld als onbekend.',
			'De schuldsoort ‘Huur’ staat niet in de lijst van versie 1.0; geteld als onbekend.',
			'De schuldsoort (niet getoond: de waarde bevat een BSN (9 cijfers die de elfproef doorstaan)) staat niet in de lijst van versie 1.0; geteld als onbekend.',
			'Het schuldbedrag (niet getoond: de waarde bevat een postcode) is geen getal; weggelaten.',
			'De oplossingssoort ‘Kwijtschelding’ staat niet in de lijst van versie 1.0; geteld als onbekend.',
			'De uitstroomreden ‘Zelfstandig verder’ staat niet in de lijst van versie 1.0; geteld als onbekend.'
		]);
		expect(JSON.stringify(file)).not.toMatch(SECRETS);
	});
});

describe('readShvText: files refused whole', () => {
	it('names the file, line and column of broken JSON', () => {
		const file = read('{\n  "leveringen": [\n    { "schuldhulptrajecten": [ } ]\n}', 'kapot.json');
		expect(file.weigering).toMatch(
			/^kapot\.json: dit is geen geldige JSON op regel 3, kolom 32: een waarde verwacht/
		);
		expect([file.gelezen, file.trajecten.length, file.meldingen.length]).toEqual([0, 0, 0]);
	});

	it('reads a delivery with very deep nesting where nothing is read, without running out of stack', () => {
		const deep = '['.repeat(200_000) + ']'.repeat(200_000);
		const text = `{"leveringen": [{"schuldhulptrajecten": [{"gemeentecode": "0392", "aanmelding": {"startdatum": "2025-01-06"}, "client": ${deep}, "intake": {"startdatum": ${deep}}}]}]}`;
		const file = read(text);
		expect(file.weigering).toBeNull();
		expect(file.trajecten).toHaveLength(1);
		expect(file.trajecten[0]!.eersteGesprek).toBeNull();
		expect(file.meldingen.map((m) => m.reden)).toEqual([
			'De datum van het eerste gesprek (een object of lijst) is geen geldige datum (JJJJ-MM-DD); weggelaten.'
		]);
	});

	it('refuses JSON without leveringen', () => {
		expect(read('[1, 2]').weigering).toMatch(/geen JSON-object/);
		expect(read('{"schuldhulptrajecten": []}').weigering).toMatch(/‘leveringen’ ontbreekt/);
	});
});

describe('combineShv: identity and repeats across snapshot deliveries', () => {
	// Delivery A (March): two clients of 0392 signed on 01-05, one on 02-01, one rejected.
	const A = delivery(
		[
			traject('2025-01-05'),
			traject('2025-01-05', { aanmelding: { startdatum: '2025-01-05', crisisinterventie: true } }),
			traject('2025-02-01', { uitstroom: { reden: 'Onzin' } }),
			{ gemeentecode: '0392' }
		],
		'2025-03-31T23:00:00Z'
	);
	// Delivery B (June): the 01-05 identity again (now with an intake), and a new one of 0363.
	const B = delivery(
		[
			traject('2025-01-05', { intake: { startdatum: '2025-01-20' } }),
			traject('2025-04-01', { gemeentecode: '363' })
		],
		'2025-06-30T23:00:00+02:00'
	);

	it('the latest aanleverdatumEnTijd counts, whatever the order of loading', () => {
		for (const order of [
			['a.json', 'b.json'],
			['b.json', 'a.json']
		]) {
			const files = order.map((name) => read(name === 'a.json' ? A : B, name));
			const result = combineShv(files);
			const counts = Object.fromEntries(result.bestanden.map((f) => [f.bestand, f.trajecten]));
			expect(counts['a.json']).toEqual({
				gelezen: 4,
				geaccepteerd: 1,
				waarschuwingen: 1,
				vervangen: 2,
				geweigerd: 1
			});
			expect(counts['b.json']).toEqual({
				gelezen: 2,
				geaccepteerd: 2,
				waarschuwingen: 0,
				vervangen: 0,
				geweigerd: 0
			});
			expect(
				result.trajecten.map((t) => [t.gemeente, t.aanmelding, t.eersteGesprek]).sort()
			).toEqual([
				['0363', '2025-04-01', null],
				['0392', '2025-01-05', '2025-01-20'],
				['0392', '2025-02-01', null]
			]);
			const replaced = result.meldingen.filter((m) => m.soort === 'vervangen');
			expect(replaced.map((m) => [m.bestand, m.pad])).toEqual([
				['a.json', 'leveringen[0].schuldhulptrajecten[0]'],
				['a.json', 'leveringen[0].schuldhulptrajecten[1]']
			]);
			expect(replaced[0]!.reden).toBe(
				'Hetzelfde traject (gemeente 0392, aanmelding 2025-01-05) staat ook in b.json (aangeleverd 2025-06-30T23:00:00+02:00); dat telt.'
			);
		}
	});

	it('within one delivery every traject stands; equal stamps: the file loaded last counts', () => {
		const one = combineShv([read(A, 'a.json')]);
		expect(one.bestanden[0]!.trajecten.geaccepteerd).toBe(3);
		const twice = combineShv([read(A, 'eerste.json'), read(A, 'tweede.json')]);
		expect(twice.bestanden.map((f) => [f.trajecten.geaccepteerd, f.trajecten.vervangen])).toEqual([
			[0, 3],
			[3, 0]
		]);
		// The replaced file's warnings go; the file loaded last keeps its own.
		expect(twice.meldingen.filter((m) => m.soort === 'waarschuwing').map((m) => m.bestand)).toEqual(
			['tweede.json']
		);
	});

	it('a delivery without aanleverdatumEnTijd ranks below one with it', () => {
		const none = read(B.replace('2025-06-30T23:00:00+02:00', 'onbekend'), 'b.json');
		const result = combineShv([read(A, 'a.json'), none]);
		expect(result.bestanden.map((f) => f.trajecten.vervangen)).toEqual([0, 1]);
	});

	it('importShvFiles reads bytes with a BOM', () => {
		const bytes = new TextEncoder().encode('\uFEFF' + B);
		const result = importShvFiles([{ name: 'b.json', bytes }], { today: TODAY });
		expect(result.trajecten).toHaveLength(2);
	});
});

describe('ddasKind', () => {
	it('tells the two kinds of delivery apart by content', () => {
		const bytes = (text: string) => new TextEncoder().encode(text);
		expect(ddasKind(bytes(delivery([])))).toBe('schuldhulpverlening');
		expect(ddasKind(bytes('{"leveringen": [{"vroegsignalen": []}]}'))).toBe('vroegsignalering');
		expect(ddasKind(bytes('dossier_id;corporatie\n'))).toBeNull();
	});
});

describe('accounting property', () => {
	const date = fc.oneof(
		fc.constantFrom('2025-01-05', '2025-02-30', '1999-01-01', '2030-01-01', '2025-03-01T10:00:00Z'),
		fc.jsonValue()
	);
	const arbitraryTraject = fc.oneof(
		fc.record(
			{
				gemeentecode: fc.oneof(fc.constantFrom('0392', '363', 'GM0599', 'x'), fc.jsonValue()),
				startdatum: date,
				aanmelding: fc.oneof(
					fc.record({ startdatum: date, crisisinterventie: fc.jsonValue() }, { requiredKeys: [] }),
					fc.jsonValue()
				),
				crisisinterventies: fc.oneof(fc.array(fc.record({ startdatum: date })), fc.jsonValue()),
				intake: fc.oneof(
					fc.record(
						{
							startdatum: date,
							beschikkingsdatum: date,
							beschikkingssoort: fc.oneof(
								fc.constantFrom('Toelatingsbeschikking', 'Beeindigingsbeschikking', 'x'),
								fc.jsonValue()
							),
							toelatingsbeschikking: date
						},
						{ requiredKeys: [] }
					),
					fc.jsonValue()
				),
				uitstroom: fc.oneof(fc.record({ datum: date, reden: fc.jsonValue() }), fc.jsonValue()),
				begeleiding: fc.jsonValue(),
				schulden: fc.oneof(fc.array(fc.record({ schuldsoort: fc.jsonValue() })), fc.jsonValue()),
				moratoria: fc.jsonValue(),
				totaalSchuldbedragBijAanvangSchuld: fc.jsonValue(),
				client: fc.jsonValue()
			},
			{ requiredKeys: [] }
		),
		fc.jsonValue()
	);
	const arbitraryDelivery = fc.oneof(
		fc.record({
			aanleverdatumEnTijd: fc.oneof(
				fc.constantFrom('2025-07-01T00:00:00Z', '2025-08-01'),
				fc.jsonValue()
			),
			leveringen: fc.oneof(
				fc.array(
					fc.record(
						{
							schuldhulptrajecten: fc.oneof(
								fc.array(arbitraryTraject, { maxLength: 6 }),
								fc.jsonValue()
							),
							aanleverende_organisatie: fc.jsonValue()
						},
						{ requiredKeys: [] }
					),
					{ maxLength: 3 }
				),
				fc.jsonValue()
			)
		}),
		fc.jsonValue()
	);

	it('any JSON: never throws; gelezen = geaccepteerd + vervangen + geweigerd per file', () => {
		fc.assert(
			fc.property(fc.array(arbitraryDelivery, { minLength: 1, maxLength: 3 }), (deliveries) => {
				const files: ShvFileRead[] = deliveries.map((d, i) => read(JSON.stringify(d), `${i}.json`));
				const result = combineShv(files);
				let accepted = 0;
				for (const f of result.bestanden) {
					const c = f.trajecten;
					expect(c.gelezen).toBe(c.geaccepteerd + c.vervangen + c.geweigerd);
					expect(c.waarschuwingen).toBeLessThanOrEqual(c.geaccepteerd);
					accepted += c.geaccepteerd;
				}
				expect(result.trajecten).toHaveLength(accepted);
				// One melding per rejected or replaced traject.
				const final = result.meldingen.filter((m) => m.soort !== 'waarschuwing').length;
				expect(final).toBe(
					result.bestanden.reduce((n, f) => n + f.trajecten.vervangen + f.trajecten.geweigerd, 0)
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('any text: never throws', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (text) => {
				const file = read(text);
				expect(file.weigering === null || file.gelezen === 0).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});
