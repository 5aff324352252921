/**
 * The demo-data generator, checked on its rows in plain TypeScript (no DuckDB): the May 2015
 * figures it promises, determinism, and the rules of exchange format v1.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	EVENT_CODES,
	KNOWN_CORPORATIONS,
	OUTCOMES,
	STATED_REASONS,
	TARGET_GROUPS
} from '../../../src/lib/domain/codes';
import {
	DEMO_DEFAULTS,
	MAY_2015,
	WIJKEN,
	demoCsvChunks,
	dossiersPerYearFor,
	generateDemo,
	toCombinedCsv,
	toCsv,
	type DemoData,
	type DemoOptions
} from '../../../src/lib/demo';
import type { EventRow } from '../../../src/lib/import/types';

const demo = generateDemo(DEMO_DEFAULTS);

/** The events of every dossier, in file order. */
function byDossier(data: DemoData): Map<string, EventRow[]> {
	const map = new Map<string, EventRow[]>(data.dossiers.map((d) => [d.dossier_id, []]));
	for (const e of data.events) map.get(e.dossier_id)?.push(e);
	return map;
}

/** Status of an aanzegging as metrics.md defines it. */
function status(notice: EventRow, events: EventRow[]): 'ontruimd' | 'voorkomen' | 'lopend' {
	const after = events.filter((e) => e.datum >= notice.datum);
	if (after.some((e) => e.gebeurtenis === 'ontruiming' || e.uitkomst === 'ontruimd'))
		return 'ontruimd';
	if (after.some((e) => e.gebeurtenis === 'afgesloten')) return 'voorkomen';
	return 'lopend';
}

/** The families-with-children figures of [2014-11-01, 2015-05-01), counted from the rows. */
function may2015(data: DemoData) {
	const families = new Set(
		data.dossiers.filter((d) => d.doelgroep === 'gezin_met_kinderen').map((d) => d.dossier_id)
	);
	const events = byDossier(data);
	const inPeriod = (code: EventRow['gebeurtenis']) =>
		data.events.filter(
			(e) =>
				e.gebeurtenis === code &&
				families.has(e.dossier_id) &&
				e.datum >= MAY_2015.van &&
				e.datum < MAY_2015.tot
		);
	const counts = { aanzeggingen: 0, voorkomen: 0, ontruimd: 0, lopend: 0, ontruimingen: 0 };
	for (const notice of inPeriod('aanzegging')) {
		counts.aanzeggingen++;
		counts[status(notice, events.get(notice.dossier_id) ?? [])]++;
	}
	counts.ontruimingen = inPeriod('ontruiming').length;
	return counts;
}

const MAY_2015_FIGURES = {
	aanzeggingen: MAY_2015.aanzeggingen,
	voorkomen: MAY_2015.voorkomen,
	ontruimd: MAY_2015.ontruimd,
	lopend: 0,
	ontruimingen: MAY_2015.ontruimingen
};

describe('the May 2015 figures (gezin_met_kinderen, [2014-11-01, 2015-05-01))', () => {
	it('are 18 aanzeggingen, 17 voorkomen, 1 ontruimd, 1 ontruiming in the demo set', () => {
		expect(MAY_2015_FIGURES).toEqual({
			aanzeggingen: 18,
			voorkomen: 17,
			ontruimd: 1,
			lopend: 0,
			ontruimingen: 1
		});
		expect(may2015(demo)).toEqual(MAY_2015_FIGURES);
	});

	it.each([1, 2, 3, 20150501])('hold for seed %i too', (seed) => {
		expect(may2015(generateDemo({ ...DEMO_DEFAULTS, seed }))).toEqual(MAY_2015_FIGURES);
	});

	it('hold at ten times the scale', () => {
		const large = generateDemo({ ...DEMO_DEFAULTS, dossiersPerYear: 4500 });
		expect(may2015(large)).toEqual(MAY_2015_FIGURES);
	});

	it('are left alone without calibration, and calibration needs a period that covers them', () => {
		const free = generateDemo({ ...DEMO_DEFAULTS, calibrateMay2015: false });
		expect(free.events.length).toBeGreaterThan(0);
		expect(() =>
			generateDemo({ ...DEMO_DEFAULTS, from: '2014-06-01', calibrateMay2015: true })
		).toThrow(RangeError);
		expect(generateDemo({ ...DEMO_DEFAULTS, from: '2016-01-01' }).dossiers.length).toBeGreaterThan(
			0
		);
	});
});

describe('determinism', () => {
	it('gives identical CSV for the same seed and different CSV for another', () => {
		const again = toCsv(generateDemo(DEMO_DEFAULTS));
		expect(again).toEqual(toCsv(demo));
		const other = toCsv(generateDemo({ ...DEMO_DEFAULTS, seed: DEMO_DEFAULTS.seed + 1 }));
		expect(other.gebeurtenissen).not.toEqual(again.gebeurtenissen);
	});

	it('streams the same text in chunks as in one piece, also in combined form', () => {
		const join = (options: DemoOptions, combined: boolean) => {
			let dossiers = '';
			let gebeurtenissen = '';
			let dossierRows = 0;
			let eventRows = 0;
			for (const chunk of demoCsvChunks(options, { combined, chunkSize: 10_000 })) {
				dossiers += chunk.dossiers;
				gebeurtenissen += chunk.gebeurtenissen;
				dossierRows += chunk.dossierRows;
				eventRows += chunk.eventRows;
			}
			return { dossiers, gebeurtenissen, dossierRows, eventRows };
		};
		const whole = toCsv(demo);
		expect(join(DEMO_DEFAULTS, false)).toEqual({
			...whole,
			dossierRows: demo.dossiers.length,
			eventRows: demo.events.length
		});
		expect(join(DEMO_DEFAULTS, true).gebeurtenissen).toEqual(toCombinedCsv(demo));
	});

	it('is what the committed files in data/ hold', () => {
		const read = (name: string) =>
			readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8');
		const whole = toCsv(demo);
		expect(read('dossiers.csv')).toEqual(whole.dossiers);
		expect(read('gebeurtenissen.csv')).toEqual(whole.gebeurtenissen);
	});
});

describe('the rows follow exchange format v1', () => {
	it('writes the header, LF line ends, no BOM and no quoting', () => {
		const { dossiers, gebeurtenissen } = toCsv(demo);
		expect(dossiers.startsWith('dossier_id,corporatie,doelgroep,wijk,adres_sleutel\n')).toBe(true);
		expect(gebeurtenissen.startsWith('dossier_id,datum,gebeurtenis,reden,uitkomst\n')).toBe(true);
		for (const text of [dossiers, gebeurtenissen]) {
			expect(text).not.toMatch(/\r|"|^\uFEFF/);
			expect(text.endsWith('\n')).toBe(true);
		}
		expect(toCombinedCsv(demo).split('\n', 1)[0]).toBe(
			'dossier_id,datum,gebeurtenis,reden,uitkomst,corporatie,doelgroep,wijk'
		);
	});

	it('has unique pseudonymous dossier_ids that look like no personal number', () => {
		const ids = demo.dossiers.map((d) => d.dossier_id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) {
			expect(id).toMatch(/^D20(13|14|15|16)-\d{6}$/);
			expect(id.replace(/\D/g, '')).not.toMatch(/^\d{9}$/);
		}
	});

	it('uses the code lists and the three corporations, four doelgroepen and five wijken', () => {
		const set = <T>(values: T[]) => [...new Set(values)].sort();
		expect(set(demo.dossiers.map((d) => d.corporatie))).toEqual([...KNOWN_CORPORATIONS].sort());
		expect(set(demo.dossiers.map((d) => d.doelgroep))).toEqual([...TARGET_GROUPS].sort());
		expect(set(demo.dossiers.map((d) => d.wijk))).toEqual([...WIJKEN].sort());
		expect(set(demo.events.map((e) => e.gebeurtenis))).toEqual([...EVENT_CODES].sort());
		const share = (c: string) => demo.dossiers.filter((d) => d.corporatie === c).length;
		expect(share('ymere')).toBeGreaterThan(share('pre_wonen'));
		expect(share('pre_wonen')).toBeGreaterThan(share('elan_wonen'));
	});

	it('dates every event in [from, to] and links it to a dossier', () => {
		const ids = new Set(demo.dossiers.map((d) => d.dossier_id));
		for (const e of demo.events) {
			expect(e.datum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(e.datum >= DEMO_DEFAULTS.from && e.datum <= DEMO_DEFAULTS.to).toBe(true);
			expect(ids.has(e.dossier_id)).toBe(true);
		}
	});

	it('dates events on working days, and no eviction in the Christmas truce', () => {
		for (const e of demo.events) {
			const weekday = new Date(`${e.datum}T00:00:00Z`).getUTCDay();
			expect(weekday >= 1 && weekday <= 5, `${e.dossier_id} ${e.datum}`).toBe(true);
			if (e.gebeurtenis === 'ontruiming') {
				expect(e.datum.slice(5) < '12-15' && e.datum.slice(5) > '01-03').toBe(true);
			}
		}
	});

	it('gives every ontruiming a valid reden and every afgesloten a valid uitkomst, and no other row either', () => {
		const reasons = new Set<string>();
		for (const e of demo.events) {
			if (e.gebeurtenis === 'ontruiming') {
				expect(STATED_REASONS).toContain(e.reden);
				reasons.add(e.reden ?? '');
			} else expect(e.reden).toBeNull();
			if (e.gebeurtenis === 'afgesloten') expect(OUTCOMES).toContain(e.uitkomst);
			else expect(e.uitkomst).toBeNull();
		}
		expect([...reasons].sort()).toEqual([...STATED_REASONS].sort());
	});

	it('orders the events of each dossier plausibly', () => {
		const chains: EventRow['gebeurtenis'][][] = [
			[
				'achterstand_1m',
				'achterstand_2m',
				'achterstand_3m',
				'deurwaarder',
				'dagvaarding',
				'vonnis',
				'aanzegging',
				'ontruiming'
			],
			['achterstand_2m', 'melding_sdv', 'uitnodiging_sdv', 'intake_sdv', 'plan_van_aanpak'],
			['achterstand_2m', 'huisbezoek'],
			['achterstand_3m', 'terugkoppeling']
		];
		for (const [id, events] of byDossier(demo)) {
			const date = new Map<string, string>();
			for (const e of events) {
				expect(date.has(e.gebeurtenis), `${id}: ${e.gebeurtenis} twice`).toBe(false);
				date.set(e.gebeurtenis, e.datum);
			}
			const start = date.get('achterstand_1m');
			expect(start, `${id} has a signal`).toBeDefined();
			const dates = events.map((e) => e.datum);
			expect(dates, `${id} in date order`).toEqual([...dates].sort());
			expect(dates[0]).toBe(start);
			for (const chain of chains) {
				const present = chain.flatMap((code) => date.get(code) ?? []);
				expect(present, `${id}: ${chain.join(' → ')}`).toEqual([...present].sort());
			}
			const closed = date.get('afgesloten');
			if (closed !== undefined) expect(dates.at(-1)).toBe(closed);
			const outcome = events.find((e) => e.gebeurtenis === 'afgesloten')?.uitkomst;
			if (outcome === 'ontruimd') expect(date.has('ontruiming')).toBe(true);
			if (date.has('ontruiming') && outcome) expect(outcome).toBe('ontruimd');
			if (date.has('ontruiming')) expect(date.has('aanzegging')).toBe(true);
		}
	});

	it('has a demo-sized set with dossiers still open at the end', () => {
		expect(demo.dossiers.length).toBeGreaterThan(1_300);
		expect(demo.dossiers.length).toBeLessThan(2_000);
		expect(demo.events.length).toBeGreaterThan(10_000);
		expect(demo.events.length).toBeLessThan(15_000);
		const closed = new Set(
			demo.events.filter((e) => e.gebeurtenis === 'afgesloten').map((e) => e.dossier_id)
		);
		expect(demo.dossiers.length - closed.size).toBeGreaterThan(50);
	});
});

describe('scale', () => {
	it('finds the dossiers per year for a number of events', () => {
		const period = { seed: 7, from: DEMO_DEFAULTS.from, to: DEMO_DEFAULTS.to };
		const dossiersPerYear = dossiersPerYearFor({ events: 100_000 }, period);
		let events = 0;
		for (const chunk of demoCsvChunks({ ...period, dossiersPerYear })) events += chunk.eventRows;
		expect(events).toBeGreaterThan(95_000);
		expect(events).toBeLessThan(105_000);
	});
});
