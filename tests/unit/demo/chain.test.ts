/**
 * The demo chain: the schuldhulpverlening demo delivery as the real reader reads it, and the households that meet across the three sources — counted here on the
 * generated files themselves (JSON and CSV text, keys made with node:crypto), not taken from the
 * chain's own bookkeeping.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCrisis } from '../../../src/lib/domain/shv';
import { demoChain, demoDeliveries, vonnisStatus } from '../../../src/lib/demo/chain';
import { DEMO_DEFAULTS, generateDemo } from '../../../src/lib/demo/generate';
import { toCsv } from '../../../src/lib/demo/csv';
import { SHV_DEMO_DEFAULTS, generateShvDemo } from '../../../src/lib/demo/shv';
import { readShvText } from '../../../src/lib/import/ddas-shv';
import { addressMessage, normalizeKey } from '../../../src/lib/import/profiles/pseudonym';

const KEY = normalizeKey(readFileSync('data/bronnen/demo-sleutel.txt', 'utf8'));
/** The address key as the spec defines it, with node:crypto. */
const keyOf = (postcode: string, huisnummer: string, toevoeging = '') =>
	createHmac('sha256', KEY)
		.update(addressMessage(postcode, huisnummer, toevoeging), 'utf8')
		.digest('hex')
		.slice(0, 32);

const demo = generateDemo(DEMO_DEFAULTS);
const deliveries = demoDeliveries(demo);

type Client = { Postcode: string; Huisnummer: string; Huisnummertoevoeging?: string };
const clientKey = (c: Client) => keyOf(c.Postcode, c.Huisnummer, c.Huisnummertoevoeging);

describe('the schuldhulpverlening demo delivery', () => {
	const committed = readFileSync('data/schuldhulpverlening-haarlem.json', 'utf8');
	const read = readShvText('demo', committed, { today: '2024-01-15' });

	it('is the generator output for the demo chain (npm run demo-ddas), the same every time', () => {
		expect(committed === deliveries.schuldhulpverlening).toBe(true);
		expect(demoDeliveries(demo).schuldhulpverlening === committed).toBe(true);
		const other = generateShvDemo({ ...SHV_DEMO_DEFAULTS, seed: SHV_DEMO_DEFAULTS.seed + 1 });
		expect(other).not.toBe(generateShvDemo(SHV_DEMO_DEFAULTS));
		expect(other).toBe(generateShvDemo({ ...SHV_DEMO_DEFAULTS, seed: SHV_DEMO_DEFAULTS.seed + 1 }));
	});

	it('reads with the real reader: every traject accepted, no finding', () => {
		expect(read.weigering).toBeNull();
		expect(read.meldingen).toEqual([]);
		expect(read.trajecten.length).toBe(read.gelezen);
		expect(read.clientObjecten).toBe(read.gelezen);
		expect(new Set(read.trajecten.map((t) => t.gemeente))).toEqual(new Set(['0392']));
	});

	it('has a few hundred aanmeldingen a year from 2013 to 2023, mostly within the Wgs norms', () => {
		const perYear = new Map<string, number>();
		for (const t of read.trajecten)
			perYear.set(t.aanmelding.slice(0, 4), (perYear.get(t.aanmelding.slice(0, 4)) ?? 0) + 1);
		expect([...perYear.keys()].sort()).toEqual(
			Array.from({ length: 11 }, (_, i) => String(2013 + i))
		);
		for (const [year, n] of perYear) {
			expect(n, year).toBeGreaterThan(year === '2013' ? 150 : 200);
			expect(n, year).toBeLessThan(500);
		}
		const crisis = read.trajecten.filter(isCrisis).length / read.trajecten.length;
		expect(crisis).toBeGreaterThan(0.1);
		expect(crisis).toBeLessThan(0.2);
		const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
		const regular = read.trajecten.filter((t) => !isCrisis(t) && t.eersteGesprek !== null);
		const late = regular.filter((t) => days(t.aanmelding, t.eersteGesprek!) > 28).length;
		expect(late / regular.length).toBeGreaterThan(0.03);
		expect(late / regular.length).toBeLessThan(0.25);
		const decided = read.trajecten.filter((t) => t.beschikkingsdatum !== null);
		const slow = decided.filter((t) => days(t.eersteGesprek!, t.beschikkingsdatum!) > 56).length;
		expect(slow / decided.length).toBeGreaterThan(0.03);
		expect(slow / decided.length).toBeLessThan(0.3);
		expect(
			decided.every((t) => t.eersteGesprek !== null && t.eersteGesprek <= t.beschikkingsdatum!)
		).toBe(true);
		for (const kind of [
			'planVanAanpak',
			'schuldregelingToegekend',
			'uitstroomReden',
			'oplossing'
		] as const)
			expect(
				read.trajecten.some((t) => t[kind] !== null),
				kind
			).toBe(true);
		expect(read.trajecten.some((t) => t.begeleiding.length > 0)).toBe(true);
		expect(read.trajecten.some((t) => t.moratorium)).toBe(true);
		expect(new Set(read.trajecten.flatMap((t) => t.schuldsoorten))).toEqual(
			new Set(['Zorg', 'Publiek', 'Nuts', 'Overig'])
		);
	});

	it('holds nothing personal but the fictitious BSN and the address', () => {
		const trajecten = JSON.parse(committed).leveringen[0].schuldhulptrajecten;
		const keys = new Set<string>();
		for (const t of trajecten) {
			expect(t.client).toHaveLength(1);
			for (const k of Object.keys(t.client[0])) keys.add(k);
			expect(t.client[0].Burgerservicenummer).toBe('000000000');
		}
		expect([...keys].sort()).toEqual(
			['Burgerservicenummer', 'Huisnummer', 'Huisnummertoevoeging', 'Postcode'].sort()
		);
		// One traject per household.
		expect(new Set(trajecten.map((t: { client: Client[] }) => clientKey(t.client[0]!))).size).toBe(
			trajecten.length
		);
	});
});

describe('the chain across the three demo sources', () => {
	const day = 86_400_000;
	const yearBefore = (date: string) =>
		new Date(Date.parse(date) - 364 * day).toISOString().slice(0, 10);
	const signals: { signaaldatum: string; signaalpartner: { type: string }; client: Client }[] =
		JSON.parse(deliveries.vroegsignalering).leveringen[0].vroegsignalen;
	const trajecten: {
		aanmelding: { startdatum: string };
		intake?: { startdatum?: string };
		client: Client[];
	}[] = JSON.parse(deliveries.schuldhulpverlening).leveringen[0].schuldhulptrajecten;
	const group = <T>(items: T[], key: (t: T) => string) => {
		const map = new Map<string, T[]>();
		for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
		return map;
	};
	const huur = group(
		signals.filter((s) => s.signaalpartner.type === 'Huur'),
		(s) => clientKey(s.client)
	);
	const shv = group(trajecten, (t) => clientKey(t.client[0]!));
	const dossierKeys = new Map(
		toCsv(demo)
			.dossiers.trimEnd()
			.split('\n')
			.slice(1)
			.map((line) => line.split(','))
			.map((cells) => [cells[0]!, cells[4]!])
	);
	const events = group(demo.events, (e) => e.dossier_id);

	/** The chain figures of metrics keten, counted over every vonnis of the demo set. */
	const figures = {
		vonnissen: 0,
		huur: 0,
		shv: 0,
		gesprek: 0,
		voorkomen: [0, 0],
		ontruimd: [0, 0]
	};
	for (const [id, own] of events) {
		for (const v of own.filter((e) => e.gebeurtenis === 'vonnis')) {
			figures.vonnissen++;
			const key = dossierKeys.get(id)!;
			const inWindow = (date: string) => date >= yearBefore(v.datum) && date <= v.datum;
			if ((huur.get(key) ?? []).some((s) => inWindow(s.signaaldatum))) figures.huur++;
			const found = (shv.get(key) ?? []).filter((t) => inWindow(t.aanmelding.startdatum));
			if (found.length) figures.shv++;
			if (found.some((t) => t.intake?.startdatum && t.intake.startdatum <= v.datum))
				figures.gesprek++;
			const status = vonnisStatus(v.datum, own);
			if (status !== 'lopend') figures[status][found.length ? 0 : 1]!++;
		}
	}

	it('has vonnis dossiers with a Huur signal and with a debt-help aanmelding of their address in the year before', () => {
		expect(figures.vonnissen).toBeGreaterThan(150);
		expect(figures.huur / figures.vonnissen).toBeGreaterThan(0.3);
		expect(figures.huur / figures.vonnissen).toBeLessThan(0.9);
		expect(figures.shv / figures.vonnissen).toBeGreaterThan(0.3);
		expect(figures.shv / figures.vonnissen).toBeLessThan(0.9);
		expect(figures.gesprek).toBeGreaterThan(0);
		expect(figures.gesprek).toBeLessThanOrEqual(figures.shv);
		// What the chain decided is what the files hold (a second dossier may share its address).
		const chain = demoChain(demo).dossiers.filter((d) => d.vonnis !== null);
		expect(figures.shv).toBeGreaterThanOrEqual(chain.filter((d) => d.aanmelding !== null).length);
		expect(figures.huur).toBeGreaterThanOrEqual(chain.filter((d) => d.huursignaal !== null).length);
	});

	it('prevents evictions more often with debt help than without (built in, from the events’ outcomes)', () => {
		const withShv = figures.voorkomen[0]! / (figures.voorkomen[0]! + figures.ontruimd[0]!);
		const without = figures.voorkomen[1]! / (figures.voorkomen[1]! + figures.ontruimd[1]!);
		expect(figures.ontruimd[0]).toBeGreaterThan(0);
		expect(withShv).toBeGreaterThan(without + 0.05);
	});

	it('meets dossiers only through the chain’s households: the other households live elsewhere', () => {
		const addresses = new Set(dossierKeys.values());
		const atDossier = trajecten.filter((t) => addresses.has(clientKey(t.client[0]!)));
		expect(atDossier.length).toBe(deliveries.chain.schuldhulpverlening.length);
		const rent = signals.filter(
			(s) => s.signaalpartner.type === 'Huur' && addresses.has(clientKey(s.client))
		);
		expect(rent.length).toBe(deliveries.chain.vroegsignalering.length);
	});
});
