/**
 * The selection module: defaults, wijk matching, and the URL codec as a pure pair whose
 * round trip returns every selection the page can hold (fast-check), an emptied list included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARGET_GROUPS } from '../../../src/lib/domain/codes';
import {
	applyDefaults,
	defaultSelection,
	matchingWijken,
	selectionFromQuery,
	selectionToQuery
} from '../../../src/lib/metrics/selection';
import type { DataExtent, Selection } from '../../../src/lib/metrics/types';

const EXTENT: DataExtent = {
	eersteDatum: '2013-03-04',
	laatsteDatum: '2016-12-30',
	corporaties: ['elan_wonen', 'pre_wonen', 'ymere'],
	doelgroepen: ['gezin_met_kinderen', 'oggz', 'overig', 'senior'],
	wijken: ['Centrum', 'Noord', 'Schalkwijk', 'Zuid-West']
};

const isoDate = fc
	.date({
		min: new Date('2000-01-01T00:00:00Z'),
		max: new Date('2030-12-31T00:00:00Z'),
		noInvalidDate: true
	})
	.map((d) => d.toISOString().slice(0, 10));
const sortedSubset = (values: readonly string[], minLength = 0) =>
	fc.subarray([...values], { minLength }).map((picked) => [...picked].sort());

/** Every selection the page and the command line can hold: normalized, sorted, a valid period. */
const selections: fc.Arbitrary<Selection> = fc
	.record({
		dates: fc.uniqueArray(isoDate, { minLength: 2, maxLength: 2 }),
		corporaties: sortedSubset([...EXTENT.corporaties, 'woonstede']),
		doelgroepen: sortedSubset(TARGET_GROUPS),
		// The form writes "no wijk ticked" as no filter (null), never as an empty list.
		wijken: fc.option(sortedSubset(EXTENT.wijken, 1), { nil: null }),
		peildatum: fc.option(isoDate, { nil: undefined })
	})
	.map(({ dates, corporaties, doelgroepen, wijken, peildatum }) => {
		const [van, tot] = [...dates].sort() as [string, string];
		return {
			van,
			tot,
			corporaties,
			doelgroepen,
			wijken,
			peildatum: peildatum ?? EXTENT.laatsteDatum
		};
	});

describe('the URL codec', () => {
	it('reads back every selection it writes', () => {
		fc.assert(
			fc.property(selections, (selection) => {
				const query = selectionToQuery(selection, EXTENT);
				expect(selectionFromQuery(new URLSearchParams(query.toString()), EXTENT)).toEqual(
					selection
				);
			}),
			{ numRuns: 500 }
		);
	});

	it('keeps an emptied list empty instead of falling back to the default', () => {
		const emptied = { ...defaultSelection(EXTENT), corporaties: [], doelgroepen: [] };
		const query = selectionToQuery(emptied, EXTENT);
		expect(query.getAll('corporatie')).toEqual(['']);
		expect(selectionFromQuery(query, EXTENT)).toEqual(emptied);
	});

	it('writes only the period for the default selection, and reads an empty query as the default', () => {
		const defaults = defaultSelection(EXTENT);
		expect(defaults).toMatchObject({ van: '2016-07-01', tot: '2017-01-01', wijken: null });
		expect(selectionToQuery(defaults, EXTENT).toString()).toBe('van=2016-07-01&tot=2017-01-01');
		expect(selectionFromQuery(new URLSearchParams(), EXTENT)).toEqual(defaults);
	});

	it('carries the vroegsignalering gemeenten: absent is every gemeente, codes as four digits', () => {
		const defaults = defaultSelection(EXTENT);
		expect('gemeenten' in selectionFromQuery(new URLSearchParams(), EXTENT)).toBe(false);
		const some = { ...defaults, gemeenten: ['0363', '0392'] };
		const query = selectionToQuery(some, EXTENT);
		expect(query.getAll('gemeente')).toEqual(['0363', '0392']);
		expect(selectionFromQuery(query, EXTENT)).toEqual(some);
		const typed = selectionFromQuery(
			new URLSearchParams('gemeente=392&gemeente=GM0363&gemeente=x&gemeente=0392'),
			EXTENT
		);
		expect(typed.gemeenten).toEqual(['0363', '0392']);
		const none = selectionToQuery({ ...defaults, gemeenten: [] }, EXTENT);
		expect(none.getAll('gemeente')).toEqual(['']);
		expect(selectionFromQuery(none, EXTENT).gemeenten).toEqual([]);
	});

	it('takes the default period for an invalid or reversed one', () => {
		for (const query of [
			'van=2015-02-30&tot=2015-07-01',
			'van=2015-07-01&tot=2015-01-01',
			'van=x'
		]) {
			const read = selectionFromQuery(new URLSearchParams(query), EXTENT);
			expect([read.van, read.tot], query).toEqual(['2016-07-01', '2017-01-01']);
		}
	});
});

describe('defaults and matching', () => {
	it('normalizes labels and matches a wijk to the data spelling', () => {
		expect(
			applyDefaults(
				{
					van: '2015-01-01',
					tot: '2015-07-01',
					corporaties: ['Pré Wonen', 'YMERE'],
					wijken: ['zuid west']
				},
				EXTENT
			)
		).toEqual({
			van: '2015-01-01',
			tot: '2015-07-01',
			corporaties: ['pre_wonen', 'ymere'],
			doelgroepen: ['gezin_met_kinderen', 'oggz', 'senior'],
			wijken: ['Zuid-West'],
			peildatum: '2016-12-30'
		});
		expect(matchingWijken(' Nergens ', EXTENT.wijken)).toEqual(['Nergens']);
	});
});
