/**
 * The browser-test harness: the built site (`build/`) served by src/cli/serve.ts on a free port,
 * in Debian's Chromium driven by playwright-core. Run with
 *
 *     npm run build && npm run test:e2e
 *
 * (`npm test` does both, after the unit tests). Set CHROMIUM_PATH for another Chromium binary.
 *
 * Every test's pages are watched: a request to any origin other than the server's, a console
 * error, an uncaught error or a CSP violation, in the page or in any of its workers, fails the
 * test (checked after each test). Playwright reports the requests of dedicated workers too
 * (the DuckDB worker fetches the .wasm); the server's own request log is checked against them,
 * so a request the recorder missed also fails the test.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from '../../src/cli/chromium';
import { startServer, type RunningServer } from '../../src/cli/serve';
import { dayAfter, dayBefore } from '../../src/lib/report/format';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The hand-made exchange files of the browser tests. */
export const FIXTURES = {
	dossiers: `${ROOT}tests/fixtures/e2e/dossiers.csv`,
	gebeurtenissen: `${ROOT}tests/fixtures/e2e/gebeurtenissen.csv`
};

/** One browser context with one page, and everything it did. */
export interface Session {
	page: Page;
	context: BrowserContext;
	/** Every request made by the context's pages and workers, in order (absolute URLs). */
	requests: string[];
	/** The script URL of every worker the page started. */
	workers: string[];
	consoleErrors: string[];
	pageErrors: string[];
	/** Problems found so far: other origins, console and page errors, CSP violations. */
	problems(): Promise<string[]>;
	/** Throws when `problems()` is not empty. */
	assertClean(): Promise<void>;
}

export interface Site {
	/** The server's origin, e.g. `http://127.0.0.1:43123`. */
	readonly origin: string;
	/** An absolute URL on the site for a path such as `/import?van=2015-01-01`. */
	url(path: string): string;
	/** A fresh browser context with one page; closed and checked after the test. */
	open(): Promise<Session>;
}

/**
 * Registers the hooks that serve the built site and start Chromium for this test file. Pages
 * opened with `site.open()` are checked and closed after each test.
 */
export function useSite(): Site {
	let server: RunningServer | undefined;
	let browser: Browser | undefined;
	let origin = '';
	const served: string[] = [];
	let sessions: Session[] = [];

	beforeAll(async () => {
		if (!existsSync(`${ROOT}build/index.html`)) {
			throw new Error('build/index.html ontbreekt: bouw de site eerst (npm run build)');
		}
		server = await startServer({
			dir: `${ROOT}build`,
			port: 0,
			onRequest: ({ method, url }) => served.push(`${method} ${url}`)
		});
		origin = new URL(server.url).origin;
		browser = await launchChromium();
	});

	afterEach(async () => {
		const open = sessions;
		sessions = [];
		const problems = (await Promise.all(open.map((s) => s.problems()))).flat();
		const recorded = new Set(open.flatMap((s) => s.requests).map((u) => new URL(u).pathname));
		for (const entry of served.splice(0)) {
			const path = new URL(entry.split(' ')[1]!, origin).pathname;
			// Chromium asks for /favicon.ico by itself when a page links no icon.
			if (!recorded.has(path) && path !== '/favicon.ico') {
				problems.push(`de server kreeg ${entry}, maar de browsertest zag dat verzoek niet`);
			}
		}
		await Promise.all(open.map((s) => s.context.close()));
		if (problems.length > 0) throw new Error(`Problemen in de pagina:\n${problems.join('\n')}`);
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	return {
		get origin() {
			return origin;
		},
		url: (path) => new URL(path, origin).href,
		async open() {
			if (!browser) throw new Error('de browser is niet gestart');
			const session = await openSession(browser, origin);
			sessions.push(session);
			return session;
		}
	};
}

async function openSession(browser: Browser, origin: string): Promise<Session> {
	const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
	const requests: string[] = [];
	const workers: string[] = [];
	const consoleErrors: string[] = [];
	const pageErrors: string[] = [];
	// The context's events cover its pages and their (nested) dedicated workers.
	context.on('request', (request) => requests.push(request.url()));
	context.on('console', (message) => {
		if (message.type() === 'error') {
			const where = message.location().url;
			consoleErrors.push(`${message.text()}${where ? ` (${where})` : ''}`);
		}
	});
	context.on('weberror', (error) => pageErrors.push(error.error().stack ?? String(error.error())));
	await context.addInitScript(WATCHER);
	const page = await context.newPage();
	page.on('worker', (worker) => workers.push(worker.url()));

	const problems = async () => {
		const found: string[] = [];
		for (const url of requests) {
			const { protocol } = new URL(url);
			// blob: and data: URLs belong to the page (a blob: URL carries the page's origin).
			if (protocol === 'data:') continue;
			const requestOrigin =
				protocol === 'blob:' ? new URL(url.slice(5)).origin : new URL(url).origin;
			if (requestOrigin !== origin) found.push(`verzoek naar een andere origin: ${url}`);
		}
		for (const url of workers) {
			if (!url.startsWith(origin + '/')) found.push(`worker van buiten de site: ${url}`);
		}
		for (const error of consoleErrors) found.push(`console-fout: ${error}`);
		for (const error of pageErrors) found.push(`paginafout: ${error}`);
		for (const p of context.pages()) {
			if (p.isClosed()) continue;
			const violations = await p
				.evaluate(() => (window as unknown as WatchedWindow).__e2e?.violations ?? [])
				.catch(() => [] as string[]);
			for (const v of violations) found.push(`CSP-overtreding: ${v}`);
		}
		return found;
	};

	return {
		page,
		context,
		requests,
		workers,
		consoleErrors,
		pageErrors,
		problems,
		async assertClean() {
			const found = await problems();
			if (found.length > 0) throw new Error(`Problemen in de pagina:\n${found.join('\n')}`);
		}
	};
}

interface WatchedWindow {
	__e2e?: { ready: number; violations: string[] };
}

/**
 * Runs in every page before its own scripts: counts the moments the root's `data-state` becomes
 * `ready` (so a test can wait for the next one) and records CSP violations.
 */
const WATCHER = `(() => {
	const state = { ready: 0, violations: [] };
	window.__e2e = state;
	document.addEventListener('securitypolicyviolation', (e) => {
		state.violations.push(e.violatedDirective + ' ' + (e.blockedURI || '(inline)') +
			(e.sourceFile ? ' in ' + e.sourceFile + ':' + e.lineNumber : ''));
	});
	new MutationObserver((records) => {
		for (const r of records) {
			// The root only: a section's own data-state (loading until its figures) is not the page's.
			if (r.target !== document.documentElement) continue;
			if (r.target.getAttribute('data-state') === 'ready' && r.oldValue !== 'ready') state.ready++;
		}
	}).observe(document, {
		subtree: true,
		attributes: true,
		attributeFilter: ['data-state'],
		attributeOldValue: true
	});
})();`;

/** How many times the page became ready so far; pass it to `waitForReady` as `since`. */
export async function readyMark(page: Page): Promise<number> {
	return page.evaluate(() => (window as unknown as WatchedWindow).__e2e?.ready ?? 0);
}

/**
 * Waits until the page's root element (the first `[data-state]`) says `ready`; with `since`
 * (from `readyMark`), until it has become ready again after that mark. Throws on `error`.
 */
export async function waitForReady(
	page: Page,
	options: { since?: number; timeout?: number } = {}
): Promise<void> {
	const handle = await page.waitForFunction(
		(since) => {
			const root = document.querySelector('[data-state]');
			const state = root?.getAttribute('data-state');
			const count = (window as unknown as WatchedWindow).__e2e?.ready ?? 0;
			if (state === 'error') {
				const alert = document.querySelector('[role="alert"]')?.textContent?.trim();
				return `error${alert ? `: ${alert}` : ''}`;
			}
			if (state === 'ready' && (since === null || count > since)) return 'ready';
			return false;
		},
		options.since ?? null,
		{ timeout: options.timeout ?? 90_000 }
	);
	const state = (await handle.jsonValue()) as string;
	if (state !== 'ready') throw new Error(`de pagina meldt data-state="${state}"`);
}

/** Runs `action` and waits until the page has become ready again after it. */
export async function settle(page: Page, action: () => Promise<unknown>): Promise<void> {
	const since = await readyMark(page);
	await action();
	await waitForReady(page, { since });
}

/** The `data-value` of the first `[data-metric="id"]` (null when there is none). */
export async function readMetric(page: Page, id: string): Promise<string | null> {
	const element = page.locator(`[data-metric="${id}"]`).first();
	if ((await element.count()) === 0) return null;
	return element.getAttribute('data-value');
}

/** Every `[data-metric]` on the page, in document order. */
export async function readMetrics(page: Page): Promise<{ id: string; value: string | null }[]> {
	return page.$$eval('[data-metric]', (elements) =>
		elements.map((e) => ({
			id: e.getAttribute('data-metric') ?? '',
			value: e.getAttribute('data-value')
		}))
	);
}

/** Hands files to the page's exchange-file picker (`<input type="file" multiple>`) and waits. */
export async function uploadFiles(page: Page, paths: string[]): Promise<void> {
	await settle(page, () =>
		page.locator('input[type="file"][multiple]').first().setInputFiles(paths)
	);
}

/**
 * Sets the period `[van, tot)` through the date inputs `van` and `tm` (the last day, inclusive:
 * `tot` − 1 day), never passing through a `tm` before `van` (the page refuses that with an alert).
 */
export async function setPeriod(page: Page, van: string, tot: string): Promise<void> {
	const vanInput = page.locator('input[type="date"][name="van"]');
	const tmInput = page.locator('input[type="date"][name="tm"]');
	const tm = dayBefore(tot);
	const set = async (input: typeof vanInput, value: string) => {
		if ((await input.inputValue()) === value) return;
		await settle(page, () => input.fill(value));
	};
	if (van <= (await tmInput.inputValue())) {
		await set(vanInput, van);
		await set(tmInput, tm);
	} else {
		await set(tmInput, tm);
		await set(vanInput, van);
	}
}

/** The period the date inputs show, as `[van, tot)`: `tot` is the day after the input `tm`. */
export async function readPeriod(page: Page): Promise<{ van: string; tot: string }> {
	const van = await page.locator('input[type="date"][name="van"]').inputValue();
	const tm = await page.locator('input[type="date"][name="tm"]').inputValue();
	return { van, tot: dayAfter(tm) };
}

/** Follows the page's own link to `path` (a client-side navigation: loaded data stays). */
export async function followLink(page: Page, path: string): Promise<void> {
	const href = await page.$$eval(
		'a[href]',
		(anchors, target) =>
			anchors
				.filter((a) => (a as HTMLElement).offsetParent !== null || a.getClientRects().length > 0)
				.map((a) => a.getAttribute('href')!)
				// An in-page anchor (the skip link) is no link to a page.
				.filter((href) => !href.startsWith('#'))
				.find((href) => new URL(href, location.href).pathname === target) ?? null,
		path
	);
	if (href === null) throw new Error(`de pagina heeft geen zichtbare link naar ${path}`);
	await page.locator(`a[href="${href}"]`).first().click();
	await page.waitForURL((url) => url.pathname === path);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');

/** One axe-core finding, flattened for a readable assertion message. */
export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is and returns the violations. axe is
 * evaluated through the DevTools protocol, which the page's CSP does not govern, so the page
 * keeps its real policy.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
	await page.evaluate(axeSource);
	return page.evaluate(async (tags) => {
		const axe = (window as unknown as { axe: AxeGlobal }).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact ?? null,
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(' '))
		}));
	}, AXE_TAGS);
}

interface AxeGlobal {
	run(
		context: Document,
		options: object
	): Promise<{
		violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
	}>;
}

/** The command-line evaluator's JSON document (the parts the tests read). */
export interface EvaluationJson {
	selectie: Record<string, unknown>;
	import: Record<string, unknown>;
	totaal: Record<string, unknown>;
	per_corporatie: Record<string, unknown>;
}

const run = promisify(execFile);

/** The command line's `totaal` for the files over the period the page shows. */
export async function cliTotaal(
	page: Page,
	files: { dossiers: string[]; gebeurtenissen: string[] }
): Promise<Record<string, unknown>> {
	const doc = await evaluateCli({ ...files, ...(await readPeriod(page)) });
	return doc.totaal as Record<string, unknown>;
}

/** Runs `src/cli/evaluate.ts` (JSON) on files and a period, as `npm run evaluate` would. */
export async function evaluateCli(args: {
	dossiers: string[];
	gebeurtenissen: string[];
	van: string;
	tot: string;
	extra?: string[];
}): Promise<EvaluationJson> {
	const argv = [
		'src/cli/evaluate.ts',
		...args.dossiers.flatMap((f) => ['--dossiers', f]),
		...args.gebeurtenissen.flatMap((f) => ['--gebeurtenissen', f]),
		'--van',
		args.van,
		'--tot',
		args.tot,
		...(args.extra ?? [])
	];
	const { stdout } = await run(`${ROOT}node_modules/.bin/tsx`, argv, {
		cwd: ROOT,
		maxBuffer: 64 * 1024 * 1024
	});
	return JSON.parse(stdout) as EvaluationJson;
}

/**
 * The value a `data-metric` id names in the evaluator's document: a dotted path into `totaal`
 * (`ontruimingen_per_reden.overlast`), or from the document's top (`import.dossiers.gelezen`).
 */
export function metricFromDocument(doc: EvaluationJson, id: string): unknown {
	const path = id.split('.');
	const walk = (from: unknown) =>
		path.reduce<unknown>(
			(node, key) =>
				node !== null && typeof node === 'object' && key in node
					? (node as Record<string, unknown>)[key]
					: undefined,
			from
		);
	const inTotal = walk(doc.totaal);
	return inTotal !== undefined ? inTotal : walk(doc);
}

/** A `data-value` as the number (or null) it stands for; NaN when it is neither. */
export function parseDataValue(value: string | null): number | null {
	if (value === null || value === '' || value === 'null') return null;
	return Number(value);
}

/** Every `data-metric` inside a section (`[data-section="…"]`) with its `data-value`. */
export async function sectionMetrics(
	page: Page,
	section: string
): Promise<Record<string, string | null>> {
	const pairs = await page
		.locator(`[data-section="${section}"] [data-metric]`)
		.evaluateAll((els) =>
			els.map((e) => [e.getAttribute('data-metric')!, e.getAttribute('data-value')])
		);
	return Object.fromEntries(pairs);
}

/**
 * The value of a block's `data-metric` (`keten.vonnissen`, `schuldhulpverlening.per_gemeente.0392.aanmeldingen`)
 * in the command line's block of that name: `per_…` paths from the block, the others from its
 * `totaal`; `''` for null, as the page writes it.
 */
export function blockValue(block: Record<string, unknown>, id: string): string {
	const path = id.split('.').slice(1);
	let node: unknown = path[0]?.startsWith('per_') ? block : block.totaal;
	for (const key of path) node = (node as Record<string, unknown>)[key];
	return node === null ? '' : String(node);
}

/** Fails with every axe-core finding of the page (WCAG 2.1 AA). */
export async function expectAxeClean(page: Page, where?: string): Promise<void> {
	expect(
		(await runAxe(page)).map((v) => `${v.id}: ${v.help} — ${v.targets.join(', ')}`),
		where
	).toEqual([]);
}
