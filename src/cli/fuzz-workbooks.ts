/**
 * Hostile workbooks for the workbook reader's property test and for `npm run fuzz`: a valid small
 * workbook (shared, rich and inline strings, dates by style, a skipped row, two sheets), its XML
 * parts mutated (cut, spliced with hostile snippets, repeated, deleted) and its zip bytes mutated
 * (cut, flipped, fields overwritten); and the judgement of one answer: no throw, within a time
 * proportional to the size, and either rows or a one-line Dutch refusal naming the file.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { readWorkbookSheets, type WorkbookRead } from '../lib/import/workbook';
import { crc32 } from '../lib/import/zip';

const encoder = new TextEncoder();

/** The parts of a valid small workbook, as a spreadsheet program writes them. */
export const BASE_PARTS: Readonly<Record<string, string>> = {
	'[Content_Types].xml':
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
	'_rels/.rels':
		'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
	'xl/workbook.xml':
		'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="0"/><sheets><sheet name="dossiers" sheetId="1" r:id="rId1"/><sheet name="Blad &amp; 2" sheetId="2" r:id="rId2"/></sheets></workbook>',
	'xl/_rels/workbook.xml.rels':
		'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
	'xl/sharedStrings.xml':
		'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6"><si><t>dossier_id</t></si><si><t>datum</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">gebeur</t></r><r><t>tenis</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si><si><t>Pré Wonen, &quot;Noord&quot; &lt;1&gt;_x000D_</t></si><si><t>contact</t></si><si/></sst>',
	'xl/styles.xml':
		'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
	'xl/worksheets/sheet1.xml':
		'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D5"/><sheetData>' +
		'<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
		'<row r="2"><c r="A2" t="inlineStr"><is><t>D1</t></is></c><c r="B2" s="1"><v>42005</v></c><c r="C2" t="s"><v>4</v></c><c r="D2"><v>2.5</v></c></row>' +
		'<row r="4"><c r="A4" t="str"><f>A2</f><v>D2</v></c><c r="B4" s="2"><v>42036.75</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#N/A</v></c></row>' +
		'<row><c t="inlineStr"><is><t>D3</t></is></c><c s="1"><v>42100</v></c></row>' +
		'</sheetData></worksheet>',
	'xl/worksheets/sheet2.xml':
		'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b</t></is></c><c r="B1" t="s"><v>5</v></c></row><row r="3"><c r="B3"><v>-1</v></c></row></sheetData></worksheet>'
};

/** The CSV text the reader gives for BASE_PARTS' two sheets. */
export const BASE_CSV = [
	[
		'dossier_id,datum,gebeurtenis,"Pré Wonen, ""Noord"" <1>\r"',
		'D1,2015-01-01,contact,2.5',
		'',
		'D2,2015-02-01,WAAR,#N/A',
		'D3,2015-04-06,,'
	].join('\n'),
	['a & b,', '', ',-1'].join('\n')
];

/** A workbook's bytes from its parts (fflate's zipSync, at a deflate level; 0 stores). */
export function zipParts(
	parts: Readonly<Record<string, string | Uint8Array>>,
	level = 6
): Uint8Array {
	const files: Record<string, Uint8Array> = {};
	for (const [name, part] of Object.entries(parts)) {
		files[name] = typeof part === 'string' ? encoder.encode(part) : part;
	}
	return zipSync(files, { level: level as 0 | 1 | 6 | 9 });
}

/** One entry of writeZip: its content and, to make it lie, any field overridden. */
export interface RawEntry {
	name: string;
	/** The bytes the part inflates to (or is, stored). */
	data: Uint8Array;
	/** The compressed bytes as written; default: `data` deflated (method 8) or `data` (method 0). */
	compressed?: Uint8Array;
	method?: number;
	flags?: number;
	/** Directory fields; default: the true values. */
	crc?: number;
	size?: number;
	compressedSize?: number;
	/** Local header fields; default: the directory's. */
	localCrc?: number;
	localSize?: number;
	localCompressedSize?: number;
	/** Sizes as 0xFFFFFFFF with a zip64 extra field holding them, in both headers. */
	zip64?: boolean;
	/** Flag bit 3: zero sizes and CRC in the local header, a data descriptor after the data. */
	descriptor?: { crc: number; compressedSize: number; size: number } | true;
}

/** A zip written field by field, so that a test can make its directory or headers lie. */
export function writeZip(
	entries: readonly RawEntry[],
	deflate: (data: Uint8Array) => Uint8Array
): Uint8Array {
	const chunks: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = encoder.encode(e.name);
		const method = e.method ?? 8;
		const compressed = e.compressed ?? (method === 8 ? deflate(e.data) : e.data);
		const crc = e.crc ?? crc32(e.data);
		const size = e.size ?? e.data.length;
		const compressedSize = e.compressedSize ?? compressed.length;
		const flags = (e.flags ?? 0x0800) | (e.descriptor ? 0x0008 : 0);
		const extra = (usize: number, csize: number) => {
			if (!e.zip64) return new Uint8Array(0);
			const x = new Uint8Array(20);
			const v = new DataView(x.buffer);
			v.setUint16(0, 0x0001, true);
			v.setUint16(2, 16, true);
			v.setBigUint64(4, BigInt(usize), true);
			v.setBigUint64(12, BigInt(csize), true);
			return x;
		};
		const localSize = e.localSize ?? size;
		const localCompressed = e.localCompressedSize ?? compressedSize;
		const localExtra = extra(localSize, localCompressed);
		const local = new Uint8Array(30 + name.length + localExtra.length);
		const lv = new DataView(local.buffer);
		lv.setUint32(0, 0x04034b50, true);
		lv.setUint16(4, e.zip64 ? 45 : 20, true);
		lv.setUint16(6, flags, true);
		lv.setUint16(8, method, true);
		if (!e.descriptor) {
			lv.setUint32(14, e.localCrc ?? crc, true);
			lv.setUint32(18, e.zip64 ? 0xffffffff : localCompressed, true);
			lv.setUint32(22, e.zip64 ? 0xffffffff : localSize, true);
		}
		lv.setUint16(26, name.length, true);
		lv.setUint16(28, localExtra.length, true);
		local.set(name, 30);
		local.set(localExtra, 30 + name.length);
		chunks.push(local, compressed);
		let length = local.length + compressed.length;
		if (e.descriptor) {
			const d = e.descriptor === true ? { crc, compressedSize, size } : e.descriptor;
			const descriptor = new Uint8Array(16);
			const dv = new DataView(descriptor.buffer);
			dv.setUint32(0, 0x08074b50, true);
			dv.setUint32(4, d.crc, true);
			dv.setUint32(8, d.compressedSize, true);
			dv.setUint32(12, d.size, true);
			chunks.push(descriptor);
			length += descriptor.length;
		}
		const centralExtra = extra(size, compressedSize);
		const central = new Uint8Array(46 + name.length + centralExtra.length);
		const cv = new DataView(central.buffer);
		cv.setUint32(0, 0x02014b50, true);
		cv.setUint16(4, 45, true);
		cv.setUint16(6, e.zip64 ? 45 : 20, true);
		cv.setUint16(8, flags, true);
		cv.setUint16(10, method, true);
		cv.setUint32(16, crc, true);
		cv.setUint32(20, e.zip64 ? 0xffffffff : compressedSize, true);
		cv.setUint32(24, e.zip64 ? 0xffffffff : size, true);
		cv.setUint16(28, name.length, true);
		cv.setUint16(30, centralExtra.length, true);
		cv.setUint32(42, offset, true);
		central.set(name, 46);
		central.set(centralExtra, 46 + name.length);
		centrals.push(central);
		offset += length;
	}
	const centralSize = centrals.reduce((n, c) => n + c.length, 0);
	const end = new Uint8Array(22);
	const ev = new DataView(end.buffer);
	ev.setUint32(0, 0x06054b50, true);
	ev.setUint16(8, entries.length, true);
	ev.setUint16(10, entries.length, true);
	ev.setUint32(12, centralSize, true);
	ev.setUint32(16, offset, true);
	const out = new Uint8Array(offset + centralSize + 22);
	let at = 0;
	for (const part of [...chunks, ...centrals, end]) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** BASE_PARTS (with changes) as RawEntry rows for writeZip, in the order of the object. */
export function rawEntries(parts: Readonly<Record<string, string | Uint8Array>>): RawEntry[] {
	return Object.entries(parts).map(([name, part]) => ({
		name,
		data: typeof part === 'string' ? encoder.encode(part) : part
	}));
}

/** Text that breaks XML, references or Excel's limits, spliced into a part. */
export const HOSTILE_SNIPPETS = [
	'&#x110000;',
	'&#0;',
	'&#xD800;',
	'&#99999999999999999999;',
	'&foo;',
	'&amp',
	'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
	'&b;',
	'<row r="4294967296">',
	'<row r="1048577"/>',
	'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>laatste</t></is></c></row>',
	'<row r="0">',
	'<c r="ZZZZZZ1">',
	'<c r="XFE1"><v>1</v></c>',
	'<c r="A99999999999">',
	'<c r="a1">',
	'<dimension ref="A1:ZZZZ99999999"/>',
	'<dimension ref="A1:XFD1048576"/>',
	'<row>',
	'</row>',
	'<c>',
	'</c>',
	'<v>',
	'<t>',
	'<is>',
	'<sheetData>',
	'<si>',
	'_x0000_',
	'_xD800_',
	'\u0000',
	'\uFFFE',
	'<![CDATA[',
	']]>',
	'<?xml version="1.0" encoding="UTF-16"?>',
	' t="s"',
	' t="x"',
	' s="999"',
	' s="1"',
	'<v>1E+20</v>',
	'<v>-5</v>',
	'<v>99999</v>',
	'<v>abc</v>',
	'<c r="B2" s="1"><v>1E+308</v></c>',
	'<f>',
	'<rPh><t>',
	'"',
	'<',
	'>',
	'&',
	' r="B1"'
];

type PartMutation =
	| { kind: 'cut'; at: number }
	| { kind: 'splice'; at: number; text: string }
	| { kind: 'delete'; at: number; length: number }
	| { kind: 'repeat'; at: number; length: number; times: number };

type ByteMutation =
	| { kind: 'cut'; at: number }
	| { kind: 'flip'; at: number; mask: number }
	| { kind: 'field'; at: number; value: number };

/** How a hostile workbook is made from BASE_PARTS. */
export interface HostileRecipe {
	part: string;
	mutations: PartMutation[];
	drop: string | null;
	level: number;
	bytes: ByteMutation[];
}

const partMutation: fc.Arbitrary<PartMutation> = fc.oneof(
	fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('splice' as const),
			at: fc.nat(),
			text: fc.oneof(
				{ weight: 5, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
				{ weight: 1, arbitrary: fc.string({ maxLength: 12 }) }
			)
		})
	},
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
	fc.record({
		kind: fc.constant('repeat' as const),
		at: fc.nat(),
		length: fc.integer({ min: 1, max: 200 }),
		times: fc.integer({ min: 2, max: 5000 })
	})
);
const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
	fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
	fc.record({
		kind: fc.constant('flip' as const),
		at: fc.nat(),
		mask: fc.integer({ min: 1, max: 255 })
	}),
	fc.record({
		kind: fc.constant('field' as const),
		at: fc.nat(),
		value: fc.constantFrom(0, 1, 0xffff, 0x7fffffff, 0xffffffff, 410_000_000)
	})
);

/** Recipes for hostile workbooks: part mutations, maybe a part dropped, maybe zip bytes mutated. */
export const hostileRecipe: fc.Arbitrary<HostileRecipe> = fc.record({
	part: fc.constantFrom(...Object.keys(BASE_PARTS).filter((p) => p !== '[Content_Types].xml')),
	mutations: fc.array(partMutation, { maxLength: 4 }),
	drop: fc.option(fc.constantFrom(...Object.keys(BASE_PARTS)), { freq: 8 }),
	level: fc.constantFrom(0, 1, 6, 9),
	bytes: fc.oneof(
		{ weight: 3, arbitrary: fc.constant<ByteMutation[]>([]) },
		{ weight: 1, arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 3 }) }
	)
});

/** The bytes of a recipe. */
export function hostileWorkbook(recipe: HostileRecipe): Uint8Array {
	const parts: Record<string, string> = { ...BASE_PARTS };
	let text = parts[recipe.part]!;
	for (const m of recipe.mutations) {
		const at = text.length === 0 ? 0 : m.at % (text.length + 1);
		if (m.kind === 'cut') text = text.slice(0, at);
		else if (m.kind === 'splice') text = text.slice(0, at) + m.text + text.slice(at);
		else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
		else text = text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times) + text.slice(at);
	}
	parts[recipe.part] = text;
	if (recipe.drop !== null) delete parts[recipe.drop];
	let bytes = zipParts(parts, recipe.level);
	for (const m of recipe.bytes) {
		const at = m.at % Math.max(1, bytes.length);
		if (m.kind === 'cut') bytes = bytes.slice(0, Math.max(4, at));
		else if (m.kind === 'flip') bytes[at] = bytes[at]! ^ m.mask;
		else if (at + 4 <= bytes.length)
			new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, m.value, true);
	}
	return bytes;
}

/** The time an answer may take: a fixed allowance plus time in proportion to the file's size. */
export function timeBound(bytes: number): number {
	return 1000 + bytes * 0.05;
}

/** Text that would be a JavaScript error or an English parser message, not a Dutch refusal. */
const NOT_DUTCH =
	/Error|undefined|NaN|\[object|Cannot|Invalid|Unexpected|unexpected|malformed|unclosed|entity|\.ts:|onverwachte fout/;

/** The refusal codes a workbook may get. */
const CODES = new Set(['werkmap_onleesbaar', 'werkmap_te_groot']);

/** What one input gave: rows, or a refusal, and what (if anything) is wrong with that answer. */
export interface Judgement {
	answer: 'rows' | 'refused' | 'threw';
	ms: number;
	message: string | null;
	problem: string | null;
}

/** Reads one hostile workbook and judges the answer. */
export function judge(bytes: Uint8Array, name = 'vijandig.xlsx'): Judgement {
	const start = performance.now();
	let read: WorkbookRead;
	try {
		read = readWorkbookSheets(name, bytes);
	} catch (error) {
		const ms = performance.now() - start;
		return { answer: 'threw', ms, message: String(error), problem: `gooide ${String(error)}` };
	}
	const ms = performance.now() - start;
	const slow = ms > timeBound(bytes.length) ? `te traag: ${ms.toFixed(0)} ms` : null;
	if (read.ok) {
		const broken = read.sheets.find((s) => s.empty !== (s.csv.length === 0));
		return {
			answer: 'rows',
			ms,
			message: null,
			problem: slow ?? (broken ? `blad ${broken.sheet}: empty klopt niet` : null)
		};
	}
	const { code, message } = read.refusal;
	let problem = slow;
	if (!message.startsWith(`${name}: `)) problem ??= 'de melding noemt het bestand niet vooraan';
	if (!CODES.has(code)) problem ??= `onbekende code ${code}`;
	if (message.includes('\n')) problem ??= 'de melding is niet één regel';
	if (NOT_DUTCH.test(message))
		problem ??= 'de melding bevat foutentekst van JavaScript of de parser';
	return { answer: 'refused', ms, message, problem };
}
