/**
 * The vroegsignalering figures (ddas-vroegsignalering.md) on a small hand-made delivery, read by
 * the real reader and computed on the real DuckDB-WASM engine. Period [2025-01-01, 2025-07-01).
 *
 * Gemeente 0392: Z1 {H1 Huur 01-10 €400, E1 Energie 01-05 €100}, opgepakt 01-08 (before the rent
 *   signal: 0 days), attempts Telefoon ✗ 01-07 (before the start), Brief ✗ 01-12, Huisbezoek ✓ 01-20,
 *   resultaat "Vervolghulp en/of verwijzing".
 * Z2 {H2 Huur 02-01 €800}, opgepakt 02-11, attempt Telefoon ✓ with an invalid date, no resultaat.
 * Z3 {H3 Huur 03-01 no bedrag, W1 Water 04-01}, not opgepakt, no attempts, "Inwoner is overleden".
 * Z4 {H4 Huur 2024-12-20 €300}, opgepakt 2024-12-22: starts before the period.
 * Z6 {E2 Energie 02-15} with an attempt: no rent case. H6 Huur 2025-07-01 €999 in no case (after).
 * Gemeente 0363: Z5 {H5 Huur 05-01 €1000}, opgepakt 05-04, attempt Mail ✓ 05-02,
 *   resultaat "Verwijzing zonder toestemming" (1.0 name of "Verwijzing zonder tussenkomst inwoner").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database';
import { openNodeDatabase } from '../../../src/lib/db/node';
import { importDdasFiles } from '../../../src/lib/import/ddas-combine';
import {
	computeVroegsignalering,
	computeVsTrend,
	vsExtent,
	emptyVsMetrics,
	vsGemeenten,
	type VsMetrics
} from '../../../src/lib/metrics/vroegsignalering';
import { ddasToArrowIpc } from '../../../src/lib/db/ddas-arrow';
import { loadVroegsignalering } from '../../../src/lib/metrics/vroegsignalering-load';
import { deliveryPresets } from '../../../src/lib/metrics/periods';

const s = (ID: string, type: string, signaaldatum: string, bedrag?: number) => ({
	ID,
	signaaldatum,
	signaalpartner: { type },
	...(bedrag === undefined ? {} : { bedrag }),
	client: { burgerservicenummer: '111222333', achternaam: 'Verborgen' }
});
const poging = (soort: string, bereikt: boolean, datum: string) => ({ soort, bereikt, datum });

export const HAND_DELIVERY = {
	aanleverdatumEnTijd: '2025-07-15T08:00:00Z',
	leveringen: [
		{
			gemeentecode: '0392',
			vroegsignalen: [
				s('H1', 'Huur', '2025-01-10', 400),
				s('E1', 'Energie', '2025-01-05', 100),
				s('H2', 'Huur', '2025-02-01', 800),
				s('H3', 'Huur', '2025-03-01'),
				s('W1', 'Water', '2025-04-01', 50),
				s('H4', 'Huur', '2024-12-20', 300),
				s('E2', 'Energie', '2025-02-15', 70),
				s('H6', 'Huur', '2025-07-01', 999)
			],
			vroegsignaalzaken: [
				{
					resultaat: 'Vervolghulp en/of verwijzing',
					datumOpgepakt: '2025-01-08',
					vroegsignalen: [{ ID: 'H1' }, { ID: 'E1' }],
					contactpogingen: [
						poging('Telefoon', false, '2025-01-07'),
						poging('Brief', false, '2025-01-12'),
						poging('Huisbezoek', true, '2025-01-20')
					]
				},
				{
					datum_opgepakt: '2025-02-11',
					vroegsignalen: [{ ID: 'H2' }],
					contactpogingen: [poging('Telefoon', true, 'x')]
				},
				{ resultaat: 'Inwoner is overleden', vroegsignalen: [{ ID: 'H3' }, { ID: 'W1' }] },
				{ datumOpgepakt: '2024-12-22', vroegsignalen: [{ ID: 'H4' }] },
				{ vroegsignalen: [{ ID: 'E2' }], contactpogingen: [poging('Telefoon', true, '2025-02-16')] }
			]
		},
		{
			gemeentecode: '0363',
			vroegsignalen: [s('H5', 'Huur', '2025-05-01', 1000)],
			vroegsignaalzaken: [
				{
					resultaat: 'Verwijzing zonder toestemming',
					datumOpgepakt: '2025-05-04',
					vroegsignalen: [{ ID: 'H5' }],
					contactpogingen: [poging('Mail', true, '2025-05-02')]
				}
			]
		}
	]
};

let db: Database;
const period = { van: '2025-01-01', tot: '2025-07-01' };

beforeAll(async () => {
	db = await openNodeDatabase();
	const bytes = new TextEncoder().encode(JSON.stringify(HAND_DELIVERY));
	const result = importDdasFiles([{ name: 'hand.json', bytes }], { today: '2026-01-01' });
	await loadVroegsignalering(db, ddasToArrowIpc(result));
});
afterAll(async () => db.close());

/** The expected figures: zeros, with these parts set. */
function expected(parts: Partial<VsMetrics> & Record<string, unknown>): VsMetrics {
	const m = emptyVsMetrics();
	for (const [key, value] of Object.entries(parts)) {
		const target = (m as unknown as Record<string, unknown>)[key];
		if (
			typeof value === 'object' &&
			value !== null &&
			typeof target === 'object' &&
			target !== null
		)
			Object.assign(target, value);
		else (m as unknown as Record<string, unknown>)[key] = value;
	}
	return m;
}

describe('the vroegsignalering figures', () => {
	it('the default gemeenten: every gemeente with data, sorted', async () => {
		expect(await vsGemeenten(db)).toEqual(['0363', '0392']);
	});

	it('total and per gemeente', async () => {
		const figures = await computeVroegsignalering(db, { ...period, gemeenten: ['0363', '0392'] });
		expect(figures.totaal).toEqual(
			expected({
				// H1, H2, H3, H5 (H4 before, H6 on `tot`); E1, E2; W1.
				signalen: { ...emptyVsMetrics().signalen, Huur: 4, Energie: 2, Water: 1 },
				signalen_huur: 4,
				// 400, 800, 1000 (H3 has none).
				bedrag_huur_mediaan: 800,
				zaken_huur: 4, // Z1, Z2, Z3, Z5
				opgepakt: 3, // Z1, Z2, Z5
				contact_gepoogd: 3, // Z1, Z2 (undated attempt), Z5
				bereikt: 3,
				hulp: 2, // Z1, Z5
				meervoudig: 2, // Z1 (Energie), Z3 (Water)
				resultaten: {
					...emptyVsMetrics().resultaten,
					'Vervolghulp en/of verwijzing': 1,
					'Inwoner is overleden': 1,
					'Verwijzing zonder tussenkomst inwoner': 1,
					geen: 1
				},
				contactpogingen: {
					...emptyVsMetrics().contactpogingen,
					Telefoon: { pogingen: 2, bereikt: 1 },
					Brief: { pogingen: 1, bereikt: 0 },
					Huisbezoek: { pogingen: 1, bereikt: 1 },
					Mail: { pogingen: 1, bereikt: 1 }
				},
				doorlooptijden: {
					// Z1 0 (picked up before the signal), Z2 10, Z5 3; Z3 open. [0, 3, 10].
					signaal_opgepakt: { n: 3, open: 1, mediaan: 3, p25: 1.5, p75: 6.5, p90: 8.6 },
					// Z1 01-12 − 01-10 = 2 (the 01-07 attempt is before the start), Z5 1; Z2 (no date), Z3 open.
					signaal_eerste_poging: { n: 2, open: 2, mediaan: 1.5, p25: 1.25, p75: 1.75, p90: 1.9 },
					// Z1 01-20 − 01-10 = 10, Z5 1.
					signaal_bereikt: { n: 2, open: 2, mediaan: 5.5, p25: 3.25, p75: 7.75, p90: 9.1 }
				}
			})
		);
		const amsterdam = figures.per_gemeente['0363']!;
		expect(amsterdam.signalen_huur).toBe(1);
		expect(amsterdam.bedrag_huur_mediaan).toBe(1000);
		expect([
			amsterdam.zaken_huur,
			amsterdam.opgepakt,
			amsterdam.bereikt,
			amsterdam.hulp,
			amsterdam.meervoudig
		]).toEqual([1, 1, 1, 1, 0]);
		expect(amsterdam.doorlooptijden.signaal_opgepakt).toEqual({
			n: 1,
			open: 0,
			mediaan: 3,
			p25: 3,
			p75: 3,
			p90: 3
		});
		const haarlem = figures.per_gemeente['0392']!;
		expect(haarlem.signalen).toMatchObject({ Huur: 3, Energie: 2, Water: 1, Zorg: 0 });
		expect(haarlem.bedrag_huur_mediaan).toBe(600); // 400, 800
		expect([
			haarlem.zaken_huur,
			haarlem.opgepakt,
			haarlem.contact_gepoogd,
			haarlem.bereikt,
			haarlem.hulp,
			haarlem.meervoudig
		]).toEqual([3, 2, 2, 2, 1, 2]);
	});

	it('a selection of one gemeente', async () => {
		const figures = await computeVroegsignalering(db, { ...period, gemeenten: ['0392'] });
		expect(Object.keys(figures.per_gemeente)).toEqual(['0392']);
		expect(figures.totaal).toEqual(figures.per_gemeente['0392']);
	});

	it('a gemeente without data: zeros', async () => {
		const figures = await computeVroegsignalering(db, { ...period, gemeenten: ['0599'] });
		expect(figures.totaal).toEqual(emptyVsMetrics());
	});

	it("the delivery's own period: its first and last signal, offered as the half-years they span, the years, the last year's halves", async () => {
		const extent = await vsExtent(db);
		// H4 on 20 December 2024 is the first signal, H6 on 1 July 2025 the last.
		expect(extent).toEqual({ eersteDatum: '2024-12-20', laatsteDatum: '2025-07-01' });
		expect(deliveryPresets(extent, []).map((p) => [p.key, p.van, p.tot])).toEqual([
			['levering', '2024-07-01', '2026-01-01'],
			['levering-2025', '2025-01-01', '2026-01-01'],
			['levering-2024', '2024-01-01', '2025-01-01'],
			['levering-2025-2', '2025-07-01', '2026-01-01'],
			['levering-2025-1', '2025-01-01', '2025-07-01']
		]);
	});

	it('the trend: every half-year the data covers', async () => {
		const trend = await computeVsTrend(db, ['0363', '0392']);
		expect(trend.map((t) => [t.van, t.tot, t.totaal.signalen_huur, t.totaal.zaken_huur])).toEqual([
			['2024-07-01', '2025-01-01', 1, 1], // H4, Z4
			['2025-01-01', '2025-07-01', 4, 4],
			['2025-07-01', '2026-01-01', 1, 0] // H6, in no case
		]);
	});

	it('nothing of the client objects reaches DuckDB', async () => {
		const columns = await db.query<{ table_name: string; column_name: string }>(
			`SELECT table_name, column_name FROM duckdb_columns() WHERE table_name LIKE 'vs_%' ORDER BY table_name, column_index`
		);
		const names = [...new Set(columns.map((c) => c.column_name))].sort();
		// adres_sleutel: the pseudonymous address key (NULL here: read without the werkgroep key).
		expect(names).toEqual(
			[
				'adres_sleutel',
				'bedrag',
				'bereikt',
				'datum',
				'eerste_bereikt',
				'eerste_poging',
				'gemeente',
				'gepoogd',
				'id',
				'identiteit',
				'meervoudig',
				'opgepakt',
				'partner',
				'resultaat',
				'signaaldatum',
				'soort',
				'start',
				'zaak'
			].sort()
		);
		const rows = await db.query<{ adres_sleutel: string | null }>(`SELECT * FROM vs_signalen`);
		expect(JSON.stringify(rows)).not.toMatch(/111222333|Verborgen/);
		expect(rows.every((r) => r.adres_sleutel === null)).toBe(true);
	});
});

describe('our own deliveries in the shape of the DDAS examples: figures', () => {
	// Hand count for both eigen-levering files (1.0 and 1.2), all three gemeenten, 2025:
	// signals per type: Energie 2 (0599-1, 0518-1), Huur 2 (0599-2 €620, 0518-2 €1800), CAK Zorgverzekeringen 1,
	// Water 2, DUO 1, Belastingdienst 1, Dienst Toeslagen 2, Hypotheek 2, CAK Eigen bijdrage 1,
	// Overige 1, Zorg 2 = 17. Median rent amount (620 + 1800) / 2 = 1210.
	// Rent cases: 0599 case [0] {0599-1 Energie (04-07), 0599-2 Huur (04-05)}, start 04-05, opgepakt 04-10, attempts
	// Telefoon ✗ 04-11, SMS/Whatsapp ✗ 04-11, Brief ✗ 04-14, Huisbezoek ✓ 04-18, "…financieel";
	// 0518 case [1] {0518-2 Huur}, start 04-15, opgepakt 04-20, Huisbezoek ✓ 04-20, "…niet financieel".
	// → zaken_huur 2, opgepakt 2, contact_gepoogd 2, bereikt 2, hulp 2, meervoudig 1 (Energie).
	// Lead times: opgepakt 5 and 5; first attempt 6 and 5; reached 13 and 5.
	it.each(['v1.0-eigen-levering.json', 'v1.2-eigen-levering.json'])('%s', async (name) => {
		const { readFileSync } = await import('node:fs');
		const vng = await openNodeDatabase();
		try {
			const bytes = readFileSync(`tests/fixtures/ddas/${name}`);
			await loadVroegsignalering(
				vng,
				ddasToArrowIpc(importDdasFiles([{ name, bytes }], { today: '2026-01-01' }))
			);
			const gemeenten = await vsGemeenten(vng);
			expect(gemeenten).toEqual(['0034', '0518', '0599']);
			const { totaal, per_gemeente } = await computeVroegsignalering(vng, {
				van: '2025-01-01',
				tot: '2026-01-01',
				gemeenten
			});
			expect(totaal.signalen).toEqual({
				Belastingdienst: 1,
				'CAK Eigen bijdrage': 1,
				'CAK Zorgverzekeringen': 1,
				'Dienst Toeslagen': 2,
				DUO: 1,
				Energie: 2,
				Huur: 2,
				Hypotheek: 2,
				Overige: 1,
				Water: 2,
				Zorg: 2
			});
			expect(totaal.bedrag_huur_mediaan).toBe(1210);
			expect([
				totaal.zaken_huur,
				totaal.opgepakt,
				totaal.contact_gepoogd,
				totaal.bereikt,
				totaal.hulp,
				totaal.meervoudig
			]).toEqual([2, 2, 2, 2, 2, 1]);
			expect(totaal.resultaten['Vervolghulp en/of verwijzing financieel']).toBe(1);
			expect(totaal.resultaten['Vervolghulp en/of verwijzing niet financieel']).toBe(1);
			expect(totaal.contactpogingen.Huisbezoek).toEqual({ pogingen: 2, bereikt: 2 });
			expect(totaal.contactpogingen.Telefoon).toEqual({ pogingen: 1, bereikt: 0 });
			expect(totaal.doorlooptijden.signaal_opgepakt).toEqual({
				n: 2,
				open: 0,
				mediaan: 5,
				p25: 5,
				p75: 5,
				p90: 5
			});
			expect(totaal.doorlooptijden.signaal_eerste_poging.mediaan).toBe(5.5);
			expect(totaal.doorlooptijden.signaal_bereikt.mediaan).toBe(9);
			expect(per_gemeente['0034']!.zaken_huur).toBe(0);
			expect(per_gemeente['0518']!.zaken_huur).toBe(1);
			expect(per_gemeente['0599']!.meervoudig).toBe(1);
		} finally {
			await vng.close();
		}
	});
});
