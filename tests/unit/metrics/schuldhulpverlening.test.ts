/**
 * The schuldhulpverlening figures (ddas-schuldhulpverlening.md) on a small hand-made delivery, read
 * by the real reader and computed on the real DuckDB-WASM engine. Period [2025-01-01, 2025-07-01),
 * gemeenten 0363 and 0392, peildatum 2025-06-30. Norm dates: 28 days, 3 working days when crisis
 * (Algemene termijnenwet), 56 days from the first conversation to the beschikking.
 *
 * 0392 T1 aanmelding Mon 01-06; intake 01-20 (14 d, norm 02-03 ✓); Toelating 03-10 (49 d, norm
 *   03-17 ✓); plan 03-20; schuldregeling toegekend 04-01; Schuldbemiddeling; Budgetbeheer; Zorg, Nuts.
 * T2 crisis aanmelding Thu 04-24 (norm: Fri 25, Mon 28, Tue 29); intake 04-30 (6 d ✗); Afwijzing
 *   07-10 (71 d, norm 06-25 ✗); uitstroom Voldoet niet; schulden Publiek, 'Huur' (onbekend).
 * T3 aanmelding Fri 05-02, crisisinterventie 05-03 ≤ intake: crisis; norm skips 5 mei → Thu 05-08;
 *   intake 05-08 (6 d ✓); moratorium; oplossing 'Kwijtschelding' (onbekend); uitstroom Afgerond.
 * T4 aanmelding 03-03, crisisinterventie 04-01 after the intake 03-20: no crisis (17 d ✓); Toelating
 *   03-15 before the intake: in beschikking (✓) but no end of the lead time; uitstroom without reden.
 * T5 aanmelding 05-20, no intake, norm 06-17 < peildatum: open boven norm.
 * T6 aanmelding Tue 06-10, crisisinterventie 06-11 and no intake: crisis, norm 06-13: open boven norm.
 * T7 aanmelding 06-20, no intake, norm 07-18: open, not above the norm.
 * T8 aanmelding 2024-12-20 and T9 2025-07-01: outside the period.
 * 0363 T10 no aanmelding, startdatum 02-10; intake 03-14 (32 d ✗); Toelating 04-01 (18 d ✓);
 *   begeleiding without soort; schulden Zorg twice (one traject).
 * 0599 T11 aanmelding 03-01: not selected.
 * Every traject carries made-up client data (BSN 111222333, born 1971-03-04, postcode 9999ZZ) and
 * an omschrijving; the organisation a contact person (Jan Contactpersoon).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database';
import { openNodeDatabase } from '../../../src/lib/db/node';
import { shvToArrowIpc } from '../../../src/lib/db/shv-arrow';
import { importShvFiles } from '../../../src/lib/import/ddas-shv';
import {
	computeSchuldhulpverlening,
	computeShvTrend,
	emptyShvMetrics,
	shvDocument,
	shvExtent,
	shvGemeenten,
	shvLatestDate,
	type ShvMetrics
} from '../../../src/lib/metrics/schuldhulpverlening';
import {
	dropSchuldhulpverlening,
	loadSchuldhulpverlening
} from '../../../src/lib/metrics/schuldhulpverlening-load';

/** Our own delivery in the shape of VNG's v1.0 examples (tests/fixtures/ddas/README.md). */
const SHV_FIXTURE = 'tests/fixtures/ddas/shv-v1.0-eigen-levering.json';

const SELECTION = {
	van: '2025-01-01',
	tot: '2025-07-01',
	gemeenten: ['0363', '0392'],
	peildatum: '2025-06-30'
};

let db: Database;
const result = importShvFiles([{ name: 'hand.json', bytes: readFileSync(SHV_FIXTURE) }], {
	today: '2025-09-01'
});
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadSchuldhulpverlening(db, shvToArrowIpc(result));
});
afterAll(async () => db.close());

/** The expected figures: zeros, with these parts set. */
function expected(parts: Partial<ShvMetrics>): ShvMetrics {
	const m = emptyShvMetrics();
	return {
		...m,
		...parts,
		oplossing_per_soort: { ...m.oplossing_per_soort, ...parts.oplossing_per_soort },
		uitstroom_per_reden: { ...m.uitstroom_per_reden, ...parts.uitstroom_per_reden },
		schulden_per_soort: { ...m.schulden_per_soort, ...parts.schulden_per_soort },
		doorlooptijden: { ...m.doorlooptijden, ...parts.doorlooptijden }
	};
}

describe('schuldhulpverlening figures', () => {
	it('reads the delivery with two warnings (the unknown schuldsoort and oplossing)', () => {
		expect(result.bestanden[0]!.trajecten).toEqual({
			gelezen: 11,
			geaccepteerd: 11,
			waarschuwingen: 2,
			vervangen: 0,
			geweigerd: 0
		});
	});

	it('counts the total and each gemeente by hand', async () => {
		const figures = await computeSchuldhulpverlening(db, SELECTION);
		expect(figures.totaal).toEqual(
			expected({
				aanmeldingen: 8,
				aanmeldingen_crisis: 3,
				eerste_gesprek: { n: 5, binnen_norm: 3, open_boven_norm: 2 },
				beschikking: { n: 4, binnen_norm: 3, toelating: 3, afwijzing: 1 },
				plan_van_aanpak: 1,
				schuldregeling_toegekend: 1,
				begeleiding: 2,
				moratorium: 1,
				oplossing_per_soort: {
					Schuldbemiddeling: 1,
					onbekend: 1
				} as ShvMetrics['oplossing_per_soort'],
				uitstroom_per_reden: {
					'Voldoet niet': 1,
					Afgerond: 1,
					onbekend: 1
				} as ShvMetrics['uitstroom_per_reden'],
				schulden_per_soort: {
					Zorg: 2,
					Nuts: 1,
					Publiek: 1,
					onbekend: 1
				} as ShvMetrics['schulden_per_soort'],
				doorlooptijden: {
					// 6, 6, 14, 17, 32 days; open T5, T6, T7.
					aanmelding_eerste_gesprek: { n: 5, open: 3, mediaan: 14, p25: 6, p75: 17, p90: 26 },
					// 18, 49, 71 days; open T3 (no beschikking) and T4 (beschikking before the intake).
					eerste_gesprek_beschikking: { n: 3, open: 2, mediaan: 49, p25: 33.5, p75: 60, p90: 66.6 }
				}
			})
		);
		const g392 = figures.per_gemeente['0392']!;
		expect([g392.aanmeldingen, g392.aanmeldingen_crisis]).toEqual([7, 3]);
		expect(g392.eerste_gesprek).toEqual({ n: 4, binnen_norm: 3, open_boven_norm: 2 });
		expect(g392.beschikking).toEqual({ n: 3, binnen_norm: 2, toelating: 2, afwijzing: 1 });
		expect(g392.doorlooptijden.aanmelding_eerste_gesprek).toEqual({
			n: 4,
			open: 3,
			mediaan: 10,
			p25: 6,
			p75: 14.75,
			p90: expect.closeTo(16.1, 9)
		});
		expect(figures.per_gemeente['0363']).toEqual(
			expected({
				aanmeldingen: 1,
				eerste_gesprek: { n: 1, binnen_norm: 0, open_boven_norm: 0 },
				beschikking: { n: 1, binnen_norm: 1, toelating: 1, afwijzing: 0 },
				begeleiding: 1,
				schulden_per_soort: { Zorg: 1 } as ShvMetrics['schulden_per_soort'],
				doorlooptijden: {
					aanmelding_eerste_gesprek: { n: 1, open: 0, mediaan: 32, p25: 32, p75: 32, p90: 32 },
					eerste_gesprek_beschikking: { n: 1, open: 0, mediaan: 18, p25: 18, p75: 18, p90: 18 }
				}
			})
		);
		expect(Object.keys(figures.per_gemeente)).toEqual(['0363', '0392']);
	});

	it('open_boven_norm follows the peildatum', async () => {
		const early = await computeSchuldhulpverlening(db, { ...SELECTION, peildatum: '2025-06-14' });
		// T6's norm 06-13 has passed, T5's 06-17 not yet.
		expect(early.totaal.eerste_gesprek.open_boven_norm).toBe(1);
	});

	it('a selection without trajecten gives zeros and null quantiles', async () => {
		const none = await computeSchuldhulpverlening(db, {
			...SELECTION,
			van: '2020-01-01',
			tot: '2020-07-01'
		});
		expect(none.totaal).toEqual(emptyShvMetrics());
		expect(none.per_gemeente['0392']).toEqual(emptyShvMetrics());
	});

	it('gemeenten, the latest date, the half-years of the trend, and the JSON block', async () => {
		expect(await shvGemeenten(db)).toEqual(['0363', '0392', '0599']);
		expect(await shvLatestDate(db)).toBe('2025-07-15');
		// The first and the last aanmelding: the period the dashboard offers.
		expect(await shvExtent(db)).toEqual({ eersteDatum: '2024-12-20', laatsteDatum: '2025-07-01' });
		const trend = await computeShvTrend(db, ['0363', '0392', '0599'], '2025-06-30');
		expect(trend.map((h) => [h.van, h.totaal.aanmeldingen])).toEqual([
			['2024-07-01', 1],
			['2025-01-01', 9],
			['2025-07-01', 1]
		]);
		const doc = await shvDocument(
			db,
			{ ...SELECTION, gemeenten: ['0392', '0363'] },
			result.bestanden
		);
		expect(doc.selectie).toEqual({ gemeenten: ['0363', '0392'], peildatum: '2025-06-30' });
		expect(doc.import.trajecten.gelezen).toBe(11);
		expect(doc.totaal.aanmeldingen).toBe(8);
	});

	it('no client value, name or text reaches the engine', async () => {
		const rows = [
			...(await db.query('SELECT * FROM shv_trajecten')),
			...(await db.query('SELECT * FROM shv_schulden'))
		];
		expect(rows).toHaveLength(11 + 5);
		expect(JSON.stringify(rows)).not.toMatch(
			/111222333|1971-03-04|9999ZZ|Geheim|Jan Contactpersoon/
		);
	});

	it('an empty delivery loads, and dropping removes the tables', async () => {
		const other = await openNodeDatabase();
		try {
			await loadSchuldhulpverlening(
				other,
				shvToArrowIpc({ trajecten: [], bestanden: [], meldingen: [] })
			);
			expect(await shvGemeenten(other)).toEqual([]);
			expect((await computeSchuldhulpverlening(other, SELECTION)).totaal).toEqual(
				emptyShvMetrics()
			);
			await dropSchuldhulpverlening(other);
			expect(await shvGemeenten(other)).toEqual([]);
			expect(await shvLatestDate(other)).toBeNull();
			expect(await shvExtent(other)).toEqual({ eersteDatum: null, laatsteDatum: null });
		} finally {
			await other.close();
		}
	});
});
