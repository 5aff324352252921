/**
 * The draft letter as text to take elsewhere: Markdown (the command line's `--format md` and the
 * golden files), HTML (the clipboard's `text/html`, for Word and Writer: headings and real tables)
 * and plain text without any Markdown marks (the clipboard's `text/plain`). All pure.
 */
import { escapeMarkdown } from '../markdown';
import { modeLabel, type Mode } from '../publication';
import type { LetterDraft } from './types';

/** The draft as Markdown: `#` title, `##` paragraph headings, `### Tabel:` and pipe tables. */
export function letterToMarkdown(draft: LetterDraft, mode: Mode): string {
	const md = escapeMarkdown;
	const row = (cells: readonly unknown[]) => `| ${cells.map((c) => md(String(c))).join(' | ')} |`;
	const out: string[] = [`# ${md(draft.title)}`, '', md(modeLabel(mode)), ''];
	for (const p of draft.paragraphs) out.push(`## ${md(p.heading)}`, '', md(p.text), '');
	for (const t of draft.tables) {
		out.push(`### Tabel: ${md(t.caption)}`, '');
		out.push(row(t.header));
		out.push(`|${t.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
		for (const r of t.rows) out.push(row(r));
		out.push('');
	}
	return out.join('\n');
}

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text as HTML character data (also safe inside a quoted attribute). */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** A paragraph's text as HTML paragraphs: a blank line starts a new one, a single line break stays one. */
function htmlParagraphs(text: string): string {
	return text
		.split(/\r?\n\s*\r?\n/)
		.map((block) => block.trim())
		.filter((block) => block !== '')
		.map((block) => `<p>${block.split(/\r?\n/).map(escapeHtml).join('<br />')}</p>`)
		.join('\n');
}

/**
 * The draft as an HTML document for the clipboard and for Word or Writer: `h1` title, the mode,
 * `h2` per paragraph, and each table as a `table` with a `caption`, a header row of `th` and the
 * first cell of each row as its row header. Everything from the draft is escaped; no styles.
 */
export function letterToHtml(draft: LetterDraft, mode: Mode): string {
	const out: string[] = [
		'<!DOCTYPE html>',
		'<html lang="nl">',
		`<head><meta charset="utf-8" /><title>${escapeHtml(draft.title)}</title></head>`,
		'<body>',
		`<h1>${escapeHtml(draft.title)}</h1>`,
		`<p><em>${escapeHtml(modeLabel(mode))}</em></p>`
	];
	for (const p of draft.paragraphs) {
		out.push(`<h2>${escapeHtml(p.heading)}</h2>`, htmlParagraphs(p.text));
	}
	for (const t of draft.tables) {
		out.push(`<h3>Tabel: ${escapeHtml(t.caption)}</h3>`, '<table border="1">');
		out.push(
			`<thead><tr>${t.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`
		);
		out.push('<tbody>');
		for (const r of t.rows) {
			const [label = '', ...cells] = r;
			out.push(
				`<tr><th scope="row" align="left">${escapeHtml(label)}</th>${cells.map((c) => `<td align="right">${escapeHtml(c)}</td>`).join('')}</tr>`
			);
		}
		out.push('</tbody>', '</table>');
	}
	out.push('</body>', '</html>');
	return out.join('\n');
}

/**
 * The draft as plain text: the title, the mode, each heading on its own line above its text, and
 * each table with its rows as tab-separated cells (they paste into a spreadsheet as columns). No
 * Markdown marks; paragraphs separated by a blank line.
 */
export function letterToPlainText(draft: LetterDraft, mode: Mode): string {
	const out: string[] = [draft.title, '', modeLabel(mode), ''];
	for (const p of draft.paragraphs) out.push(p.heading, p.text.trim(), '');
	for (const t of draft.tables) {
		out.push(`Tabel: ${t.caption}`, t.header.join('\t'));
		for (const r of t.rows) out.push(r.join('\t'));
		out.push('');
	}
	return out.join('\n');
}
