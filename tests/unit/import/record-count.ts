/**
 * An independent count of physical data records for the import tests: RFC 4180 quotes, with a
 * malformed record (unclosed quote, text after a closing quote, a quoted value swallowing whole
 * rows) counted as its own physical line, as docs/import-decisions.md decides. Blank records are
 * not counted.
 */

/** Number of non-blank data records in `text`: the first non-blank record is the header. */
export function countRecords(text: string, delim: string): number {
	text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	let pos = 0;
	let count = 0;
	let width = -1;
	while (pos < text.length) {
		const lineEnd = nextLineEnd(text, pos);
		const rec = readRecord(text, pos, delim, Math.max(width, 0));
		let blank = false;
		if (rec === null) pos = lineEnd + 1;
		else {
			blank = rec.fields.every((f) => f.trim() === '');
			pos = rec.end + 1;
		}
		if (blank) continue;
		if (width === -1)
			width = rec === null ? text.slice(0, lineEnd).split(delim).length : rec.fields.length;
		else count++;
	}
	return count;
}

function nextLineEnd(text: string, from: number): number {
	const at = text.indexOf('\n', from);
	return at === -1 ? text.length : at;
}

/** One record from `start`: its fields and the index of its ending line break; null when malformed. */
function readRecord(
	text: string,
	start: number,
	delim: string,
	width: number
): { fields: string[]; end: number } | null {
	const fields: string[] = [];
	// A record over lines of which two lines each hold a whole row's delimiters, with a quoted
	// value over lines holding a delimiter, is a stray quote closed by chance.
	let swallowed = false;
	const finish = (end: number) => {
		const lines = text.slice(start, end).split('\n');
		const whole = lines.filter((l) => l.split(delim).length - 1 >= width - 1).length;
		return width >= 3 && swallowed && whole >= 2 ? null : { fields, end };
	};
	let i = start;
	for (;;) {
		if (text[i] === '"') {
			let value = '';
			let from = i + 1;
			for (;;) {
				const q = text.indexOf('"', from);
				if (q === -1) return null;
				value += text.slice(from, q);
				if (text[q + 1] === '"') {
					value += '"';
					from = q + 2;
					continue;
				}
				i = q + 1;
				break;
			}
			if (value.includes('\n')) {
				if (value.includes(delim)) swallowed = true;
				const inner = value.split('\n').slice(1);
				if (width >= 3 && inner.some((l) => l.split(delim).length >= width)) return null;
			}
			while (text[i] === ' ' && delim !== ' ') i++;
			fields.push(value);
			if (text[i] === delim) {
				i++;
				continue;
			}
			if (i >= text.length || text[i] === '\n') return finish(i);
			return null;
		}
		let j = i;
		while (j < text.length && text[j] !== delim && text[j] !== '\n') j++;
		fields.push(text.slice(i, j));
		if (text[j] === delim) {
			i = j + 1;
			continue;
		}
		return finish(j);
	}
}
