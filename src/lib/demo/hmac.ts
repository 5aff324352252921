/**
 * HMAC-SHA256 (FIPS 180-4, RFC 2104) in plain TypeScript, synchronous: the demo generators make an
 * address key for every dossier while they stream, where Web Crypto (asynchronous) does not fit and
 * node:crypto would tie the demo layer to Node. Only for the fictitious demo data; a test checks
 * it against node:crypto. The importer keeps its own pseudonymisers (import/profiles).
 */

const K = new Uint32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 of the bytes. */
export function sha256(message: Uint8Array): Uint8Array {
	const h = new Uint32Array([
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	]);
	// Padding: 0x80, zeros, and the length in bits as a 64-bit big-endian number.
	const blocks = Math.ceil((message.length + 9) / 64);
	const padded = new Uint8Array(blocks * 64);
	padded.set(message);
	padded[message.length] = 0x80;
	const view = new DataView(padded.buffer);
	const bits = message.length * 8;
	view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000));
	view.setUint32(padded.length - 4, bits >>> 0);
	const w = new Uint32Array(64);
	for (let block = 0; block < blocks; block++) {
		for (let t = 0; t < 16; t++) w[t] = view.getUint32(block * 64 + t * 4);
		for (let t = 16; t < 64; t++) {
			const x = w[t - 15]!;
			const y = w[t - 2]!;
			const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
			const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
			w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) >>> 0;
		}
		let a = h[0]!;
		let b = h[1]!;
		let c = h[2]!;
		let d = h[3]!;
		let e = h[4]!;
		let f = h[5]!;
		let g = h[6]!;
		let hh = h[7]!;
		for (let t = 0; t < 64; t++) {
			const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
			const ch = (e & f) ^ (~e & g);
			const t1 = (hh + s1 + ch + K[t]! + w[t]!) >>> 0;
			const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
			const maj = (a & b) ^ (a & c) ^ (b & c);
			const t2 = (s0 + maj) >>> 0;
			hh = g;
			g = f;
			f = e;
			e = (d + t1) >>> 0;
			d = c;
			c = b;
			b = a;
			a = (t1 + t2) >>> 0;
		}
		// The Uint32Array wraps the sums modulo 2^32.
		[a, b, c, d, e, f, g, hh].forEach((x, i) => (h[i] = h[i]! + x));
	}
	const out = new Uint8Array(32);
	const outView = new DataView(out.buffer);
	for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
	return out;
}

/** HMAC-SHA256 of the message under the key (RFC 2104, block size 64). */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
	const block = new Uint8Array(64);
	block.set(key.length > 64 ? sha256(key) : key);
	const inner = new Uint8Array(64 + message.length);
	const outer = new Uint8Array(64 + 32);
	for (let i = 0; i < 64; i++) {
		inner[i] = block[i]! ^ 0x36;
		outer[i] = block[i]! ^ 0x5c;
	}
	inner.set(message, 64);
	outer.set(sha256(inner), 64);
	return sha256(outer);
}
