/**
 * Hostile workbooks, each made here by hand (the parts as text, the zip through fflate's zipSync or
 * field by field through writeZip when the directory or a header must lie): every one is refused
 * with a Dutch message naming the file (and the sheet and cell or row where that makes sense),
 * quickly, or read in full where Excel would read it (a row jump to the last row, a date cell whose
 * number is no day). Before this reader each of these hung, crashed or loaded partial data.
 */
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
	BASE_CSV,
	BASE_PARTS,
	rawEntries,
	writeZip,
	zipParts,
	type RawEntry
} from '../../../src/cli/fuzz-workbooks';
import { importFiles } from '../../../src/lib/import';
import { importSources } from '../../../src/lib/import/pipeline';
import { readWorkbook, readWorkbookSheets } from '../../../src/lib/import/workbook';
import { crc32 } from '../../../src/lib/import/zip';

const NAME = 'vijandig.xlsx';
/** Each refusal must come this fast (ms): the old reader took minutes or never answered. */
const QUICK = 1500;
const SHEET = 'xl/worksheets/sheet1.xml';
const enc = (s: string) => new TextEncoder().encode(s);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const deflate = (data: Uint8Array) => deflateSync(data, { level: 6 });

/** A workbook whose first sheet holds these rows (and, if given, this dimension). */
function withRows(rows: string, dimension?: string): Uint8Array {
	const dim = dimension === undefined ? '' : `<dimension ref="${dimension}"/>`;
	return zipParts({
		...BASE_PARTS,
		[SHEET]: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dim}<sheetData>${rows}</sheetData></worksheet>`
	});
}

/** BASE_PARTS with some parts replaced (or, as null, left out). */
function withParts(changes: Record<string, string | null>): Uint8Array {
	const parts: Record<string, string> = { ...BASE_PARTS };
	for (const [name, part] of Object.entries(changes)) {
		if (part === null) delete parts[name];
		else parts[name] = part;
	}
	return zipParts(parts);
}

/** BASE_PARTS written by writeZip, with the first sheet's entry changed. */
function lyingZip(change: Partial<RawEntry>): Uint8Array {
	return writeZip(
		rawEntries(BASE_PARTS).map((e) => (e.name === SHEET ? { ...e, ...change } : e)),
		deflate
	);
}

/** Reads the bytes; expects a refusal within QUICK ms and returns it. */
function refused(bytes: Uint8Array, limit?: number): { code: string; message: string } {
	const start = performance.now();
	const read = readWorkbookSheets(NAME, bytes, limit);
	expect(performance.now() - start).toBeLessThan(QUICK);
	if (read.ok) throw new Error(`read, not refused: ${read.sheets.map((s) => s.sheet).join(', ')}`);
	expect(read.refusal.message.startsWith(`${NAME}: `)).toBe(true);
	expect(read.refusal.message).not.toMatch(/\n|Error|undefined|NaN|onverwachte fout/);
	return read.refusal;
}

/** Reads the bytes; expects the sheets within QUICK ms and returns their CSV text. */
function sheetsOf(bytes: Uint8Array): string[] {
	const start = performance.now();
	const read = readWorkbookSheets(NAME, bytes);
	expect(performance.now() - start).toBeLessThan(QUICK);
	if (!read.ok) throw new Error(read.refusal.message);
	return read.sheets.map((s) => text(s.csv));
}

const cell = (ref: string, value: string) =>
	`<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

describe('the base workbook of the hostile cases', () => {
	it('reads as the CSV worked out by hand, through zipSync and through writeZip', () => {
		expect(sheetsOf(zipParts(BASE_PARTS))).toEqual(BASE_CSV);
		expect(sheetsOf(zipParts(BASE_PARTS, 0))).toEqual(BASE_CSV);
		expect(sheetsOf(writeZip(rawEntries(BASE_PARTS), deflate))).toEqual(BASE_CSV);
	});

	it('reads zip64 size fields and data descriptors that agree with the directory', () => {
		expect(sheetsOf(lyingZip({ zip64: true }))).toEqual(BASE_CSV);
		expect(sheetsOf(lyingZip({ descriptor: true }))).toEqual(BASE_CSV);
	});
});

describe('XML that is not well-formed, or unsafe', () => {
	it.each([
		{
			case: 'a character reference past U+10FFFF in a shared string',
			bytes: () => withParts({ 'xl/sharedStrings.xml': '<sst><si><t>a&#x110000;b</t></si></sst>' }),
			expected: [
				'vijandig.xlsx: de gedeelde teksten (onderdeel ‘xl/sharedStrings.xml’), tekst 1:',
				'een tekenverwijzing (&#…;) naar een teken dat niet bestaat'
			]
		},
		{
			case: 'a character reference to NUL in a cell',
			bytes: () => withRows(`<row r="1">${cell('A1', 'x&#0;')}</row>`),
			expected: ['werkblad ‘dossiers’, cel A1:', 'tekenverwijzing']
		},
		{
			case: 'a lone surrogate as a character reference',
			bytes: () => withRows(`<row r="1">${cell('A1', '&#xD800;')}</row>`),
			expected: ['werkblad ‘dossiers’, cel A1:', 'tekenverwijzing']
		},
		{
			case: 'an undefined entity',
			bytes: () => withRows(`<row r="1">${cell('A1', '&foo;')}</row>`),
			expected: ['werkblad ‘dossiers’, cel A1:', 'een onbekende entiteit (&…;)']
		},
		{
			case: 'a DOCTYPE with nested entities (billion laughs)',
			bytes: () =>
				withParts({
					[SHEET]:
						'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>'
				}),
			expected: ['werkblad ‘dossiers’:', 'DOCTYPE-declaratie']
		},
		{
			case: 'a row that never closes (and the sheet ends)',
			bytes: () =>
				withParts({
					[SHEET]: `<worksheet><sheetData><row r="1">${cell('A1', 'dossier_id')}<row r="2">${cell('A2', 'D1')}</sheetData></worksheet>`
				}),
			expected: ['werkblad ‘dossiers’', 'een rij staat binnen een rij of een cel']
		},
		{
			case: 'rows without </row> at the end of the part',
			bytes: () =>
				withParts({
					[SHEET]: `<worksheet><sheetData><row r="1">${cell('A1', 'dossier_id')}`
				}),
			expected: [
				'werkblad ‘dossiers’, rij 1:',
				'het onderdeel houdt halverwege op (een element wordt niet afgesloten)'
			]
		},
		{
			case: 'a text that never closes, two megabytes long',
			// Stored, not deflated: two megabytes of one letter would be refused as a zip bomb.
			bytes: () =>
				zipParts(
					{
						...BASE_PARTS,
						[SHEET]: `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(2_000_000)}`
					},
					0
				),
			expected: ['werkblad ‘dossiers’, cel A1:', 'houdt halverwege op']
		},
		{
			case: 'a tag that never closes',
			bytes: () =>
				withParts({ [SHEET]: `<worksheet><sheetData><row r="1" ${'a'.repeat(100_000)}` }),
			expected: ['werkblad ‘dossiers’', 'niet goed gevormd']
		},
		{
			case: 'bytes that are not UTF-8',
			bytes: () =>
				zipParts({
					...BASE_PARTS,
					[SHEET]: Uint8Array.from([...enc('<worksheet><sheetData><row r="1">'), 0xe9])
				}),
			expected: ['werkblad ‘dossiers’', 'geen geldige UTF-8-tekst']
		},
		{
			case: 'an encoding other than UTF-8',
			bytes: () =>
				withParts({
					[SHEET]: '<?xml version="1.0" encoding="ISO-8859-1"?><worksheet><sheetData/></worksheet>'
				}),
			expected: ['werkblad ‘dossiers’:', '‘ISO-8859-1’; alleen UTF-8 wordt gelezen']
		}
	])('$case', ({ bytes, expected }) => {
		const { code, message } = refused(bytes());
		expect(code).toBe('werkmap_onleesbaar');
		for (const part of expected) expect(message).toContain(part);
	});
});

describe('references past Excel’s limits, and structure out of order', () => {
	it.each([
		{
			case: 'a cell at column ZZZZZZ',
			rows: `<row r="1">${cell('ZZZZZZ1', 'x')}</row>`,
			expected: 'rij 1: ‘ZZZZZZ1’ ligt voorbij kolom XFD, de laatste kolom die Excel kent'
		},
		{
			case: 'a cell at column XFE',
			rows: `<row r="1"><c r="XFE1"><v>1</v></c></row>`,
			expected: '‘XFE1’ ligt voorbij kolom XFD'
		},
		{
			case: 'a row number in the billions',
			rows: `<row r="4294967296">${cell('A4294967296', 'x')}</row>`,
			expected: 'rijnummer ‘4294967296’ ligt buiten rij 1 tot 1.048.576'
		},
		{
			case: 'a row past 1,048,576',
			rows: `<row r="1048577"><c><v>1</v></c></row>`,
			expected: 'rijnummer ‘1048577’ ligt buiten rij 1 tot 1.048.576'
		},
		{
			case: 'a cell reference past row 1,048,576 in a row without number',
			rows: `<row>${cell('A99999999999', 'x')}</row>`,
			expected: '‘A99999999999’ ligt buiten rij 1 tot 1.048.576'
		},
		{
			case: 'a row after the last row, numbered by counting',
			rows: `<row r="1048576"><c><v>1</v></c></row><row><c><v>2</v></c></row>`,
			expected: 'de rij ligt voorbij rij 1.048.576'
		},
		{
			case: 'a cell past XFD by counting cells without reference',
			rows: `<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`,
			expected: 'de rij loopt door voorbij kolom XFD'
		},
		{
			case: 'a dimension in the billions',
			rows: `<row r="1">${cell('A1', 'x')}</row>`,
			dimension: 'A1:ZZZZZZ4294967296',
			expected:
				'werkblad ‘dossiers’: de afmeting van het blad: ‘ZZZZZZ4294967296’ ligt voorbij kolom XFD'
		},
		{
			case: 'a reference that is none',
			rows: `<row r="1">${cell('1A', 'x')}</row>`,
			expected: '‘1A’ is geen celverwijzing'
		},
		{
			case: 'rows out of order',
			rows: `<row r="3">${cell('A3', 'x')}</row><row r="2">${cell('A2', 'y')}</row>`,
			expected: 'rij 2 staat na rij 3; de rijen moeten oplopen'
		},
		{
			case: 'cells out of order',
			rows: `<row r="2">${cell('B2', 'x')}${cell('A2', 'y')}</row>`,
			expected: 'cel ‘A2’ staat na een cel verder naar rechts'
		},
		{
			case: 'a cell whose reference names another row',
			rows: `<row r="2">${cell('A3', 'x')}</row>`,
			expected: 'cel ‘A3’ staat in rij 2'
		},
		{
			case: 'a cell outside a row',
			rows: `<row r="1"><x>${cell('A1', 'x')}</x></row>`,
			expected: 'een cel staat buiten een rij'
		},
		{
			case: 'a cell type that does not exist',
			rows: `<row r="1"><c r="A1" t="x"><v>1</v></c></row>`,
			expected: 'werkblad ‘dossiers’, cel A1: het celtype ‘x’ bestaat niet'
		},
		{
			case: 'a number with a style the workbook does not have',
			rows: `<row r="1"><c r="A1" s="9"><v>42005</v></c></row>`,
			expected: 'werkblad ‘dossiers’, cel A1: de cel heeft opmaak ‘9’, die de werkmap niet heeft'
		},
		{
			case: 'a shared string index past the end',
			rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>6</v></c></row>`,
			expected:
				'werkblad ‘dossiers’, cel B1: de cel verwijst naar gedeelde tekst ‘6’, maar de werkmap heeft er 6 (genummerd vanaf 0)'
		},
		{
			case: 'a shared string index in the billions',
			rows: `<row r="1"><c r="A1" t="s"><v>4294967296</v></c></row>`,
			expected: 'gedeelde tekst ‘4294967296’, maar de werkmap heeft er 6'
		},
		{
			case: 'a shared string index that is no number',
			rows: `<row r="1"><c r="A1" t="s"><v>-1</v></c></row>`,
			expected: 'de verwijzing naar een gedeelde tekst is ‘-1’, geen nummer'
		}
	])('$case', ({ rows, dimension, expected }) => {
		const { code, message } = refused(withRows(rows, dimension));
		expect(code).toBe('werkmap_onleesbaar');
		expect(message).toContain(expected);
	});
});

describe('missing parts', () => {
	it.each([
		{
			case: 'cells that point at a missing shared strings part',
			changes: { 'xl/sharedStrings.xml': null },
			expected:
				'werkblad ‘dossiers’, cel A1: de cel verwijst naar gedeelde tekst ‘0’, maar de werkmap heeft geen gedeelde teksten (onderdeel ‘xl/sharedStrings.xml’ ontbreekt)'
		},
		{
			case: 'a sheet whose part is missing',
			changes: { 'xl/worksheets/sheet2.xml': null },
			expected: 'werkblad ‘Blad & 2’: onderdeel ‘xl/worksheets/sheet2.xml’ ontbreekt in de werkmap'
		},
		{
			case: 'a sheet whose relationship is missing',
			changes: {
				'xl/_rels/workbook.xml.rels':
					'<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
			},
			expected: 'werkblad ‘Blad & 2’: de verwijzing ‘rId2’ naar zijn onderdeel ontbreekt'
		},
		{
			case: 'the workbook’s relationships',
			changes: { 'xl/_rels/workbook.xml.rels': null },
			expected: 'onderdeel ‘xl/_rels/workbook.xml.rels’: het ontbreekt'
		},
		{
			case: 'a workbook without sheets',
			changes: { 'xl/workbook.xml': '<workbook><sheets/></workbook>' },
			expected: 'de werkmap heeft geen werkbladen'
		},
		{
			case: 'a number in a date style without the styles part',
			changes: { 'xl/styles.xml': null },
			expected: 'werkblad ‘dossiers’, cel B2: de cel heeft opmaak ‘1’, die de werkmap niet heeft'
		}
	] as { case: string; changes: Record<string, string | null>; expected: string }[])(
		'$case',
		({ changes, expected }) => {
			const { code, message } = refused(withParts(changes));
			expect(code).toBe('werkmap_onleesbaar');
			expect(message).toContain(expected);
		}
	);

	it('says so when a zip is not a workbook, and names OpenDocument', () => {
		const plain = refused(zipParts({ 'gegevens.csv': 'a,b\n1,2\n' }));
		expect(plain.message).toBe(
			'vijandig.xlsx: dit is een zip-bestand maar geen Excel-werkmap (.xlsx): onderdeel ‘xl/workbook.xml’ ontbreekt. Sla het bestand op als .xlsx of als CSV UTF-8.'
		);
		const ods = refused(
			zipParts({
				mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
				'content.xml': '<x/>'
			})
		);
		expect(ods.message).toContain('(het lijkt een OpenDocument-werkmap, .ods)');
	});
});

describe('a zip that lies or is damaged', () => {
	const sheetBytes = enc(BASE_PARTS[SHEET]!);
	it.each([
		{
			case: 'a directory that under-states the sheet’s size (local header agrees)',
			change: { size: sheetBytes.length - 100 },
			expected: `onderdeel ‘${SHEET}’ pakt uit tot meer dan de ${sheetBytes.length - 100} bytes die de inhoudsopgave noemt`
		},
		{
			case: 'a directory that over-states the sheet’s size',
			change: { size: sheetBytes.length + 100 },
			expected: `onderdeel ‘${SHEET}’ pakt uit tot ${sheetBytes.length} bytes, maar de inhoudsopgave noemt er ${sheetBytes.length + 100}`
		},
		{
			case: 'a local header whose size differs from the directory',
			change: { localSize: sheetBytes.length - 100 },
			expected: `volgens zijn eigen kop ${sheetBytes.length - 100}`
		},
		{
			case: 'a CRC-32 that does not match (in both headers)',
			change: { crc: crc32(sheetBytes) ^ 1 },
			expected: `de controlesom (CRC-32) van onderdeel ‘${SHEET}’ klopt niet`
		},
		{
			case: 'a local CRC-32 that differs from the directory',
			change: { localCrc: 7 },
			expected:
				'de controlesom van onderdeel ‘xl/worksheets/sheet1.xml’ verschilt tussen zijn kop en de inhoudsopgave'
		},
		{
			case: 'deflate data cut short (sizes agree with the cut)',
			change: { compressed: deflate(sheetBytes).subarray(0, 200) },
			expected: `de gecomprimeerde gegevens van onderdeel ‘${SHEET}’ zijn afgebroken of onleesbaar`
		},
		{
			case: 'a data descriptor that disagrees with the directory',
			change: { descriptor: { crc: 1, compressedSize: 2, size: 3 } },
			expected:
				'de gegevensbeschrijving van onderdeel ‘xl/worksheets/sheet1.xml’ verschilt van de inhoudsopgave'
		},
		{
			case: 'an encrypted part',
			change: { flags: 0x0801 },
			expected: 'is versleuteld; sla de werkmap op zonder wachtwoord'
		},
		{
			case: 'a compression method other than deflate',
			change: { method: 12 },
			expected: 'is gecomprimeerd met methode 12'
		}
	] as { case: string; change: Partial<RawEntry>; expected: string }[])(
		'$case',
		({ change, expected }) => {
			const { code, message } = refused(lyingZip(change));
			expect(code).toBe('werkmap_onleesbaar');
			expect(message).toContain(expected);
			expect(message).toMatch(
				/ Open de werkmap in Excel en sla haar opnieuw op, of lever de werkbladen als CSV UTF-8\.$/
			);
		}
	);

	it('refuses a flipped byte in the compressed sheet', () => {
		const bytes = zipParts(BASE_PARTS);
		const name = enc(SHEET);
		const header = bytes.findIndex((_, i) => name.every((b, j) => bytes[i + j] === b));
		const at = header + SHEET.length + 40;
		bytes[at] = bytes[at]! ^ 0x10;
		const { message } = refused(bytes);
		expect(message).toMatch(
			/‘xl\/worksheets\/sheet1.xml’ (zijn afgebroken of onleesbaar|klopt niet|pakt uit tot)/
		);
	});

	it('refuses a zip cut in half, and two parts with one name', () => {
		const bytes = zipParts(BASE_PARTS);
		expect(refused(bytes.subarray(0, bytes.length >> 1)).message).toContain(
			'het einde van het zip-bestand (de inhoudsopgave) ontbreekt'
		);
		const twice = writeZip(
			[...rawEntries(BASE_PARTS), { name: 'XL/Workbook.xml', data: enc('<workbook/>') }],
			deflate
		);
		expect(refused(twice).message).toContain(
			'onderdeel ‘XL/Workbook.xml’ staat twee keer in het bestand'
		);
	});
});

describe('sizes: the import limit counts inflated bytes, and a zip bomb is refused', () => {
	const spaces = new Uint8Array(8_000_000).fill(0x20);
	let deflated: Uint8Array | null = null;
	/** 8 MB of spaces deflated to about 8 kB (made once). */
	const bomb = () => (deflated ??= deflateSync(spaces, { level: 1 }));

	it('refuses a workbook whose parts declare more than 160 MB, before inflating anything', () => {
		const bytes = lyingZip({
			size: 410_000_000,
			localSize: 410_000_000
		});
		const { code, message } = refused(bytes);
		expect(code).toBe('werkmap_te_groot');
		expect(message).toMatch(
			/^vijandig\.xlsx: deze werkmap pakt uit tot 410 MB aan werkbladgegevens \(het bestand zelf is 3 kB\); er kan hoogstens 160 MB worden ingelezen/
		);
	});

	it('refuses by the limit it is given, counting every part', () => {
		const rows = Array.from(
			{ length: 2000 },
			(_, i) => `<row r="${i + 1}">${cell(`A${i + 1}`, `regel ${i}`)}</row>`
		);
		const bytes = withRows(rows.join(''));
		const read = readWorkbookSheets(NAME, bytes);
		expect(read.ok).toBe(true);
		const { code, message } = refused(bytes, 50_000);
		expect(code).toBe('werkmap_te_groot');
		expect(message).toContain('er kan hoogstens 50 kB worden ingelezen');
	});

	it('refuses a zip bomb (a part of 8 MB of spaces in 8 kB) by its ratio, without inflating it', () => {
		const bytes = lyingZip({ data: spaces, compressed: bomb(), crc: 0 });
		const { code, message } = refused(bytes);
		expect(code).toBe('werkmap_onleesbaar');
		expect(message).toContain(`onderdeel ‘${SHEET}’ pakt uit tot`);
		expect(message).toContain('keer zijn gecomprimeerde grootte');
		expect(message).toContain('dat is een zip-bom, geen werkmap');
	});

	it('refuses a part that declares megabytes out of no compressed bytes at all', () => {
		const { message } = refused(lyingZip({ compressed: new Uint8Array(0), size: 2_000_000 }));
		expect(message).toContain(
			'pakt uit tot 2000000 keer zijn gecomprimeerde grootte (2000000 bytes uit 0)'
		);
	});

	it('stops a zip bomb that declares a small size as soon as it passes that size', () => {
		const bytes = lyingZip({
			data: spaces,
			compressed: bomb(),
			size: 1000,
			localSize: 1000,
			crc: 0
		});
		const { message } = refused(bytes);
		expect(message).toContain(`onderdeel ‘${SHEET}’ pakt uit tot meer dan de 1000 bytes`);
	});

	it('refuses sheets whose CSV text would pass the limit (a dimension of 16,384 columns)', () => {
		const rows = Array.from(
			{ length: 100 },
			(_, i) => `<row r="${i + 1}">${cell(`A${i + 1}`, 'x')}</row>`
		);
		const bytes = withRows(rows.join(''), 'A1:XFD100');
		const { code, message } = refused(bytes, 1_000_000);
		expect(code).toBe('werkmap_te_groot');
		expect(message).toBe(
			'vijandig.xlsx: de werkbladen worden als tekst samen groter dan 1 MB (bij werkblad ‘dossiers’, door zeer veel of zeer brede rijen); zoveel kan niet worden ingelezen, dus de werkmap is niet gelezen. Verwijder lege kolommen en rijen of splits de werkmap.'
		);
		// Under the real limit the same sheet reads: every line as wide as the dimension.
		const [csv] = sheetsOf(bytes);
		expect(csv!.split('\n')).toHaveLength(100);
		expect(csv!.split('\n')[99]).toBe(`x${','.repeat(16_383)}`);
	});
});

describe('what Excel would read is read in full', () => {
	it('a jump to row 1,048,576 gives that many lines, the text on the last, quickly', () => {
		const [csv] = sheetsOf(
			withRows(
				`<row r="1">${cell('A1', 'dossier_id')}</row><row r="1048576">${cell('A1048576', 'D1')}</row>`
			)
		);
		const lines = csv!.split('\n');
		expect(lines).toHaveLength(1_048_576);
		expect(lines[0]).toBe('dossier_id');
		expect(lines[1_048_575]).toBe('D1');
		expect(lines.slice(1, -1).every((l) => l === '')).toBe(true);
	});

	it.each([
		// 1900 system: serial 1 is 1900-01-01, 59 is 28 February, 60 is Excel's phantom 29 February.
		{ value: '1', expected: '1900-01-01' },
		{ value: '59', expected: '1900-02-28' },
		{ value: '60', expected: '60' },
		{ value: '61', expected: '1900-03-01' },
		{ value: '42005.9999', expected: '2015-01-01' },
		{ value: '2958465', expected: '9999-12-31' },
		{ value: '2958466', expected: '2958466' },
		{ value: '0', expected: '0' },
		{ value: '-5', expected: '-5' },
		{ value: '1E+20', expected: '100000000000000000000' },
		{ value: '1E+308', expected: '1e+308' },
		{ value: '1E+400', expected: '1E+400' },
		{ value: 'abc', expected: 'abc' }
	])(
		'a date cell holding $value keeps its number when it is no day ($expected)',
		({ value, expected }) => {
			const [csv] = sheetsOf(withRows(`<row r="1"><c r="A1" s="1"><v>${value}</v></c></row>`));
			expect(csv).toBe(expected);
		}
	);

	it('a date cell out of range is rejected later as an invalid date, with line and column', () => {
		const row = (n: number, values: string[]) =>
			`<row r="${n}">${values.map((v, i) => (v.startsWith('<') ? v : cell(`${'ABC'[i]}${n}`, v))).join('')}</row>`;
		const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
		const bytes = withParts({
			[SHEET]: sheet(
				row(1, ['dossier_id', 'corporatie', 'doelgroep']) + row(2, ['D1', 'Ymere', 'senior'])
			),
			'xl/worksheets/sheet2.xml': sheet(
				row(1, ['dossier_id', 'datum', 'gebeurtenis']) +
					row(2, ['D1', '<c r="B2" s="1"><v>1E+20</v></c>', 'contact']) +
					row(3, ['D1', '<c r="B3" s="1"><v>42005</v></c>', 'contact'])
			)
		});
		const inputs = readWorkbook({ name: 'datums.xlsx', bytes })!;
		expect(text(inputs[1]!.bytes)).toBe(
			'dossier_id,datum,gebeurtenis\nD1,100000000000000000000,contact\nD1,2015-01-01,contact'
		);
		const result = importFiles(inputs, { today: '2026-01-01' });
		const events = result.files[1]!;
		expect(events.counts).toMatchObject({ gelezen: 2, geaccepteerd: 1, geweigerd: 1 });
		expect(events.rejected.map((r) => [r.line, r.column, r.code])).toEqual([
			[2, 'datum', 'ongeldige_datum']
		]);
		expect(events.rejected[0]!.message).toContain('100000000000000000000');
	});
});

describe('the pipeline refuses the file with the reader’s message', () => {
	it('refuses a hostile workbook whole and loads the other files', async () => {
		const hostile = withRows(`<row r="1">${cell('ZZZZZZ1', 'x')}</row>`);
		const csv = enc('dossier_id;corporatie;doelgroep\nD1;Ymere;senior\n');
		const result = await importSources(
			[
				{ name: NAME, bytes: hostile },
				{ name: 'dossiers.csv', bytes: csv }
			],
			{ today: '2026-01-01' }
		);
		expect(result.refused).toHaveLength(1);
		expect(result.refused[0]).toMatchObject({ name: NAME, code: 'werkmap_onleesbaar' });
		expect(result.refused[0]!.message).toContain('vijandig.xlsx: werkblad ‘dossiers’, rij 1:');
		expect(result.files.map((f) => f.name)).toEqual(['dossiers.csv']);
		expect(result.dossiers).toHaveLength(1);
	});

	it('refuses a workbook whose sheets are all empty instead of loading nothing in silence', async () => {
		const empty = withParts({
			[SHEET]: '<worksheet><sheetData/></worksheet>',
			'xl/worksheets/sheet2.xml':
				'<worksheet><sheetData><row r="1"><c r="A1"/></row></sheetData></worksheet>'
		});
		const result = await importSources([{ name: 'leeg.xlsx', bytes: empty }], {
			today: '2026-01-01'
		});
		expect(result.refused).toEqual([
			{
				name: 'leeg.xlsx',
				code: 'leeg',
				message: 'leeg.xlsx: de werkmap heeft alleen lege werkbladen.',
				personalData: []
			}
		]);
	});
});
