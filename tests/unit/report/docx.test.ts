/** The Word export: a real .docx with the title, the mode in the header and "Pagina X van Y" in the footer. */
import { beforeAll, describe, expect, it } from 'vitest';
import { letterToDocx } from '../../../src/lib/report/docx';
import { draftLetter } from '../../../src/lib/report/letter';
import { modeLabel } from '../../../src/lib/report/publication';
import { LETTER_CASES } from './letter-cases';
import { readZipEntry } from './unzip';

const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes ?? new Uint8Array());
const input = LETTER_CASES.find((c) => c.name === 'brief-2015-publicatie')!.input;
const draft = draftLetter(input);

describe('letterToDocx', () => {
	let bytes: Uint8Array;
	let document: string;
	let header: string;
	let footer: string;
	beforeAll(async () => {
		bytes = await letterToDocx(draft, { mode: 'publicatie', generatedOn: '2015-05-20' });
		document = text(readZipEntry(bytes, 'word/document.xml'));
		header = text(readZipEntry(bytes, 'word/header1.xml'));
		footer = text(readZipEntry(bytes, 'word/footer1.xml'));
	});

	it('is a zip archive (PK) in a Uint8Array', () => {
		expect(bytes).toBeInstanceOf(Uint8Array);
		expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
	});

	it('holds the title, every heading and the tables', () => {
		expect(document).toContain(draft.title);
		for (const p of draft.paragraphs) expect(document).toContain(p.heading);
		expect(document).toContain('zijn in totaal achttien aanzeggingen tot huisuitzetting geweest');
		expect(document).toContain('Pré Wonen');
		expect(document).toContain('<w:tblHeader/>');
		expect(document).toContain('<w:cantSplit/>');
	});

	it('prints the mode in the header and "Pagina X van Y" in the footer of every page', () => {
		expect(header).toContain(modeLabel('publicatie').replace(/</g, '&lt;'));
		expect(footer).toContain('Pagina');
		expect(footer).toContain('Gemaakt op 20 mei 2015');
		expect(footer).toMatch(/PAGE/);
		expect(footer).toMatch(/NUMPAGES/);
	});
});
