/**
 * Address keys from the DDAS deliveries (ddas-schuldhulpverlening.md, "What is read" and "The
 * chain"): read with the werkgroep key, a vroegsignalering signal gets the address key of its
 * `client`, a schuldhulpverlening traject that of its first client, and the traject's identity
 * takes it in; nothing of the address itself survives. Without a key the readers give exactly what
 * they gave before address keys existed. Deliveries of our own: ddas-address-deliveries.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDdasText } from '../../../src/lib/import/ddas';
import {
	CLIENT_ADDRESS,
	applyAddressKeys,
	clientAddress,
	type AddressKeyed,
	type AddressMessages
} from '../../../src/lib/import/ddas-address';
import {
	importDdasFiles,
	importDdasFilesWithAddressKeys
} from '../../../src/lib/import/ddas-combine';
import { readJson } from '../../../src/lib/import/ddas-json';
import {
	importShvFiles,
	importShvFilesWithAddressKeys,
	readShvText
} from '../../../src/lib/import/ddas-shv';
import { webCryptoPseudonymiser } from '../../../src/lib/import/profiles/pseudonym';
import { nodePseudonymiser } from '../../../src/lib/import/profiles/pseudonym-node';
import {
	KEY_WITHOUT_ADDITION,
	KEY_WITH_ADDITION,
	RAW,
	SHV_DELIVERY,
	SPEC_KEY,
	VS_DELIVERY
} from './ddas-address-deliveries';

const VS_TODAY = '2026-12-01';
const SHV_TODAY = '2025-09-01';
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const fixture = (name: string) => ({
	name,
	bytes: readFileSync(`tests/fixtures/ddas/${name}`)
});
const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const keyed = () => nodePseudonymiser(SPEC_KEY);

describe('the client as read with a key', () => {
	it('builds only the address fields of a client, matched as every key (case, _ and - ignored)', () => {
		const value = readJson(
			'{"Burgerservicenummer": "999993021", "Post_Code": "2011 rd", "HUIS-NUMMER": 12, "Naam": {"x": 1}, "huisnummer_toevoeging": "a"}',
			CLIENT_ADDRESS
		);
		expect(value).toEqual({ postcode: '2011 rd', huisnummer: 12, huisnummertoevoeging: 'a' });
	});

	it('of a list builds only the first item, and counts the list once', () => {
		let seen = 0;
		const value = readJson(
			'[{"Postcode": "2011RD", "Huisnummer": "12", "Achternaam": "Verzinsel"}, {"Postcode": "1234AB", "Huisnummer": "1"}]',
			{ kind: 'array', item: CLIENT_ADDRESS, limit: 1, seen: () => seen++ }
		);
		expect(value).toEqual([{ postcode: '2011RD', huisnummer: '12' }]);
		expect(seen).toBe(1);
	});

	it.each([
		[{ postcode: '2011 rd', huisnummer: '12', huisnummertoevoeging: 'a' }, 'ADRES|2011RD|12|A'],
		[{ postcode: '2011RD', huisnummer: 12 }, 'ADRES|2011RD|12|'],
		[{ postcode: '2011RD', huisnummer: '12', huisnummertoevoeging: null }, 'ADRES|2011RD|12|'],
		[{ postcode: '2011RD' }, null],
		[{ huisnummer: '12' }, null],
		[{ postcode: ' ', huisnummer: '12' }, null],
		[{ postcode: '2011RD', huisnummer: '' }, null],
		[{ postcode: true, huisnummer: '12' }, null],
		[null, null],
		['2011RD 12', null],
		[[{ postcode: '2011RD', huisnummer: '12' }], null]
	])('the message of %j is %j', (client, message) => {
		expect(clientAddress(client as never)).toBe(message);
	});

	it('applyAddressKeys keys each distinct message once, gives null to the rest and forgets the messages', async () => {
		const records: AddressKeyed[] = [{}, {}, {}, {}];
		// A record the reader dropped after reading it: its message is forgotten, not keyed.
		const dropped: AddressKeyed = {};
		const messages: AddressMessages = new Map([
			[records[0]!, 'ADRES|2011RD|12|A'],
			[records[1]!, 'ADRES|2011RD|12|'],
			[dropped, 'ADRES|9999ZZ|7|'],
			[records[3]!, 'ADRES|2011RD|12|A']
		]);
		const asked: string[][] = [];
		const pseudonymise = keyed();
		await applyAddressKeys(records, messages, async (m) => {
			asked.push([...m]);
			return pseudonymise(m);
		});
		expect(asked).toEqual([['ADRES|2011RD|12|A', 'ADRES|2011RD|12|']]);
		expect(records.map((r) => r.adresSleutel)).toEqual([
			KEY_WITH_ADDITION,
			KEY_WITHOUT_ADDITION,
			null,
			KEY_WITH_ADDITION
		]);
		expect(messages.size).toBe(0);
		expect(dropped).toEqual({});
	});
});

describe('vroegsignalering with a key', () => {
	it('gives each signal the address key of its client: the spec’s test vectors', async () => {
		for (const pseudonymise of [keyed(), await webCryptoPseudonymiser(SPEC_KEY)]) {
			const r = await importDdasFilesWithAddressKeys(
				[file('vs.json', VS_DELIVERY)],
				{ today: VS_TODAY },
				pseudonymise
			);
			expect(r.signalen.map((s) => [s.id, s.adresSleutel])).toEqual([
				['S1', KEY_WITH_ADDITION],
				['S2', KEY_WITHOUT_ADDITION],
				['S3', KEY_WITHOUT_ADDITION],
				['S4', null],
				['S5', null],
				['S6', null],
				['S7', null],
				['S8', null],
				['S9', null]
			]);
			// Client objects present: every signal but S5 (S10 was rejected, its client still present).
			expect(r.bestanden[0]!.clientObjecten).toBe(9);
			expect(r.bestanden[0]!.adresSleutels).toBe(3);
		}
	});

	it('keeps nothing of an address: no postcode, house number or message in the result', async () => {
		const r = await importDdasFilesWithAddressKeys(
			[file('vs.json', VS_DELIVERY), fixture('v1.0-eigen-levering.json')],
			{ today: VS_TODAY },
			keyed()
		);
		const text = JSON.stringify(r);
		expect(text).not.toMatch(RAW);
		expect(text).not.toMatch(/3599AB|Voorbeeldlaan|Voorbeeldstad|ADRES\|/i);
		// The house numbers of the deliveries appear as no value of their own.
		expect(text).not.toMatch(/"huisnummer|"postcode|"12"/i);
		// The fixture's 17 clients all have an address.
		expect(r.bestanden.map((b) => b.adresSleutels)).toEqual([3, 17]);
	});

	it('the signal that counts carries the address key of its own delivery', async () => {
		const later = VS_DELIVERY.replace('2025-07-01T10:00:00Z', '2025-08-01T10:00:00Z').replace(
			'"Huisnummertoevoeging":"a"',
			'"Huisnummertoevoeging":""'
		);
		expect(later).not.toBe(VS_DELIVERY);
		const r = await importDdasFilesWithAddressKeys(
			[file('later.json', later), file('vs.json', VS_DELIVERY)],
			{ today: VS_TODAY },
			keyed()
		);
		expect(r.signalen.find((s) => s.id === 'S1')!.adresSleutel).toBe(KEY_WITHOUT_ADDITION);
		expect(r.bestanden.map((b) => b.signalen.vervangen)).toEqual([0, 9]);
	});

	it('the same signals, cases, figures and accounting as without a key', async () => {
		const files = [file('vs.json', VS_DELIVERY), fixture('v1.2-eigen-levering.json')];
		const plain = importDdasFiles(files, { today: VS_TODAY });
		const withKeys = await importDdasFilesWithAddressKeys(files, { today: VS_TODAY }, keyed());
		const strip = <T extends object>(rows: T[], key: string) =>
			rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== key)));
		expect(strip(withKeys.signalen, 'adresSleutel')).toEqual(plain.signalen);
		expect(strip(withKeys.bestanden, 'adresSleutels')).toEqual(plain.bestanden);
		expect(withKeys.zaken).toEqual(plain.zaken);
		expect(withKeys.pogingen).toEqual(plain.pogingen);
		expect(withKeys.meldingen).toEqual(plain.meldingen);
	});
});

describe('schuldhulpverlening with a key', () => {
	it('gives each traject the address key of its first client: the spec’s test vectors', async () => {
		for (const pseudonymise of [keyed(), await webCryptoPseudonymiser(SPEC_KEY)]) {
			const r = await importShvFilesWithAddressKeys(
				[file('shv.json', SHV_DELIVERY)],
				{ today: SHV_TODAY },
				pseudonymise
			);
			expect(r.trajecten.map((t) => [t.aanmelding, t.adresSleutel])).toEqual([
				['2025-01-06', KEY_WITH_ADDITION],
				['2025-01-06', KEY_WITHOUT_ADDITION],
				['2025-01-07', null],
				['2025-01-08', null],
				['2025-01-09', null],
				['2025-01-10', null]
			]);
			expect(r.bestanden[0]!.clientObjecten).toBe(6);
			expect(r.bestanden[0]!.adresSleutels).toBe(2);
			expect(r.bestanden[0]!.trajecten).toEqual({
				gelezen: 7,
				geaccepteerd: 6,
				waarschuwingen: 0,
				vervangen: 0,
				geweigerd: 1
			});
		}
	});

	it('keeps nothing of an address: no postcode, house number or message in the result', async () => {
		const r = await importShvFilesWithAddressKeys(
			[file('shv.json', SHV_DELIVERY), fixture('shv-v1.0-eigen-levering.json')],
			{ today: SHV_TODAY },
			keyed()
		);
		const text = JSON.stringify(r);
		expect(text).not.toMatch(RAW);
		expect(text).not.toMatch(/ADRES\||"huisnummer|"postcode|"12"/i);
		// The fixture's clients have a postcode but no house number: no key.
		expect(r.bestanden.map((b) => b.adresSleutels)).toEqual([2, 0]);
	});

	describe('identity: gemeente, aanmelding date and the address key', () => {
		// Two clients sign on in gemeente 0392 on 2025-02-03: one in the first delivery, the
		// other in a later one.
		const one = (aanleverdatumEnTijd: string, postcode: string) =>
			JSON.stringify({
				aanleverdatumEnTijd,
				leveringen: [
					{
						schuldhulptrajecten: [
							{
								gemeentecode: '0392',
								aanmelding: { startdatum: '2025-02-03' },
								client: [{ Postcode: postcode, Huisnummer: '12' }]
							}
						]
					}
				]
			});
		const files = [
			file('juli.json', one('2025-07-01T08:00:00Z', '2011RD')),
			file('augustus.json', one('2025-08-01T08:00:00Z', '1234AB'))
		];

		it('without a key they share an identity: the later one replaces the earlier', () => {
			const r = importShvFiles(files, { today: SHV_TODAY });
			expect(r.trajecten).toHaveLength(1);
			expect(r.bestanden.map((b) => b.trajecten.vervangen)).toEqual([1, 0]);
		});

		it('with a key they are two trajecten', async () => {
			const r = await importShvFilesWithAddressKeys(files, { today: SHV_TODAY }, keyed());
			expect(r.trajecten.map((t) => t.adresSleutel)).toEqual([
				KEY_WITHOUT_ADDITION,
				expect.stringMatching(/^[0-9a-f]{32}$/)
			]);
			expect(r.trajecten[1]!.adresSleutel).not.toBe(KEY_WITHOUT_ADDITION);
			expect(r.bestanden.map((b) => [b.trajecten.geaccepteerd, b.trajecten.vervangen])).toEqual([
				[1, 0],
				[1, 0]
			]);
		});

		it('with a key the same address on the same day is the same traject', async () => {
			const same = [files[0]!, file('augustus.json', one('2025-08-01T08:00:00Z', '2011 RD'))];
			const r = await importShvFilesWithAddressKeys(same, { today: SHV_TODAY }, keyed());
			expect(r.trajecten).toHaveLength(1);
			expect(r.bestanden.map((b) => b.trajecten.vervangen)).toEqual([1, 0]);
			const melding = r.meldingen.find((m) => m.soort === 'vervangen')!;
			expect(melding.reden).toContain('hetzelfde adres');
			expect(melding.reden).not.toMatch(RAW);
		});

		it('with a key, two trajecten without an address on the same day share an identity', async () => {
			const bare = (at: string) =>
				JSON.stringify({
					aanleverdatumEnTijd: at,
					leveringen: [
						{ schuldhulptrajecten: [{ gemeentecode: '0392', startdatum: '2025-02-03' }] }
					]
				});
			const r = await importShvFilesWithAddressKeys(
				[
					file('a.json', bare('2025-07-01T08:00:00Z')),
					file('b.json', bare('2025-08-01T08:00:00Z'))
				],
				{ today: SHV_TODAY },
				keyed()
			);
			expect(r.trajecten.map((t) => t.adresSleutel)).toEqual([null]);
			expect(r.bestanden.map((b) => b.trajecten.vervangen)).toEqual([1, 0]);
		});
	});
});

describe('without a key', () => {
	// SHA-256 of JSON.stringify of each result as the readers gave it before address keys existed
	// (computed with commit e471f8d): the client stays skipped, byte for byte.
	it('the readers give exactly what they gave before', () => {
		expect(sha256(readDdasText('vs.json', VS_DELIVERY, { today: VS_TODAY }))).toBe(
			'bc10e4faf64ac05c3d6a170a42f6c49197019158387dd8e54826b443e8acc66d'
		);
		expect(
			sha256(
				importDdasFiles(
					[
						file('vs.json', VS_DELIVERY),
						fixture('v1.0-eigen-levering.json'),
						fixture('v1.2-eigen-levering.json')
					],
					{ today: VS_TODAY }
				)
			)
		).toBe('125a8980cad258b0dcbcbe505ac7a9c8dd47589c54e8a2c4dec8c807a9ec9fd6');
		expect(sha256(readShvText('shv.json', SHV_DELIVERY, { today: SHV_TODAY }))).toBe(
			'ceb3c93a1c2b36e479913c43bfb8dce1081f3553442b991de126393cf193812d'
		);
		expect(
			sha256(
				importShvFiles([file('shv.json', SHV_DELIVERY), fixture('shv-v1.0-eigen-levering.json')], {
					today: SHV_TODAY
				})
			)
		).toBe('9c444dcdf85ea2402111a7bfef35811ad05eee4344aef36da843db5653f7e135');
	});

	it('the async import without a pseudonymiser is the plain import', async () => {
		const vs = [file('vs.json', VS_DELIVERY)];
		expect(await importDdasFilesWithAddressKeys(vs, { today: VS_TODAY }, null)).toEqual(
			importDdasFiles(vs, { today: VS_TODAY })
		);
		const shv = [file('shv.json', SHV_DELIVERY)];
		const plain = await importShvFilesWithAddressKeys(shv, { today: SHV_TODAY }, null);
		expect(plain).toEqual(importShvFiles(shv, { today: SHV_TODAY }));
		expect(JSON.stringify(plain)).not.toMatch(/adres/i);
	});
});
