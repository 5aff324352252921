/** A minimal zip reader for the tests: finds an entry through the central directory and inflates it. */
import { inflateRawSync } from 'node:zlib';

/** The entry's bytes, or null when the archive has no such entry. */
export function readZipEntry(zip: Uint8Array, name: string): Uint8Array | null {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	let end = zip.length - 22;
	while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
	if (end < 0) throw new Error('no end of central directory');
	const count = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	const decoder = new TextDecoder();
	for (let i = 0; i < count; i++) {
		if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad central directory entry');
		const method = view.getUint16(at + 10, true);
		const compressedSize = view.getUint32(at + 20, true);
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		const localOffset = view.getUint32(at + 42, true);
		const entryName = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
		if (entryName === name) {
			const localNameLength = view.getUint16(localOffset + 26, true);
			const localExtraLength = view.getUint16(localOffset + 28, true);
			const start = localOffset + 30 + localNameLength + localExtraLength;
			const data = zip.subarray(start, start + compressedSize);
			if (method === 0) return data;
			if (method === 8) return new Uint8Array(inflateRawSync(data));
			throw new Error(`unsupported compression method ${method}`);
		}
		at += 46 + nameLength + extraLength + commentLength;
	}
	return null;
}
