/** The draft letter as a Word document (.docx); `docx` is loaded only when a document is made. */
import { isIsoDate } from '../domain/dates';
import { formatDate } from './format';
import type { LetterDraft } from './letter';
import { modeLabel, type Mode } from './publication';

export interface DocxMeta {
	mode: Mode;
	/** The day the document is made: `YYYY-MM-DD` (shown as `30 december 2016`) or display text. */
	generatedOn: string;
}

export const DOCX_MIME_TYPE =
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The letter as .docx bytes: the mode line in the header of every page, "Pagina X van Y" in the
 * footer, headings, and tables whose rows never break across pages and whose header row repeats.
 * Works in Node and in the browser (`Packer.pack(…, 'uint8array')` needs neither Buffer nor Blob).
 */
export async function letterToDocx(draft: LetterDraft, meta: DocxMeta): Promise<Uint8Array> {
	const {
		AlignmentType,
		BorderStyle,
		Document,
		Footer,
		Header,
		HeadingLevel,
		Packer,
		PageNumber,
		Paragraph,
		Table,
		TableCell,
		TableRow,
		TextRun,
		WidthType
	} = await import('docx');

	const generatedOn = isIsoDate(meta.generatedOn) ? formatDate(meta.generatedOn) : meta.generatedOn;
	const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
	const borders = { top: border, bottom: border, left: border, right: border };

	const table = (t: LetterDraft['tables'][number]) => {
		const cell = (text: string, column: number, bold: boolean) =>
			new TableCell({
				borders,
				margins: { top: 40, bottom: 40, left: 80, right: 80 },
				children: [
					new Paragraph({
						alignment: column === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
						children: [new TextRun({ text, bold })]
					})
				]
			});
		return [
			new Paragraph({
				keepNext: true,
				spacing: { before: 240, after: 80 },
				children: [new TextRun({ text: t.caption, bold: true })]
			}),
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				rows: [
					new TableRow({
						tableHeader: true,
						cantSplit: true,
						children: t.header.map((text, i) => cell(text, i, true))
					}),
					...t.rows.map(
						(r) =>
							new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, i, false)) })
					)
				]
			})
		];
	};

	const doc = new Document({
		title: draft.title,
		creator: 'Evaluatiedashboard preventie huisuitzettingen',
		description: modeLabel(meta.mode),
		styles: { default: { document: { run: { language: { value: 'nl-NL' } } } } },
		sections: [
			{
				headers: {
					default: new Header({
						children: [
							new Paragraph({
								alignment: AlignmentType.RIGHT,
								children: [new TextRun({ text: modeLabel(meta.mode), size: 16, italics: true })]
							})
						]
					})
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.RIGHT,
								children: [
									new TextRun({
										size: 16,
										children: [
											`Gemaakt op ${generatedOn} · Pagina `,
											PageNumber.CURRENT,
											' van ',
											PageNumber.TOTAL_PAGES
										]
									})
								]
							})
						]
					})
				},
				children: [
					new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(draft.title)] }),
					...draft.paragraphs.flatMap((p) => [
						new Paragraph({
							heading: HeadingLevel.HEADING_2,
							keepNext: true,
							children: [new TextRun(p.heading)]
						}),
						new Paragraph({ spacing: { after: 160 }, children: [new TextRun(p.text)] })
					]),
					...draft.tables.flatMap(table)
				]
			}
		]
	});
	return Packer.pack(doc, 'uint8array');
}
