/**
 * The committed demo exports in data/bronnen are exactly what the seeded generator makes from the
 * demo set (CSV text, the workbook's sheets and the profile files), so `npm run demo-data` and the
 * files cannot drift apart; and every profile there is a valid profile.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS, generateDemo } from '../../../src/lib/demo';
import { demoSources, sourceCsv, sourceXlsx } from '../../../src/lib/demo/sources';
import { parseProfile } from '../../../src/lib/import/profiles/format';
import { workbookSheets } from '../../../src/lib/import/workbook';

const sources = demoSources(generateDemo(DEMO_DEFAULTS), DEMO_DEFAULTS.seed);

describe('data/bronnen', () => {
	it.each(sources.map((s) => [s.file, s] as const))(
		'%s equals the generator’s output',
		async (_, s) => {
			const committed = new Uint8Array(await readFile(`data/bronnen/${s.file}`));
			if (s.format.kind === 'csv') {
				expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(committed)).toBe(sourceCsv(s));
			} else {
				const made = await workbookSheets(await sourceXlsx(s));
				expect(await workbookSheets(committed)).toEqual(made);
			}
			const profileText = await readFile(`data/bronnen/${s.profileFile}`, 'utf8');
			expect(JSON.parse(profileText)).toEqual(s.profile);
			expect(parseProfile(profileText, s.profileFile).ok).toBe(true);
		}
	);

	it('has the three corporations wide (one as .xlsx) and two long registrations', () => {
		const shapes = sources.map((s) => [s.file.split('.').at(-1), s.profile.vorm]);
		expect(shapes).toEqual([
			['csv', 'breed'],
			['xlsx', 'breed'],
			['csv', 'breed'],
			['csv', 'lang'],
			['csv', 'lang']
		]);
	});
});
