/**
 * `npm run evaluate` on hostile workbooks: the program exits with 2 and one Dutch line on standard
 * error that names the file and what is wrong, without a stack or JavaScript error text (before the
 * checked reader, a row in the billions ended Node with a fatal error and a zip bomb aborted it).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BASE_PARTS, rawEntries, writeZip, zipParts } from '../../../src/cli/fuzz-workbooks';
import { crc32 } from '../../../src/lib/import/zip';
import { evaluate } from './run-evaluate';

const PERIOD = ['--van', '2015-01-01', '--tot', '2015-07-01'];
const SHEET = 'xl/worksheets/sheet1.xml';

/** A workbook whose sheet has a row number in the billions (the old reader: V8 fatal error). */
const rowInBillions = () =>
	zipParts({
		...BASE_PARTS,
		[SHEET]:
			'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>dossier_id</t></is></c></row><row r="4294967296"><c r="A4294967296" t="inlineStr"><is><t>D1</t></is></c></row></sheetData></worksheet>'
	});

/** A workbook whose sheet's CRC-32 does not match, in both headers (the old reader: read anyway). */
const wrongChecksum = () =>
	writeZip(
		rawEntries(BASE_PARTS).map((e) =>
			e.name === SHEET ? { ...e, crc: crc32(e.data) ^ 0x0100 } : e
		),
		(data) => deflateSync(data)
	);

describe('npm run evaluate on a hostile workbook', () => {
	it.each([
		{
			case: 'a row number in the billions',
			bytes: rowInBillions,
			expected:
				'vijandig.xlsx: werkblad ‘dossiers’, na rij 1: rijnummer ‘4294967296’ ligt buiten rij 1 tot 1.048.576. Open de werkmap in Excel en sla haar opnieuw op, of lever de werkbladen als CSV UTF-8.'
		},
		{
			case: 'a CRC-32 that does not match',
			bytes: wrongChecksum,
			expected:
				'vijandig.xlsx: de controlesom (CRC-32) van onderdeel ‘xl/worksheets/sheet1.xml’ klopt niet; het zip-bestand is beschadigd of onvolledig. Open de werkmap in Excel en sla haar opnieuw op, of lever de werkbladen als CSV UTF-8.'
		}
	])('$case: exit 2, one Dutch line naming the file', async ({ bytes, expected }) => {
		const dir = await mkdtemp(path.join(tmpdir(), 'werkmap-'));
		const file = path.join(dir, 'vijandig.xlsx');
		await writeFile(file, bytes());
		const { code, stdout, stderr } = await evaluate([
			'--dossiers',
			file,
			'--gebeurtenissen',
			'tests/fixtures/cli/gebeurtenissen.csv',
			...PERIOD
		]);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr.endsWith('\n')).toBe(true);
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(stderr).toBe(`evaluate: ${path.dirname(file)}/${expected}\n`);
		expect(stderr).not.toMatch(/Error|\n\s+at |onverwachte fout/);
	});
});
