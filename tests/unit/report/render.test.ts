/**
 * The letter as it leaves the page by "Kopieer tekst": HTML for Word and Writer (headings and real
 * tables, everything escaped, well-formed) and plain text without Markdown marks. The Markdown
 * renderer stays for the command line and the golden letters.
 */
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import {
	draftLetter,
	letterToHtml,
	letterToMarkdown,
	letterToPlainText,
	type LetterDraft
} from '../../../src/lib/report/letter';
import { expectGolden } from './golden';
import { LETTER_CASES } from './letter-cases';

/** The elements of a well-formed (XHTML-compatible) document: name, attributes and text, in order. */
function elements(
	html: string
): { name: string; attributes: Record<string, string>; text: string }[] {
	const parser = new SaxesParser();
	const out: { name: string; attributes: Record<string, string>; text: string }[] = [];
	const open: number[] = [];
	parser.on('opentag', (tag) => {
		open.push(out.length);
		out.push({ name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' });
	});
	parser.on('text', (text) => {
		for (const i of open) (out[i] as { text: string }).text += text;
	});
	parser.on('closetag', () => open.pop());
	parser.write(html).close();
	return out;
}

const brief2015 = LETTER_CASES.find((c) => c.name === 'brief-2015')!.input;

describe('letterToHtml', () => {
	it('gives headings, paragraphs and tables, well-formed', async () => {
		const draft = draftLetter(brief2015);
		const html = letterToHtml(draft, 'intern');
		const tags = elements(html);
		const of = (name: string) => tags.filter((t) => t.name === name);
		expect(of('h1').map((t) => t.text)).toEqual([draft.title]);
		expect(of('h2').map((t) => t.text)).toEqual(draft.paragraphs.map((p) => p.heading));
		expect(of('table')).toHaveLength(draft.tables.length);
		const first = draft.tables[0]!;
		expect(
			of('th')
				.slice(0, first.header.length)
				.map((t) => t.text)
		).toEqual(first.header);
		expect(of('tr')).toHaveLength(draft.tables.reduce((n, t) => n + 1 + t.rows.length, 0));
		// The paragraph text as drafted, and no Markdown anywhere.
		const d = draft.paragraphs.find((p) => p.id === 'd')!;
		expect(of('p').map((t) => t.text)).toContain(d.text);
		expect(html).not.toMatch(/^#|\*\*|\| ---/m);
		await expectGolden('letter-brief-2015-html', html);
	});

	it('escapes what the data and the user wrote, and keeps their line breaks', () => {
		const draft: LetterDraft = {
			title: 'Brief <b>vet</b> & "zo"',
			paragraphs: [
				{ id: 'inleiding', heading: 'Inleiding <script>', text: 'Eén & twee\nDrie\n\nVier <i>' }
			],
			tables: [
				{
					id: 'redenen',
					caption: 'Reden <x>',
					header: ['Reden', 'Pré & Co'],
					rows: [['<img src=x onerror=alert(1)>', '< 5']]
				}
			]
		};
		const html = letterToHtml(draft, 'publicatie');
		expect(html).not.toMatch(/<(b|i|script|img|x)[ >]/);
		const tags = elements(html);
		expect(tags.find((t) => t.name === 'h1')?.text).toBe('Brief <b>vet</b> & "zo"');
		expect(tags.filter((t) => t.name === 'p').map((t) => t.text)).toContain('Eén & tweeDrie');
		expect(tags.filter((t) => t.name === 'br')).toHaveLength(1);
		expect(tags.filter((t) => t.name === 'td').map((t) => t.text)).toEqual(['< 5']);
		expect(tags.find((t) => t.name === 'th' && t.attributes.scope === 'row')?.text).toBe(
			'<img src=x onerror=alert(1)>'
		);
	});
});

describe('letterToPlainText', () => {
	it('has no Markdown marks: headings on their own lines, tables tab-separated', async () => {
		for (const { input } of LETTER_CASES) {
			const draft = draftLetter(input);
			const text = letterToPlainText(draft, input.mode);
			expect(text).not.toMatch(/^#|\*\*|\||^---/m);
			expect(text).not.toContain('\\');
			const lines = text.split('\n');
			for (const p of draft.paragraphs) {
				const at = lines.indexOf(p.heading);
				expect(at, p.heading).toBeGreaterThan(0);
				expect(lines[at + 1]).toBe(p.text);
			}
			for (const t of draft.tables) {
				const at = lines.indexOf(`Tabel: ${t.caption}`);
				expect(lines[at + 1]).toBe(t.header.join('\t'));
				expect(lines[at + 2]).toBe(t.rows[0]!.join('\t'));
			}
		}
		await expectGolden(
			'letter-brief-2015-tekst',
			letterToPlainText(draftLetter(brief2015), 'intern')
		);
	});

	it('differs from the Markdown only by the marks', () => {
		const draft = draftLetter(brief2015);
		const words = (s: string) =>
			s
				.replace(/[#|*\\\t-]+/g, ' ')
				.replace(/\s+/g, ' ')
				.trim();
		const markdown = words(letterToMarkdown(draft, 'intern').replace(/^\| -.*$/gm, ''));
		expect(words(letterToPlainText(draft, 'intern'))).toBe(markdown);
	});
});
