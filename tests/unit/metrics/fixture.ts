/**
 * A small hand-made data set for the metric tests. Every expected figure in metrics.test.ts is
 * worked out by hand from these rows (see the comments there).
 */
import type { DossierRow, EventRow } from '../../../src/lib/import/types';

export const DOSSIERS: DossierRow[] = [
	{ dossier_id: 'A', corporatie: 'ymere', doelgroep: 'gezin_met_kinderen', wijk: 'Noord' },
	{ dossier_id: 'B', corporatie: 'ymere', doelgroep: 'senior', wijk: 'Oost' },
	{ dossier_id: 'C', corporatie: 'pre_wonen', doelgroep: 'oggz', wijk: 'Centrum' },
	{
		dossier_id: 'D',
		corporatie: 'elan_wonen',
		doelgroep: 'gezin_met_kinderen',
		wijk: 'Schalkwijk'
	},
	{ dossier_id: 'E', corporatie: 'ymere', doelgroep: 'overig', wijk: 'Noord' },
	{ dossier_id: 'F', corporatie: 'woonstede', doelgroep: 'senior', wijk: null }
];

const e = (
	dossier_id: string,
	datum: string,
	gebeurtenis: EventRow['gebeurtenis'],
	extra: Partial<Pick<EventRow, 'reden' | 'uitkomst'>> = {}
): EventRow => ({
	dossier_id,
	datum,
	gebeurtenis,
	reden: extra.reden ?? null,
	uitkomst: extra.uitkomst ?? null
});

export const EVENTS: EventRow[] = [
	// A: earliest signal before the period; evicted.
	e('A', '2014-12-20', 'achterstand_1m'),
	e('A', '2015-01-01', 'achterstand_1m'),
	e('A', '2015-01-02', 'contact'),
	e('A', '2015-01-25', 'achterstand_2m'),
	e('A', '2015-02-01', 'afstemming_swt'),
	e('A', '2015-02-20', 'huisbezoek'),
	e('A', '2015-03-01', 'deurwaarder'),
	e('A', '2015-04-01', 'vonnis'),
	e('A', '2015-05-01', 'aanzegging'),
	e('A', '2015-06-30', 'ontruiming', { reden: 'huurachterstand' }),
	e('A', '2015-07-01', 'afgesloten', { uitkomst: 'ontruimd' }),
	// B: a contact before its signal (ignored as an end); prevented after an aanzegging.
	e('B', '2015-01-20', 'contact'),
	e('B', '2015-02-01', 'achterstand_1m'),
	e('B', '2015-02-20', 'contact'),
	e('B', '2015-03-01', 'melding_sdv'),
	e('B', '2015-03-02', 'achterstand_3m'),
	e('B', '2015-03-05', 'uitnodiging_sdv'),
	e('B', '2015-03-10', 'terugkoppeling'),
	e('B', '2015-03-20', 'intake_sdv'),
	e('B', '2015-04-01', 'plan_van_aanpak'),
	e('B', '2015-04-15', 'deurwaarder'),
	e('B', '2015-05-15', 'vonnis'),
	e('B', '2015-06-01', 'aanzegging'),
	e('B', '2015-06-20', 'afgesloten', { uitkomst: 'betalingsregeling' }),
	// C: signal on the last day of the period; still running.
	e('C', '2015-01-10', 'vonnis'),
	e('C', '2015-02-01', 'melding_sdv'),
	e('C', '2015-02-02', 'melding_swt'),
	e('C', '2015-03-01', 'aanzegging'),
	e('C', '2015-06-30', 'achterstand_1m'),
	// D: signal on the period's exclusive end; an eviction without a known reason.
	e('D', '2014-12-31', 'aanzegging'),
	e('D', '2015-01-15', 'ontruiming', { reden: 'onbekend' }),
	e('D', '2015-07-01', 'achterstand_1m'),
	// E: doelgroep overig, outside the default selection.
	e('E', '2015-03-01', 'achterstand_1m'),
	// F: a corporation without norms; closed without a bailiff.
	e('F', '2015-01-10', 'achterstand_1m'),
	e('F', '2015-02-10', 'achterstand_2m'),
	e('F', '2015-03-01', 'contact'),
	e('F', '2015-05-01', 'afgesloten', { uitkomst: 'opgelost' })
];
