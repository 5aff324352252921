/**
 * The Artikel 4 figures on the hand-made fixture, on the real DuckDB-WASM engine. Period
 * [2015-01-01, 2015-07-01); default selection: all corporations, the three priority groups
 * (so dossier E, doelgroep overig, is out); peildatum = latest event date = 2015-07-01.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database';
import { openNodeDatabase } from '../../../src/lib/db/node';
import { DEFAULT_NORMS } from '../../../src/lib/domain/lead-times';
import { evaluate } from '../../../src/lib/metrics/evaluate';
import { resolveSelection } from '../../../src/lib/metrics/selection';
import { loadData } from '../../../src/lib/metrics/load';
import type { Selection } from '../../../src/lib/metrics/types';
import { DOSSIERS, EVENTS } from './fixture';

let db: Database;
let selection: Selection;

beforeAll(async () => {
	db = await openNodeDatabase();
	await loadData(db, { dossiers: DOSSIERS, events: EVENTS });
	selection = await resolveSelection(db, { van: '2015-01-01', tot: '2015-07-01' });
});
afterAll(async () => db.close());

describe('the selection', () => {
	it('takes the defaults of metrics.md', () => {
		expect(selection).toEqual({
			van: '2015-01-01',
			tot: '2015-07-01',
			corporaties: ['elan_wonen', 'pre_wonen', 'woonstede', 'ymere'],
			doelgroepen: ['gezin_met_kinderen', 'oggz', 'senior'],
			wijken: null,
			peildatum: '2015-07-01'
		});
	});
});

describe('period figures (b, c, d, a)', () => {
	it('counts events with van inclusive and tot exclusive', async () => {
		const { totaal } = await evaluate(db, selection, null);
		// achterstand_1m: A 01-01 (van itself), B 02-01, C 06-30, F 01-10; not A 2014-12-20, not D 07-01 (= tot), not E (overig).
		expect(totaal.signalen).toBe(4);
		expect(totaal.meldingen_sdv).toBe(2); // B, C
		expect(totaal.meldingen_swt).toBe(1); // C
		expect(totaal.deurwaarder).toBe(2); // A, B
		expect(totaal.vonnissen).toBe(3); // A, B, C
		expect(totaal.aanzeggingen).toBe(3); // A, B, C; not D 2014-12-31
		expect(totaal.ontruimingen).toBe(2); // A, D
		expect(totaal.ontruimingen_per_reden).toEqual({
			huurachterstand: 1,
			overlast: 0,
			hennep_drugs: 0,
			woonfraude: 0,
			overig: 0,
			onbekend: 1
		});
	});

	it('gives every aanzegging and vonnis one of the three statuses', async () => {
		const { totaal } = await evaluate(db, selection, null);
		// A: ontruiming 06-30 after → ontruimd; B: afgesloten betalingsregeling → voorkomen; C: nothing → lopend.
		expect([
			totaal.aanzeggingen_voorkomen,
			totaal.aanzeggingen_ontruimd,
			totaal.aanzeggingen_lopend
		]).toEqual([1, 1, 1]);
		expect(totaal.aandeel_voorkomen).toBe(0.5);
		expect([
			totaal.vonnissen_voorkomen,
			totaal.vonnissen_ontruimd,
			totaal.vonnissen_lopend
		]).toEqual([1, 1, 1]);
	});

	it('counts an afgesloten with uitkomst ontruimd as ontruimd, only when dated on or after the event', async () => {
		// A's afgesloten ontruimd (2015-07-01) lies after its aanzegging: ontruimd even without the ontruiming row.
		const withoutEviction = EVENTS.filter(
			(ev) => !(ev.dossier_id === 'A' && ev.gebeurtenis === 'ontruiming')
		);
		const other = await openNodeDatabase();
		await loadData(other, { dossiers: DOSSIERS, events: withoutEviction });
		const { totaal } = await evaluate(other, { ...selection }, null);
		expect(totaal.aanzeggingen_ontruimd).toBe(1);
		expect(totaal.ontruimingen).toBe(1);
		await other.close();
	});

	it('computes the cooperation ratios', async () => {
		const { totaal } = await evaluate(db, selection, null);
		expect(totaal.samenwerking).toEqual({
			// achterstand_1m in the period: A 01-01 (contact 01-02, 1 day: yes), B 02-01 (contact
			// 01-20 lies before it, 02-20 is 19 days after: no), C 06-30 (no contact: no), F 01-10
			// (contact 03-01, 50 days: no).
			contact_binnen_14_dagen: { teller: 1, noemer: 4 },
			// A had afstemming 02-01 and huisbezoek 02-20 before its deurwaarder 03-01; B had neither.
			deurwaarder_na_afstemming: { teller: 1, noemer: 2 },
			// B has a plan after its melding, C none.
			meldingen_met_plan: { teller: 1, noemer: 2 },
			terugkoppeling_na_3m: { teller: 1, noemer: 1 }
		});
	});
});

describe('contact within 14 days of the signal (a.)', () => {
	const withContact = async (datum: string) => {
		const other = await openNodeDatabase();
		await loadData(other, {
			dossiers: DOSSIERS,
			events: [
				...EVENTS,
				{ dossier_id: 'F', datum, gebeurtenis: 'contact', reden: null, uitkomst: null }
			]
		});
		const { samenwerking } = (await evaluate(other, { ...selection }, null)).totaal;
		await other.close();
		return samenwerking.contact_binnen_14_dagen;
	};

	it('counts a contact on the day of the signal and on the 14th day after it, not on the 15th', async () => {
		// F's signal 2015-01-10: a contact on 01-10 (day 0) or 01-24 (day 14) adds F to A; 01-25 (day 15) does not.
		expect(await withContact('2015-01-10')).toEqual({ teller: 2, noemer: 4 });
		expect(await withContact('2015-01-24')).toEqual({ teller: 2, noemer: 4 });
		expect(await withContact('2015-01-25')).toEqual({ teller: 1, noemer: 4 });
	});

	it('counts each signal on its own, so a second signal in one dossier needs its own contact', async () => {
		// A has signals 2014-12-20 (out of the period) and 2015-01-01; a contact on 2015-01-02 lies
		// within 14 days of the second only. Moving A's second signal to 2015-01-20 leaves A's
		// contact (01-02) before it: teller 0 of 4.
		const events = EVENTS.map((ev) =>
			ev.dossier_id === 'A' && ev.datum === '2015-01-01' ? { ...ev, datum: '2015-01-20' } : ev
		);
		const other = await openNodeDatabase();
		await loadData(other, { dossiers: DOSSIERS, events });
		const { samenwerking } = (await evaluate(other, { ...selection }, null)).totaal;
		await other.close();
		expect(samenwerking.contact_binnen_14_dagen).toEqual({ teller: 0, noemer: 4 });
	});
});

describe('the funnel', () => {
	it('follows the cohort whose earliest achterstand_1m lies in the period', async () => {
		const { totaal } = await evaluate(db, selection, null);
		// Cohort B, C, F (A started 2014-12-20, D on tot, E is overig).
		expect(totaal.trechter).toEqual({
			achterstand_1m: 3,
			achterstand_2m: 1, // F
			achterstand_3m: 1, // B
			deurwaarder: 1, // B
			vonnis: 2, // B; C's vonnis lies before its start but counts (any date)
			aanzegging: 2, // B, C
			ontruiming: 0,
			afgesloten_zonder_deurwaarder: 1 // F (B had a deurwaarder)
		});
	});
});

describe('lead times (e)', () => {
	it('starts at the earliest from-event and ends at the earliest to-event on or after it', async () => {
		const { doorlooptijden } = (await evaluate(db, selection, null)).totaal;
		// B 02-01 → 02-20 (its contact of 01-20 lies before the start) = 19; F 01-10 → 03-01 = 50; C open; A out (start 2014-12-20).
		expect(doorlooptijden.signaal_contact).toEqual({
			n: 2,
			open: 1,
			mediaan: 34.5,
			p25: 26.75,
			p75: 42.25,
			p90: 46.9,
			met_norm: 1, // B (ymere, 8); F's woonstede has no norm
			binnen_norm: 0, // 19 > 8
			open_boven_norm: 0 // C: peildatum 07-01 − 06-30 = 1 ≤ 30
		});
		// A 01-25 → 02-20 = 26 (ymere 21); F open, no norm.
		expect(doorlooptijden.achterstand2_huisbezoek).toMatchObject({
			n: 1,
			open: 1,
			mediaan: 26,
			met_norm: 1,
			binnen_norm: 0,
			open_boven_norm: 0
		});
		// B 03-01 → 03-05 = 4 ≤ 7; C open since 02-01: 150 days > 7 (pre_wonen).
		expect(doorlooptijden.melding_uitnodiging).toMatchObject({
			n: 1,
			open: 1,
			mediaan: 4,
			met_norm: 1,
			binnen_norm: 1,
			open_boven_norm: 1
		});
		// B 03-05 → 03-20 = 15; ymere has no norm for this one.
		expect(doorlooptijden.uitnodiging_intake).toMatchObject({
			n: 1,
			open: 0,
			mediaan: 15,
			met_norm: 0,
			binnen_norm: 0
		});
		expect(doorlooptijden.achterstand3_terugkoppeling).toMatchObject({
			n: 1,
			mediaan: 8,
			met_norm: 1,
			binnen_norm: 1
		});
		expect(doorlooptijden.melding_plan).toMatchObject({ n: 1, open: 1, mediaan: 31, met_norm: 0 });
		expect(doorlooptijden.signaal_deurwaarder).toMatchObject({ n: 1, open: 2, mediaan: 73 });
		expect(doorlooptijden.deurwaarder_vonnis).toMatchObject({
			n: 2,
			open: 0,
			mediaan: 30.5,
			p25: 30.25
		});
		expect(doorlooptijden.vonnis_ontruiming).toMatchObject({ n: 1, open: 2, mediaan: 90 });
		expect(doorlooptijden.signaal_afgesloten).toMatchObject({ n: 2, open: 1, mediaan: 125 });
		expect(doorlooptijden.signaal_afgesloten.p90).toBeCloseTo(136.2, 10); // 111 + 0.9 × 28
	});

	it('counts open lead times beyond the norm against the peildatum', async () => {
		const later = { ...selection, peildatum: '2015-08-15' };
		const { doorlooptijden } = (await evaluate(db, later, null)).totaal;
		// C: 08-15 − 06-30 = 46 > 30 (pre_wonen).
		expect(doorlooptijden.signaal_contact.open_boven_norm).toBe(1);
	});

	it('applies the norm in force on the start date (versioned norms)', async () => {
		const other = await openNodeDatabase();
		await loadData(other, { dossiers: DOSSIERS, events: EVENTS }, [
			...DEFAULT_NORMS,
			{
				corporatie: 'ymere',
				leadTime: 'signaal_contact',
				days: 20,
				effectiveFrom: '2015-02-01',
				source: 'herziening'
			},
			{
				corporatie: 'woonstede',
				leadTime: 'signaal_contact',
				days: 60,
				effectiveFrom: '2015-06-01',
				source: 'later'
			}
		]);
		const { doorlooptijden } = (await evaluate(other, selection, null)).totaal;
		// B starts on 02-01: the revision (20) holds, 19 ≤ 20. F starts 01-10, before woonstede's norm.
		expect(doorlooptijden.signaal_contact).toMatchObject({ met_norm: 1, binnen_norm: 1 });
		await other.close();
	});
});

describe('breakdowns', () => {
	it('gives every corporation of the selection its own figures, zero where it has none', async () => {
		const { groepen, totaal } = await evaluate(db, selection, 'corporatie');
		expect(Object.keys(groepen).sort()).toEqual(['elan_wonen', 'pre_wonen', 'woonstede', 'ymere']);
		expect(groepen.ymere?.signalen).toBe(2);
		expect(groepen.ymere?.aanzeggingen_ontruimd).toBe(1);
		expect(groepen.ymere?.aanzeggingen_voorkomen).toBe(1);
		expect(groepen.pre_wonen?.aanzeggingen_lopend).toBe(1);
		expect(groepen.elan_wonen?.signalen).toBe(0);
		expect(groepen.elan_wonen?.ontruimingen_per_reden.onbekend).toBe(1);
		expect(groepen.woonstede?.doorlooptijden.signaal_contact).toMatchObject({
			n: 1,
			mediaan: 50,
			met_norm: 0
		});
		const sum = Object.values(groepen).reduce((s, m) => s + m.signalen, 0);
		expect(sum).toBe(totaal.signalen);
	});

	it('breaks down per doelgroep and per half-year', async () => {
		const perGroup = await evaluate(db, selection, 'doelgroep');
		expect(perGroup.groepen.gezin_met_kinderen?.ontruimingen).toBe(2);
		expect(perGroup.groepen.senior?.signalen).toBe(2);
		const trend = await evaluate(
			db,
			{ ...selection, van: '2014-07-01', tot: '2016-01-01' },
			'halfjaar'
		);
		expect(Object.keys(trend.groepen)).toEqual(['2014-2', '2015-1', '2015-2']);
		expect(trend.groepen['2014-2']?.signalen).toBe(1);
		expect(trend.groepen['2015-1']?.signalen).toBe(4);
		expect(trend.groepen['2015-2']?.signalen).toBe(1);
		expect(trend.groepen['2014-2']?.aanzeggingen).toBe(1); // D 2014-12-31, evicted on 2015-01-15
		expect(trend.groepen['2014-2']?.aanzeggingen_ontruimd).toBe(1);
	});

	it('filters on doelgroep and wijk', async () => {
		const overig = await evaluate(db, { ...selection, doelgroepen: ['overig'] }, null);
		expect(overig.totaal.signalen).toBe(1); // E
		const spelled = await resolveSelection(db, {
			van: '2015-01-01',
			tot: '2015-07-01',
			wijken: [' noord']
		});
		expect(spelled.wijken).toEqual(['Noord']); // matched as the data spells it
		const noord = await evaluate(db, spelled, null);
		expect(noord.totaal.signalen).toBe(1); // A (E is overig)
		expect(noord.totaal.ontruimingen).toBe(1);
	});

	it('gives zeros and nulls for an empty selection', async () => {
		const empty = await resolveSelection(db, {
			van: '2015-01-01',
			tot: '2015-07-01',
			corporaties: ['Onbekende Corporatie']
		});
		expect(empty.corporaties).toEqual(['onbekende_corporatie']);
		const { totaal, groepen } = await evaluate(db, empty, 'corporatie');
		expect(totaal.signalen).toBe(0);
		expect(totaal.aandeel_voorkomen).toBeNull();
		expect(totaal.doorlooptijden.signaal_contact).toEqual({
			n: 0,
			open: 0,
			mediaan: null,
			p25: null,
			p75: null,
			p90: null,
			met_norm: 0,
			binnen_norm: 0,
			open_boven_norm: 0
		});
		expect(groepen.onbekende_corporatie?.trechter.achterstand_1m).toBe(0);
	});
});

describe('an empty database', () => {
	it('loads no rows and evaluates to zeros', async () => {
		const other = await openNodeDatabase();
		await loadData(other, { dossiers: [], events: [] });
		const sel = await resolveSelection(other, { van: '2015-01-01', tot: '2015-07-01' });
		expect(sel.peildatum).toBeNull();
		expect(sel.corporaties).toEqual([]);
		const { totaal } = await evaluate(other, sel, 'corporatie');
		expect(totaal.ontruimingen).toBe(0);
		await other.close();
	});
});
