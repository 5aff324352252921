/**
 * A zip reader for workbooks that checks what `unzipSync` takes on trust: the central directory is
 * read from the end of the bytes, each part's local header must agree with it (name, method,
 * sizes, CRC-32), and a part is inflated in small slices with fflate's streaming `Inflate`, its
 * inflated bytes counted and its CRC-32 computed on the way. A part that inflates to more or fewer
 * bytes than the directory says (stopped as soon as it passes), or to another checksum, is refused;
 * so is a part whose sizes give an insane compression ratio, before it is inflated.
 * Messages are Dutch and name no file: the caller puts the file's name in front.
 */
import { Inflate } from 'fflate';

/** A zip that cannot be read as it stands; `message` is Dutch and names the part, not the file. */
export class ZipFault extends Error {}

/** One part as the central directory describes it. */
export interface ZipEntry {
	name: string;
	method: number;
	flags: number;
	crc: number;
	compressedSize: number;
	size: number;
	localOffset: number;
	/** Whether the directory gave a size or offset in a zip64 extra field. */
	zip64: boolean;
}

/** A zip's parts by name, and where its central directory starts. */
export interface ZipDirectory {
	entries: Map<string, ZipEntry>;
	/** Lower-cased name to name: OPC part names are case-insensitive. */
	folded: Map<string, string>;
	centralOffset: number;
}

/**
 * A part never inflates to more than this many times its compressed size. Deflate reaches about
 * 1,032:1 at most; measured SpreadsheetML parts (Excel, LibreOffice, write-excel-file, a 200,000-row
 * sheet) stay under 30:1, an empty-cell-heavy sheet under 120:1. Apache POI's default is 100:1.
 */
export const MAX_RATIO = 250;
/** Parts under this size inflated are never refused for their ratio (small XML compresses well). */
const RATIO_GRACE_BYTES = 1_000_000;
/** Compressed bytes per push to the inflater: at most about 66 MB out (deflate: 1,032 to 1). */
const SLICE = 65_536;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
	(b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
/** A 64-bit little-endian number; past 2^53 it cannot be an offset in a byte array here. */
function u64(b: Uint8Array, i: number): number {
	const value = u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
	if (!Number.isSafeInteger(value))
		throw damaged('een grootte in het zip-bestand is onmogelijk groot');
	return value;
}

const damaged = (what: string) =>
	new ZipFault(`${what}; het zip-bestand is beschadigd of onvolledig`);

/** A part's name for a message: control characters shown as `�`, at most 60 characters. */
function quoted(name: string): string {
	// eslint-disable-next-line no-control-regex
	const shown = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd');
	return `‘${shown.length > 60 ? `${shown.slice(0, 59)}…` : shown}’`;
}

/** Reads the central directory: every part's name, sizes, checksum and local offset. */
export function readDirectory(bytes: Uint8Array): ZipDirectory {
	const end = findEnd(bytes);
	if (end < 0) throw damaged('het einde van het zip-bestand (de inhoudsopgave) ontbreekt');
	if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0) {
		throw new ZipFault('het zip-bestand is over meerdere delen verspreid; dat wordt niet gelezen');
	}
	let count = u16(bytes, end + 10);
	let size = u32(bytes, end + 12);
	let offset = u32(bytes, end + 16);
	if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
		const locator = end - 20;
		if (locator < 0 || u32(bytes, locator) !== SIG_LOCATOR64) {
			throw damaged('de zip64-verwijzing naar de inhoudsopgave ontbreekt');
		}
		const end64 = u64(bytes, locator + 8);
		if (end64 + 56 > locator || u32(bytes, end64) !== SIG_END64) {
			throw damaged('de zip64-inhoudsopgave staat niet waar ze zou moeten staan');
		}
		count = u64(bytes, end64 + 32);
		size = u64(bytes, end64 + 40);
		offset = u64(bytes, end64 + 48);
	}
	if (offset + size > end) throw damaged('de inhoudsopgave valt buiten het bestand');
	const entries = new Map<string, ZipEntry>();
	const folded = new Map<string, string>();
	const decoder = new TextDecoder();
	let at = offset;
	for (let n = 0; n < count; n++) {
		if (at + 46 > offset + size || u32(bytes, at) !== SIG_CENTRAL) {
			throw damaged(
				`de inhoudsopgave noemt ${count} ${count === 1 ? 'onderdeel' : 'onderdelen'} maar er staan er minder in`
			);
		}
		const nameLength = u16(bytes, at + 28);
		const extraLength = u16(bytes, at + 30);
		const commentLength = u16(bytes, at + 32);
		const next = at + 46 + nameLength + extraLength + commentLength;
		if (next > offset + size) throw damaged('een regel van de inhoudsopgave is afgebroken');
		const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
		const entry: ZipEntry = {
			name,
			flags: u16(bytes, at + 8),
			method: u16(bytes, at + 10),
			crc: u32(bytes, at + 16),
			compressedSize: u32(bytes, at + 20),
			size: u32(bytes, at + 24),
			localOffset: u32(bytes, at + 42),
			zip64: false
		};
		applyZip64(bytes, at + 46 + nameLength, extraLength, entry);
		if (entry.localOffset + 30 > offset) {
			throw damaged(`onderdeel ${quoted(name)} begint na het begin van de inhoudsopgave`);
		}
		const key = name.toLowerCase();
		if (folded.has(key)) throw damaged(`onderdeel ${quoted(name)} staat twee keer in het bestand`);
		folded.set(key, name);
		entries.set(name, entry);
		at = next;
	}
	return { entries, folded, centralOffset: offset };
}

/** The offset of the end-of-central-directory record (searched back over a comment), or -1. */
function findEnd(bytes: Uint8Array): number {
	const last = bytes.length - 22;
	for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
		if (u32(bytes, i) === SIG_END && i + 22 + u16(bytes, i + 20) === bytes.length) return i;
	}
	return -1;
}

/** Replaces the 32-bit fields that say 0xFFFFFFFF by the values of the zip64 extra field. */
function applyZip64(bytes: Uint8Array, start: number, length: number, entry: ZipEntry): void {
	const wants = [entry.size, entry.compressedSize, entry.localOffset].map((v) => v === 0xffffffff);
	if (!wants.some(Boolean)) return;
	for (let at = start; at + 4 <= start + length;) {
		const id = u16(bytes, at);
		const size = u16(bytes, at + 2);
		if (at + 4 + size > start + length) break;
		if (id === 0x0001) {
			let field = at + 4;
			const take = () => {
				if (field + 8 > at + 4 + size)
					throw damaged(`het zip64-veld van ${quoted(entry.name)} is te kort`);
				const value = u64(bytes, field);
				field += 8;
				return value;
			};
			if (wants[0]) entry.size = take();
			if (wants[1]) entry.compressedSize = take();
			if (wants[2]) entry.localOffset = take();
			entry.zip64 = true;
			return;
		}
		at += 4 + size;
	}
	throw damaged(`onderdeel ${quoted(entry.name)} mist zijn zip64-gegevens`);
}

/**
 * Inflates one part, handing its bytes to `sink` in slices; checks its local header against the
 * directory, its ratio, its inflated size and its CRC-32. Throws ZipFault.
 */
export function inflateEntry(
	bytes: Uint8Array,
	directory: ZipDirectory,
	entry: ZipEntry,
	sink: (chunk: Uint8Array) => void
): void {
	const name = quoted(entry.name);
	if (entry.flags & 0x0001) {
		throw new ZipFault(`onderdeel ${name} is versleuteld; sla de werkmap op zonder wachtwoord`);
	}
	if (entry.method !== 0 && entry.method !== 8) {
		throw new ZipFault(
			`onderdeel ${name} is gecomprimeerd met methode ${entry.method}; alleen ‘deflate’ en ongecomprimeerd worden gelezen`
		);
	}
	const start = dataStart(bytes, directory, entry);
	const end = start + entry.compressedSize;
	if (end > directory.centralOffset)
		throw damaged(`onderdeel ${name} loopt door in de inhoudsopgave`);
	checkDescriptor(bytes, directory, entry, end);
	if (entry.size > RATIO_GRACE_BYTES && entry.size > entry.compressedSize * MAX_RATIO) {
		throw new ZipFault(
			`onderdeel ${name} pakt uit tot ${Math.round(entry.size / Math.max(1, entry.compressedSize))} keer zijn gecomprimeerde grootte ` +
				`(${entry.size} bytes uit ${entry.compressedSize}); dat is een zip-bom, geen werkmap`
		);
	}
	if (entry.method === 0 && entry.compressedSize !== entry.size) {
		throw damaged(`onderdeel ${name} is ongecomprimeerd maar heeft twee verschillende groottes`);
	}
	let produced = 0;
	let crc = 0xffffffff;
	/** What the sink threw: it goes on as it is, through fflate, to the caller. */
	const sinkFailure: { error: unknown; thrown: boolean } = { error: null, thrown: false };
	const take = (chunk: Uint8Array) => {
		produced += chunk.length;
		if (produced > entry.size) {
			throw damaged(
				`onderdeel ${name} pakt uit tot meer dan de ${entry.size} bytes die de inhoudsopgave noemt`
			);
		}
		crc = crc32Update(crc, chunk);
		try {
			sink(chunk);
		} catch (error) {
			sinkFailure.error = error;
			sinkFailure.thrown = true;
			throw error;
		}
	};
	if (entry.method === 0) {
		for (let at = start; at < end; at += 4 * SLICE)
			take(bytes.subarray(at, Math.min(end, at + 4 * SLICE)));
	} else {
		const inflater = new Inflate((chunk) => {
			if (chunk.length > 0) take(chunk);
		});
		// A small part gets small slices, so that a part that lies about its size is stopped after
		// a few megabytes of output, not 66.
		const slice = Math.min(SLICE, Math.max(4096, Math.ceil(entry.size / 64)));
		try {
			if (start === end) inflater.push(new Uint8Array(0), true);
			for (let at = start; at < end; at += slice) {
				inflater.push(bytes.subarray(at, Math.min(end, at + slice)), at + slice >= end);
			}
		} catch (error) {
			if (sinkFailure.thrown) throw sinkFailure.error;
			if (error instanceof ZipFault) throw error;
			// fflate's own errors (unexpected EOF, invalid block type, ...): the deflate data is broken.
			throw damaged(
				`de gecomprimeerde gegevens van onderdeel ${name} zijn afgebroken of onleesbaar`
			);
		}
	}
	if (produced !== entry.size) {
		throw damaged(
			`onderdeel ${name} pakt uit tot ${produced} bytes, maar de inhoudsopgave noemt er ${entry.size}`
		);
	}
	if ((crc ^ 0xffffffff) >>> 0 !== entry.crc) {
		throw damaged(`de controlesom (CRC-32) van onderdeel ${name} klopt niet`);
	}
}

/** Where a part's data starts, after its local header, which must agree with the directory. */
function dataStart(bytes: Uint8Array, directory: ZipDirectory, entry: ZipEntry): number {
	const at = entry.localOffset;
	const name = quoted(entry.name);
	if (u32(bytes, at) !== SIG_LOCAL)
		throw damaged(`onderdeel ${name} staat niet waar de inhoudsopgave zegt`);
	const nameLength = u16(bytes, at + 26);
	const extraLength = u16(bytes, at + 28);
	const start = at + 30 + nameLength + extraLength;
	if (start > directory.centralOffset) throw damaged(`de kop van onderdeel ${name} is afgebroken`);
	const localName = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
	if (localName !== entry.name) {
		throw damaged(`op de plek van onderdeel ${name} staat ${quoted(localName)}`);
	}
	const flags = u16(bytes, at + 6);
	if (u16(bytes, at + 8) !== entry.method || (flags & 0x0001) !== (entry.flags & 0x0001)) {
		throw damaged(`de kop van onderdeel ${name} verschilt van de inhoudsopgave`);
	}
	if (flags & 0x0008) return start;
	const local = {
		crc: u32(bytes, at + 14),
		compressedSize: u32(bytes, at + 18),
		size: u32(bytes, at + 22),
		localOffset: 0
	};
	if (local.size === 0xffffffff || local.compressedSize === 0xffffffff) {
		const probe = { ...entry, ...local, zip64: false };
		applyZip64(bytes, at + 30 + nameLength, extraLength, probe);
		local.size = probe.size;
		local.compressedSize = probe.compressedSize;
	}
	if (local.compressedSize !== entry.compressedSize || local.size !== entry.size) {
		throw damaged(
			`onderdeel ${name} is volgens de inhoudsopgave ${entry.size} bytes (${entry.compressedSize} gecomprimeerd), ` +
				`volgens zijn eigen kop ${local.size} (${local.compressedSize})`
		);
	}
	if (local.crc !== entry.crc) {
		throw damaged(
			`de controlesom van onderdeel ${name} verschilt tussen zijn kop en de inhoudsopgave`
		);
	}
	return start;
}

/** A part written with a data descriptor (flag bit 3): the descriptor after the data must agree. */
function checkDescriptor(
	bytes: Uint8Array,
	directory: ZipDirectory,
	entry: ZipEntry,
	end: number
): void {
	if (!(u16(bytes, entry.localOffset + 6) & 0x0008)) return;
	let at = end;
	const wide = entry.zip64;
	const length = wide ? 20 : 12;
	if (at + 4 <= directory.centralOffset && u32(bytes, at) === SIG_DESCRIPTOR) at += 4;
	const name = quoted(entry.name);
	if (at + length > directory.centralOffset)
		throw damaged(`de gegevensbeschrijving van onderdeel ${name} ontbreekt`);
	const crc = u32(bytes, at);
	const compressedSize = wide ? u64(bytes, at + 4) : u32(bytes, at + 4);
	const size = wide ? u64(bytes, at + 12) : u32(bytes, at + 8);
	if (crc !== entry.crc || compressedSize !== entry.compressedSize || size !== entry.size) {
		throw damaged(`de gegevensbeschrijving van onderdeel ${name} verschilt van de inhoudsopgave`);
	}
}

/** CRC-32 (IEEE), slicing by four: about a gigabyte a second in V8. */
const CRC_TABLES = (() => {
	const tables = new Int32Array(4 * 256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		tables[n] = c;
	}
	for (let n = 0; n < 256; n++) {
		for (let t = 1; t < 4; t++) {
			const prev = tables[(t - 1) * 256 + n]!;
			tables[t * 256 + n] = tables[prev & 0xff]! ^ (prev >>> 8);
		}
	}
	return tables;
})();

/** The running CRC-32 (not yet inverted) after `chunk`. */
export function crc32Update(crc: number, chunk: Uint8Array): number {
	const t = CRC_TABLES;
	let c = crc | 0;
	let i = 0;
	const n4 = chunk.length & ~3;
	for (; i < n4; i += 4) {
		c ^= chunk[i]! | (chunk[i + 1]! << 8) | (chunk[i + 2]! << 16) | (chunk[i + 3]! << 24);
		c =
			t[768 + (c & 0xff)]! ^
			t[512 + ((c >>> 8) & 0xff)]! ^
			t[256 + ((c >>> 16) & 0xff)]! ^
			t[c >>> 24]!;
	}
	for (; i < chunk.length; i++) c = t[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8);
	return c >>> 0;
}

/** The CRC-32 of some bytes, as a zip stores it. */
export function crc32(bytes: Uint8Array): number {
	return (crc32Update(0xffffffff, bytes) ^ 0xffffffff) >>> 0;
}
