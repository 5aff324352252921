/**
 * The demo dossiers' addresses: fictitious, one per household, and each dossier's `adres_sleutel`
 * the address key of the spec (ddas-schuldhulpverlening.md, "The chain") with the demo key —
 * checked against node:crypto and the spec's examples.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY, addressKey } from '../../../src/lib/demo/address';
import { toCsv } from '../../../src/lib/demo/csv';
import { DEMO_DEFAULTS, generateDemo } from '../../../src/lib/demo/generate';
import { hmacSha256, sha256 } from '../../../src/lib/demo/hmac';
import { addressMessage, normalizeKey } from '../../../src/lib/import/profiles/pseudonym';

const KEY = normalizeKey(readFileSync('data/bronnen/demo-sleutel.txt', 'utf8'));
/** The address key as the spec defines it, with node:crypto. */
const keyOf = (postcode: string, huisnummer: string, toevoeging = '') =>
	createHmac('sha256', KEY)
		.update(addressMessage(postcode, huisnummer, toevoeging), 'utf8')
		.digest('hex')
		.slice(0, 32);

const demo = generateDemo(DEMO_DEFAULTS);

describe('the HMAC of the demo generators', () => {
	it('is node:crypto’s HMAC-SHA256, and gives the spec’s example', () => {
		const encode = (s: string) => new TextEncoder().encode(s);
		const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
		for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 200]) {
			const text = `${'é'.repeat(n % 7)}${'x'.repeat(n)}`;
			expect(hex(sha256(encode(text)))).toBe(
				createHash('sha256').update(text, 'utf8').digest('hex')
			);
			const key = 'k'.repeat(n);
			expect(hex(hmacSha256(encode(key), encode(text)))).toBe(
				createHmac('sha256', key).update(text, 'utf8').digest('hex')
			);
		}
		const spec = encode('werkgroep-haarlem-2015-evaluatie');
		expect(hex(hmacSha256(spec, encode('ADRES|2011RD|12|A'))).slice(0, 32)).toBe(
			'4fb8234058cac101594025b34c6476f8'
		);
		expect(hex(hmacSha256(spec, encode('ADRES|2011RD|12|'))).slice(0, 32)).toBe(
			'168a1b435661b79565def24c4e1e5767'
		);
	});
});

describe('the dossiers’ addresses', () => {
	it('use the key of data/bronnen/demo-sleutel.txt', () => {
		expect(DEMO_KEY).toBe(KEY);
	});

	it('give every dossier an adres_sleutel: 32 lower-case hex, the HMAC of its address', () => {
		expect(demo.adressen.size).toBe(demo.dossiers.length);
		const csv = toCsv(demo).dossiers.trimEnd().split('\n');
		expect(csv[0]).toBe('dossier_id,corporatie,doelgroep,wijk,adres_sleutel');
		for (const line of csv.slice(1)) {
			const [id, , , , sleutel] = line.split(',');
			const { adres, adres_sleutel } = demo.adressen.get(id!)!;
			expect(sleutel).toMatch(/^[0-9a-f]{32}$/);
			expect(sleutel).toBe(adres_sleutel);
			expect(sleutel).toBe(keyOf(adres.postcode, adres.huisnummer, adres.toevoeging));
			expect(addressKey(adres)).toBe(sleutel);
		}
	});

	it('are fictitious Haarlem addresses, one per household (a second dossier keeps the first’s)', () => {
		const byKey = new Map<string, string[]>();
		for (const d of demo.dossiers) {
			const { adres, adres_sleutel } = demo.adressen.get(d.dossier_id)!;
			// SA, SD and SS are letter pairs no Dutch postcode has.
			expect(adres.postcode).toMatch(/^20[1-3]\d(SA|SD|SS)$/);
			expect(adres.huisnummer).toMatch(/^[1-9]\d{0,2}$/);
			byKey.set(adres_sleutel, [...(byKey.get(adres_sleutel) ?? []), d.dossier_id]);
		}
		const dossier = new Map(demo.dossiers.map((d) => [d.dossier_id, d]));
		const shared = [...byKey.values()].filter((ids) => ids.length > 1);
		// Recidivists: about 4% of the dossiers, same corporation and wijk.
		expect(shared.length).toBeGreaterThan(0);
		expect(shared.length).toBeLessThan(demo.dossiers.length * 0.08);
		for (const ids of shared) {
			const first = dossier.get(ids[0]!)!;
			for (const id of ids)
				expect(dossier.get(id)).toMatchObject({ corporatie: first.corporatie, wijk: first.wijk });
		}
	});
});
