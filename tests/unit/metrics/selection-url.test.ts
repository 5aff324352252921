/** The selection in the URL: every selection the form can make reads back as itself. */
import { describe, expect, it } from 'vitest';
import type { DataExtent } from '../../../src/lib/metrics/types';
import type { Selection } from '../../../src/lib/metrics/types';
import {
	selectionFromQuery as selectionFromParams,
	selectionToQuery as selectionToParams
} from '../../../src/lib/metrics/selection';

const extent: DataExtent = {
	eersteDatum: '2014-01-02',
	laatsteDatum: '2016-12-30',
	corporaties: ['elan_wonen', 'pre_wonen', 'ymere'],
	doelgroepen: ['gezin_met_kinderen', 'oggz', 'overig', 'senior'],
	wijken: ['Noord', 'Zuid-West']
};

const base: Selection = {
	van: '2016-07-01',
	tot: '2017-01-01',
	corporaties: ['elan_wonen', 'pre_wonen', 'ymere'],
	doelgroepen: ['gezin_met_kinderen', 'oggz', 'senior'],
	wijken: null,
	peildatum: '2016-12-30'
};

const roundTrip = (selection: Selection) =>
	selectionFromParams(new URLSearchParams(selectionToParams(selection, extent).toString()), extent);

describe('the selection in the query string', () => {
	it.each<[string, Partial<Selection>]>([
		['the defaults', {}],
		['no corporation', { corporaties: [] }],
		['no doelgroep', { doelgroepen: [] }],
		['neither', { corporaties: [], doelgroepen: [] }],
		['one corporation', { corporaties: ['ymere'] }],
		['two corporations', { corporaties: ['pre_wonen', 'ymere'] }],
		['all four doelgroepen', { doelgroepen: ['gezin_met_kinderen', 'oggz', 'overig', 'senior'] }],
		['a wijk', { wijken: ['Zuid-West'] }],
		[
			'another period and peildatum',
			{ van: '2014-11-01', tot: '2015-05-01', peildatum: '2015-05-20' }
		]
	])('round-trips %s', (_name, change) => {
		const selection = { ...base, ...change };
		expect(roundTrip(selection)).toEqual(selection);
	});

	it('writes the empty set as an empty parameter, and reads that as the empty set', () => {
		const params = selectionToParams({ ...base, corporaties: [] }, extent);
		expect(params.getAll('corporatie')).toEqual(['']);
		expect(selectionFromParams(new URLSearchParams('corporatie='), extent).corporaties).toEqual([]);
	});

	it('takes the defaults for parts the link leaves out', () => {
		const read = selectionFromParams(new URLSearchParams('van=2015-01-01&tot=2015-07-01'), extent);
		expect(read.corporaties).toEqual(extent.corporaties);
		expect(read.doelgroepen).toEqual(['gezin_met_kinderen', 'oggz', 'senior']);
		expect(read.wijken).toBeNull();
	});

	it('reads an empty wijk parameter as no wijk filter, as the form means it', () => {
		expect(selectionFromParams(new URLSearchParams('wijk='), extent).wijken).toBeNull();
	});
});
