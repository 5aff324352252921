/**
 * `npm run preview` and `npm start`: serves the built static site (`build/`) over HTTP with the
 * site's Content-Security-Policy as a response header, and a file's brotli or gzip copy (written
 * at build time, src/cli/precompress.ts) with `Content-Encoding` when the client accepts it. A
 * compressible file without copies (the engine build only old browsers fetch) is sent as it is
 * and compressed in the background, so the next request gets it compressed.
 * No dependencies beyond node:http.
 *
 *     tsx src/cli/serve.ts [dir] [--port N] [--host H]
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { COMPRESSIBLE, MIN_BYTES, precompressFile } from './precompress';

const MIME_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.pdf': 'application/pdf'
};

/** Headers sent on every response, next to the Content-Security-Policy. */
const SECURITY_HEADERS: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

/** Directives a `<meta>` policy cannot carry (SvelteKit leaves them out); added to the header. */
const HEADER_ONLY_DIRECTIVES = "frame-ancestors 'none'";

const CSP_META =
	/<meta\s+http-equiv=["']content-security-policy["']\s+content=(?:"([^"]*)"|'([^']*)')\s*\/?>/i;

/** The Content-Security-Policy of a prerendered page, read from the `<meta>` SvelteKit writes. */
export function policyOfHtml(html: string): string | null {
	const match = CSP_META.exec(html);
	const content = match?.[1] ?? match?.[2];
	if (content === undefined) return null;
	return content
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** The header value for a page policy: the meta policy plus what only a header can say. */
function headerPolicy(policy: string | null): string | null {
	if (policy === null) return null;
	return /(^|;)\s*frame-ancestors\s/i.test(policy)
		? policy
		: `${policy.replace(/;\s*$/, '')}; ${HEADER_ONLY_DIRECTIVES}`;
}

export interface ServerOptions {
	/** The directory to serve (default `build`). */
	dir?: string;
	/** The port; 0 picks any free port (default 4173). */
	port?: number;
	/** The interface to listen on (default 127.0.0.1). */
	host?: string;
	/** Hears every request the server answers: method, path as requested, status. */
	onRequest?: (entry: { method: string; url: string; status: number }) => void;
	/** The cache of compressed copies for on-demand compression (default: precompress.ts's). */
	cacheDir?: string;
}

export interface RunningServer {
	/** The site's origin with a trailing slash, e.g. `http://127.0.0.1:4173/`. */
	url: string;
	close(): Promise<void>;
}

interface Found {
	file: string;
	size: number;
}

/** The precompressed copies the server looks for, best first: `Content-Encoding` and file suffix. */
const ENCODINGS = [
	{ name: 'br', suffix: '.br' },
	{ name: 'gzip', suffix: '.gz' }
] as const;

/** The encodings an `Accept-Encoding` header accepts (q > 0); `*` accepts any not named. */
export function acceptedEncodings(header: string | undefined): Set<string> {
	const accepted = new Set<string>();
	const refused = new Set<string>();
	let any = false;
	for (const part of (header ?? '').split(',')) {
		const [token, ...params] = part.trim().toLowerCase().split(';');
		if (!token) continue;
		const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
		const ok = q === undefined || Number(q) > 0;
		if (token === '*') any = ok;
		else (ok ? accepted : refused).add(token === 'x-gzip' ? 'gzip' : token);
	}
	if (any) for (const { name } of ENCODINGS) if (!refused.has(name)) accepted.add(name);
	return accepted;
}

/** Starts the static file server; resolves once it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const root = resolve(options.dir ?? 'build');
	const rootInfo = await stat(root).catch(() => null);
	if (!rootInfo?.isDirectory())
		throw new Error(`${root} is geen map; bouw eerst de site (vite build)`);

	const policies = new Map<string, { mtimeMs: number; policy: string | null }>();
	/** The header policy of an HTML file, cached per file until it changes on disk. */
	const policyOf = async (file: string, mtimeMs: number): Promise<string | null> => {
		const cached = policies.get(file);
		if (cached?.mtimeMs === mtimeMs) return cached.policy;
		const policy = headerPolicy(policyOfHtml(await readFile(file, 'utf8')));
		policies.set(file, { mtimeMs, policy });
		return policy;
	};
	const indexFile = resolve(root, 'index.html');
	const sitePolicy = async (): Promise<string | null> => {
		const info = await stat(indexFile).catch(() => null);
		return info?.isFile() ? policyOf(indexFile, info.mtimeMs) : null;
	};
	if ((await sitePolicy()) === null) {
		console.warn(`let op: ${indexFile} heeft geen Content-Security-Policy (kit.csp)`);
	}

	const fileAt = async (relative: string): Promise<Found | null> => {
		const file = resolve(root, relative);
		if (file !== root && !file.startsWith(root + sep)) return null;
		const info = await stat(file).catch(() => null);
		return info?.isFile() ? { file, size: info.size } : null;
	};

	/** The precompressed copies of a file that exist, in the order of ENCODINGS. */
	const precompressed = async (file: string) => {
		const variants: { encoding: string; found: Found }[] = [];
		for (const { name, suffix } of ENCODINGS) {
			const info = await stat(file + suffix).catch(() => null);
			if (info?.isFile())
				variants.push({ encoding: name, found: { file: file + suffix, size: info.size } });
		}
		return variants;
	};

	/** Files compressed on demand: each once per server, whatever came of it. */
	const compressing = new Map<string, Promise<void>>();
	const compressLater = (found: Found) => {
		const ext = extname(found.file).toLowerCase();
		if (!COMPRESSIBLE.has(ext) || found.size < MIN_BYTES || compressing.has(found.file)) return;
		compressing.set(
			found.file,
			precompressFile(found.file, options.cacheDir).then(
				() => undefined,
				(error: Error) => console.warn(`comprimeren van ${found.file} mislukt: ${error.message}`)
			)
		);
	};

	/** `/a` → `a`, `a.html`, `a/index.html`; `/` → `index.html`. */
	const lookup = async (pathname: string): Promise<Found | null> => {
		const relative = '.' + pathname;
		if (pathname === '/') return fileAt('index.html');
		return (
			(await fileAt(relative)) ??
			(await fileAt(relative + '.html')) ??
			(await fileAt(relative + '/index.html'))
		);
	};

	const send = async (
		req: IncomingMessage,
		res: ServerResponse,
		status: number,
		headers: Record<string, string | number>,
		body?: string | Found
	) => {
		const policy = await sitePolicy();
		res.statusCode = status;
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		if (policy !== null && !res.hasHeader('Content-Security-Policy')) {
			res.setHeader('Content-Security-Policy', policy);
		}
		for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
		options.onRequest?.({ method: req.method ?? '', url: req.url ?? '', status });
		if (req.method === 'HEAD' || body === undefined) return res.end();
		if (typeof body === 'string') return res.end(body);
		const stream = createReadStream(body.file);
		stream.on('error', () => res.destroy());
		stream.pipe(res);
	};

	const notFound = (req: IncomingMessage, res: ServerResponse) => {
		const body =
			'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Niet gevonden</title></head>' +
			'<body><h1>Niet gevonden</h1><p>Deze pagina bestaat niet. <a href="/">Naar het dashboard</a></p></body></html>';
		return send(
			req,
			res,
			404,
			{
				'Content-Type': MIME_TYPES['.html']!,
				'Content-Length': Buffer.byteLength(body),
				'Cache-Control': 'no-cache'
			},
			body
		);
	};

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			return send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Length': 0 });
		}
		let url: URL;
		let pathname: string;
		try {
			// A request target such as `//` is no URL at all (it would name an empty host).
			url = new URL(req.url ?? '/', 'http://localhost');
			pathname = decodeURIComponent(url.pathname);
		} catch {
			return send(req, res, 400, { 'Content-Length': 0 });
		}
		if (pathname.includes('\0') || pathname.includes('\\')) return notFound(req, res);
		// The site is built with trailingSlash 'never', and its relative asset URLs assume it.
		if (pathname.length > 1 && pathname.endsWith('/')) {
			const location = url.pathname.replace(/\/+$/, '') || '/';
			return send(req, res, 308, { Location: location + url.search, 'Content-Length': 0 });
		}
		const found = await lookup(pathname);
		if (!found) return notFound(req, res);

		const type = MIME_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
		const headers: Record<string, string | number> = {
			'Content-Type': type,
			'Content-Length': found.size,
			'Cache-Control': pathname.startsWith('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		};
		// The body: the best precompressed copy the client accepts, else the file itself.
		let body = found;
		const variants = await precompressed(found.file);
		if (variants.length === 0) compressLater(found);
		if (variants.length > 0) {
			headers['Vary'] = 'Accept-Encoding';
			const accepted = acceptedEncodings(req.headers['accept-encoding']);
			const chosen = variants.find((v) => accepted.has(v.encoding));
			if (chosen) {
				body = chosen.found;
				headers['Content-Encoding'] = chosen.encoding;
				headers['Content-Length'] = chosen.found.size;
			}
		}
		if (type.startsWith('text/html')) {
			const info = await stat(found.file);
			const policy = await policyOf(found.file, info.mtimeMs);
			if (policy !== null) headers['Content-Security-Policy'] = policy;
		}
		return send(req, res, 200, headers, body);
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			console.error(error);
			if (!res.headersSent) res.statusCode = 500;
			res.end();
		});
	});
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(options.port ?? 4173, host, () => {
			server.off('error', fail);
			done();
		});
	});
	const { port } = server.address() as AddressInfo;
	const shownHost = host.includes(':') ? `[${host}]` : host;
	return {
		url: `http://${shownHost}:${port}/`,
		close: async () => {
			await new Promise<void>((done, fail) => {
				server.close((error) => (error ? fail(error) : done()));
				server.closeAllConnections();
			});
			await Promise.all(compressing.values());
		}
	};
}

async function main(argv: string[]): Promise<void> {
	const { values, positionals } = parseArgs({
		args: argv,
		options: { port: { type: 'string', short: 'p' }, host: { type: 'string' } },
		allowPositionals: true
	});
	const port = values.port === undefined ? 4173 : Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`--port ${values.port} is geen geldig poortnummer`);
	}
	const server = await startServer({ dir: positionals[0] ?? 'build', port, host: values.host });
	console.log(`De site draait op ${server.url}  (Ctrl+C om te stoppen)`);
	const stop = () => void server.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main(process.argv.slice(2)).catch((error: Error) => {
		console.error(error.message);
		process.exit(2);
	});
}
