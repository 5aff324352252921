/**
 * The page and the command-line evaluator give the same figures on the same files and
 * selection: every `[data-metric]` on the dashboard against the JSON of src/cli/evaluate.ts.
 *
 * The fixture pair in tests/fixtures/e2e/ is small and has the quirks of real exports:
 * dossiers.csv is Windows-1252 (`Pré Wonen`), `;`-separated with CRLF, and rejects D06
 * (doelgroep `studentenhuis`, line 7); gebeurtenissen.csv is UTF-8 with a BOM, mixes date
 * formats, has an exact duplicate (line 13), an invalid date (line 10), an event of the rejected
 * dossier (line 33) and an eviction without a reason (a warning). Worked out by hand:
 * [2015-01-01, 2015-07-01) has 3 signalen, 2 deurwaarder, 2 vonnissen, 1 aanzegging (ontruimd);
 * [2015-07-01, 2016-07-01) has 2 signalen, 2 aanzeggingen (1 voorkomen, 1 ontruimd), 2 ontruimingen.
 */
import { describe, expect, test } from 'vitest';
import {
	FIXTURES,
	evaluateCli,
	metricFromDocument,
	parseDataValue,
	readMetrics,
	setPeriod,
	uploadFiles,
	useSite,
	waitForReady
} from './harness';

const site = useSite();

/** The ids the contract requires on the page. */
const REQUIRED = [
	'signalen',
	'meldingen_sdv',
	'meldingen_swt',
	'deurwaarder',
	'vonnissen',
	'aanzeggingen',
	'ontruimingen',
	'aanzeggingen_voorkomen',
	'aanzeggingen_ontruimd',
	'aanzeggingen_lopend'
];

const PERIODS = [
	{ van: '2015-01-01', tot: '2015-07-01', signalen: 3 },
	{ van: '2015-07-01', tot: '2016-07-01', signalen: 2 }
];

describe('page and command line agree', () => {
	test('on every figure, for two periods', async () => {
		const { page } = await site.open();
		await page.goto(site.url('/'));
		await waitForReady(page);
		await uploadFiles(page, [FIXTURES.dossiers, FIXTURES.gebeurtenissen]);
		await expect(page.getByText('Demodata (fictief)').first().isVisible()).resolves.toBe(false);

		for (const period of PERIODS) {
			await setPeriod(page, period.van, period.tot);
			const url = new URL(page.url());
			expect(url.searchParams.get('van')).toBe(period.van);
			expect(url.searchParams.get('tot')).toBe(period.tot);

			const doc = await evaluateCli({
				dossiers: [FIXTURES.dossiers],
				gebeurtenissen: [FIXTURES.gebeurtenissen],
				van: period.van,
				tot: period.tot
			});
			expect(metricFromDocument(doc, 'signalen'), 'the CLI on the hand-counted fixture').toBe(
				period.signalen
			);

			const metrics = await readMetrics(page);
			const ids = new Set(metrics.map((m) => m.id));
			expect(
				REQUIRED.filter((id) => !ids.has(id)),
				'required ids missing on the page'
			).toEqual([]);

			const mismatches = metrics.flatMap(({ id, value }) => {
				const expected = metricFromDocument(doc, id);
				if (expected === undefined) return [`${id}: not in the evaluator's document`];
				if (expected !== null && typeof expected !== 'number') {
					return [`${id}: names a group, not a figure`];
				}
				const shown = parseDataValue(value);
				return Object.is(shown, expected) ? [] : [`${id}: page ${value}, CLI ${expected}`];
			});
			expect(mismatches, `[${period.van}, ${period.tot})`).toEqual([]);
		}
	});
});
