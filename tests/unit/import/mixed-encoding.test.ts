import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/import';
import { decodeBytes } from '../../../src/lib/import/decode';
import { bytes, win1252 } from './helpers';

const today = '2020-01-01';
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('a UTF-8 file with stray Windows-1252 lines', () => {
	it('decodes only those lines as Windows-1252 and names them', () => {
		const input = concat(
			bytes('dossier_id;corporatie;doelgroep\r\nD1;Pré Wonen;senior\r\n'),
			win1252('D2;Pré Wonen;senior\r\n'),
			bytes('D3;Elan Wonen;oggz\r\n'),
			win1252('D4;Pré Wonen;oggz')
		);
		const decoded = decodeBytes('d.csv', input);
		expect(decoded).toEqual({
			ok: true,
			encoding: 'utf-8',
			text: 'dossier_id;corporatie;doelgroep\r\nD1;Pré Wonen;senior\r\nD2;Pré Wonen;senior\r\nD3;Elan Wonen;oggz\r\nD4;Pré Wonen;oggz',
			windows1252Lines: [3, 5]
		});
	});

	it('counts lines ending in a lone CR as the parser does', () => {
		const input = concat(bytes('a;b\rPré;1\r'), win1252('Pré;2'));
		expect(decodeBytes('d.csv', input)).toMatchObject({ windows1252Lines: [3] });
	});

	it('reads a file without any UTF-8 as Windows-1252 whole, without line warnings', () => {
		const decoded = decodeBytes('d.csv', win1252('a;b\nPré;1\nPré;2\n'));
		expect(decoded).toEqual({ ok: true, encoding: 'windows-1252', text: 'a;b\nPré;1\nPré;2\n' });
	});

	it('keeps every label and warns on exactly the rows read as Windows-1252', () => {
		const dossiers = concat(
			bytes('dossier_id;corporatie;doelgroep\nD1;Pré Wonen;senior\n'),
			win1252('D2;Pré Wonen;senior\n')
		);
		const events = bytes(
			'dossier_id;datum;gebeurtenis\nD1;2015-01-01;achterstand_1m\nD2;2015-01-01;achterstand_1m\n'
		);
		const result = importFiles(
			[
				{ name: 'd.csv', bytes: dossiers },
				{ name: 'e.csv', bytes: events }
			],
			{ today }
		);
		expect(result.dossiers.map((d) => d.corporatie)).toEqual(['pre_wonen', 'pre_wonen']);
		const d = result.files[0]!;
		expect(d.windows1252Lines).toEqual([3]);
		expect(d.counts).toMatchObject({ gelezen: 2, geaccepteerd: 2, waarschuwingen: 1 });
		expect(d.warnings.map((w) => [w.line, w.code])).toEqual([[3, 'tekens_windows_1252']]);
	});
});

describe('a NUL byte', () => {
	it('is refused with its line and position', () => {
		const input = concat(bytes('a;b\r\n12;3'), Uint8Array.of(0), bytes('\r\n'));
		const decoded = decodeBytes('x.csv', input);
		expect(decoded.ok).toBe(false);
		if (!decoded.ok) expect(decoded.refusal.message).toMatch(/regel 2, positie 5 \(byte 10\)/);
	});
});
