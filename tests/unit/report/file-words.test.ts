/**
 * The import report's words for a file, from real imports: a CSV names its encoding and
 * delimiter, a sheet of a workbook is an "Excel-werkmap" (it has neither), and the columns a
 * profile did not load are counted in the right number ("1 kolom", never "1 kolommen").
 */
import { describe, expect, it } from 'vitest';
import { importSources, type SourceFile } from '../../../src/lib/import/pipeline';
import { parseProfile, type SourceProfile } from '../../../src/lib/import/profiles/format';
import { fileFormText, notLoadedText } from '../../../src/lib/report/file-words';
import { tablesToXlsx } from '../../../src/lib/report/xlsx';
import { expectGolden } from './golden';

const today = '2026-01-01';
const utf8 = (text: string) => new TextEncoder().encode(text);

function profile(extra: string[]): SourceProfile {
	const out = parseProfile(
		JSON.stringify({
			formaat: 'huisuitzettingen-bronprofiel/1',
			naam: 'Pré Wonen export',
			vorm: 'breed',
			dossier_id: { kolommen: ['Contract'], pseudonimiseren: false },
			corporatie: { waarde: 'Pré Wonen' },
			doelgroep: { kolom: 'Type', waarden: { '65+': 'senior' } },
			gebeurtenissen: [{ gebeurtenis: 'achterstand_1m', kolom: 'Signaal' }]
		}),
		`profiel-${extra.length}.json`
	);
	if (!out.ok) throw new Error(out.message);
	return out.profile;
}

/** A profile workbook with the profile's three columns and the given extra ones. */
async function profileWorkbook(extra: [string, string][]): Promise<Uint8Array> {
	return tablesToXlsx([
		{
			sheet: 'Export',
			header: ['Contract', 'Type', 'Signaal', ...extra.map(([name]) => name)],
			rows: [['P-1', '65+', '2015-03-02', ...extra.map(([, value]) => value)]]
		}
	]);
}

describe('the import report names each file in words', () => {
	it('says Excel-werkmap for a workbook, the encoding and delimiter for a CSV, and counts columns right', async () => {
		const sources: SourceFile[] = [
			{
				name: 'dossiers.csv',
				bytes: utf8('dossier_id;corporatie;doelgroep;wijk\nD1;Ymere;senior;Noord\n')
			},
			{
				name: 'gebeurtenissen.csv',
				bytes: utf8(
					'\uFEFFdossier_id,datum,gebeurtenis,reden,uitkomst\nD1,2015-02-01,achterstand_1m,,\n'
				)
			},
			{
				name: 'export.xlsx',
				bytes: await tablesToXlsx([
					{
						sheet: 'dossiers',
						header: ['dossier_id', 'corporatie', 'doelgroep', 'wijk'],
						rows: [['W1', 'Ymere', 'oggz', 'Oost']]
					}
				])
			},
			{
				name: 'pw-een.xlsx',
				bytes: await profileWorkbook([['Opmerking', 'belt terug']]),
				profile: profile(['Opmerking'])
			},
			{
				name: 'pw-drie.xlsx',
				bytes: await profileWorkbook([
					['Opmerking', 'belt terug'],
					['E-mail', 'huurder@example.nl'],
					['Dossierhouder', 'team 3']
				]),
				profile: profile(['Opmerking', 'E-mail', 'Dossierhouder'])
			}
		];
		const result = await importSources(sources, { today });
		expect(result.refused).toEqual([]);
		const lines = result.files.map(
			(f) =>
				`${f.name} (${f.role}): ${fileFormText(f)}` +
				(f.profile === null || f.unknownColumns.length === 0
					? ''
					: `; niet geladen: ${notLoadedText(f)}`)
		);
		const of = (name: string) => result.files.filter((f) => f.name.startsWith(name));
		const unloaded = (name: string) => of(name).filter((f) => f.unknownColumns.length > 0);
		expect(of('dossiers.csv').map(fileFormText)).toEqual(['UTF-8, puntkomma']);
		expect(of('gebeurtenissen.csv').map(fileFormText)).toEqual(['UTF-8 met BOM, komma']);
		expect(of('export.xlsx').map(fileFormText)).toEqual(['Excel-werkmap']);
		expect(new Set(of('pw-').map(fileFormText))).toEqual(new Set(['Excel-werkmap']));
		expect(unloaded('pw-een').map(notLoadedText)).toEqual(['1 kolom']);
		expect(unloaded('pw-drie').map(notLoadedText)).toEqual([
			'3 kolommen, waarvan met persoonsgegevens'
		]);
		expect(lines.join('\n')).not.toMatch(/\b1 kolommen|xlsx[^:]*: UTF-8/);
		await expectGolden('import-bestanden', `${lines.join('\n')}\n`);
	});
});
