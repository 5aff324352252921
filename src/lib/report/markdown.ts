/** Markdown output of labels from the data: nothing in a label can make a table, a link or HTML. */

/**
 * Escapes text for Markdown: backslash-escapes `\ ` * _ [ ] |`, a `<` that would open a tag,
 * and an `&` that would start an entity; line breaks become spaces. `< 5` stays as it is.
 */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/\r\n?|\n/g, ' ')
		.replace(/[\\`*_[\]|]/g, '\\$&')
		.replace(/<(?=[A-Za-z/!?])/g, '\\<')
		.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;');
}
