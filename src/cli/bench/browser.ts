/**
 * The dashboard in headless Chromium: cold start, file load, period and corporation filters,
 * and the peer page's load. Times are taken in the page: from the `change` event of the control
 * (a capture listener on the document) to the first frame after `<html data-state="ready">`
 * (an animation frame plus a task, so the figures are laid out and painted); the cold start from
 * the navigation's start (`performance.timeOrigin`) to that frame. A load also records the first
 * frame after `<html data-kern="ready">`: the headline figures painted, before the lead times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DataSet } from './data';
import { rendererRssMb, sampleRendererMemory } from './memory';

/** The page-side recorder, installed before the page's own scripts. */
const RECORDER = `(() => {
	const bench = { ready: 0, painted: [], kern: [], changeAt: null };
	window.__bench = bench;
	document.addEventListener('change', () => { bench.changeAt = performance.now(); }, true);
	const paint = (list) =>
		requestAnimationFrame(() => setTimeout(() => list.push(performance.now()), 0));
	new MutationObserver((records) => {
		for (const r of records) {
			// The root only: a section's own data-state (loading until its figures) is not the page's.
			if (r.target !== document.documentElement) continue;
			if (r.attributeName === 'data-kern') {
				if (r.target.getAttribute('data-kern') === 'ready' && r.oldValue !== 'ready') paint(bench.kern);
				continue;
			}
			if (r.target.getAttribute('data-state') === 'ready' && r.oldValue !== 'ready') {
				bench.ready++;
				paint(bench.painted);
			}
		}
	}).observe(document, {
		subtree: true,
		attributes: true,
		attributeFilter: ['data-state', 'data-kern'],
		attributeOldValue: true
	});
})();`;

interface Recorder {
	ready: number;
	painted: number[];
	/** The first frames after `data-kern` became ready (the headline figures painted). */
	kern: number[];
	changeAt: number | null;
}

type Outcome = { ready: true; paintedAt: number; changeAt: number | null } | { error: string };

/** Milliseconds per step of one load or cold start, from the page's `hz:` marks (src/lib/timing.ts). */
export type StepProfile = Record<string, number>;

/** One profile: what was measured, at how many events, and its steps. */
export interface ProfileSample {
	figure: 'cold_start' | 'load' | 'load_profile';
	events: number;
	steps: StepProfile;
}

/** The page's `hz:` marks from `since` on (the last of each name), relative to `since`. */
async function marksSince(
	page: Page,
	since: number
): Promise<Map<string, { at: number; detail: unknown }>> {
	const marks = await page.evaluate(
		(since) =>
			performance
				.getEntriesByType('mark')
				.filter((m) => m.name.startsWith('hz:') && m.startTime >= since)
				.map((m) => ({
					name: m.name.slice(3),
					at: m.startTime - since,
					detail: (m as PerformanceMark).detail as unknown
				})),
		since
	);
	return new Map(marks.map((m) => [m.name, { at: m.at, detail: m.detail }]));
}

/**
 * The steps between the marks, in order of the load: the import worker's own steps (read = decode,
 * parse and personal-data screen; import = row rules, duplicates, warnings; arrow; ipc), the rest of
 * the way to its answer (reading the files in the page, starting the worker, transfers), waiting
 * for the engine, DuckDB (insert, the first derivations), the extent query, the figures' queries
 * (the headline figures', the lead-time table's derivation, the lead times'), the paint.
 */
function stepsOf(
	marks: Map<string, { at: number; detail: unknown }>,
	paintedAt: number
): StepProfile {
	const at = (name: string) => marks.get(name)?.at;
	const steps: StepProfile = {};
	const worker = (marks.get('import-done')?.detail ?? {}) as Record<string, number>;
	const engineStart = at('engine-start');
	const engineReady = at('engine-ready');
	if (engineStart !== undefined && engineReady !== undefined) {
		steps.engine = engineReady - engineStart;
		// Where the engine's start goes (src/lib/db/browser.ts): the module with duckdb-wasm's
		// glue and the bundle choice; worker, wasm fetch, decode, compile and instantiate; open and
		// connect; the first statement.
		const parts: [string, string, string][] = [
			['engine-start', 'engine-module', 'engine_module'],
			['engine-module', 'engine-instantiated', 'engine_instantiate'],
			['engine-instantiated', 'engine-opened', 'engine_open'],
			['engine-opened', 'engine-ready', 'engine_first_sql']
		];
		for (const [from, to, name] of parts) {
			const a = at(from);
			const b = at(to);
			if (a !== undefined && b !== undefined) steps[name] = b - a;
		}
	}
	const fetched = at('demo-fetched');
	const importDone = at('import-done');
	if (importDone !== undefined) {
		let inWorker = 0;
		for (const [name, ms] of Object.entries(worker)) {
			steps[`worker_${name}`] = ms;
			inWorker += ms;
		}
		steps.worker_other = importDone - (fetched ?? 0) - inWorker;
	}
	// With the headline figures first: their queries, then (while they are painted) the lead-time
	// table's derivation, then the lead-time query and the paint of every figure.
	const first = at('figures-first') !== undefined && at('lead-times-derived') !== undefined;
	const chain: [string, string][] = [
		['import-done', 'engine-awaited'],
		['engine-awaited', 'duckdb-loaded'],
		['duckdb-loaded', 'extent'],
		...(first
			? ([
					['extent', 'figures-first'],
					['figures-first', 'lead-times-derived'],
					['lead-times-derived', 'figures-computed']
				] as [string, string][])
			: ([['extent', 'figures-computed']] as [string, string][]))
	];
	const names: Record<string, string> = {
		'engine-awaited': 'engine_wait',
		'duckdb-loaded': 'duckdb_load',
		extent: 'extent',
		'figures-first': 'figures_first',
		'lead-times-derived': 'lead_times_derive',
		'figures-computed': 'figures'
	};
	for (const [from, to] of chain) {
		const a = at(from);
		const b = at(to);
		if (a !== undefined && b !== undefined) steps[names[to]!] = b - a;
	}
	const computed = at('figures-computed');
	if (computed !== undefined) steps.paint = paintedAt - computed;
	return steps;
}

/** A run that did not reach the figures: the page's error message, a crash or a timeout. */
export class PageFailure extends Error {}

/** A page whose crash (e.g. out of memory) turns into a PageFailure instead of a hang. */
interface WatchedPage {
	page: Page;
	context: BrowserContext;
	crashed: () => boolean;
}

async function openPage(browser: Browser | BrowserContext): Promise<WatchedPage> {
	const context =
		'newContext' in browser
			? await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
			: browser;
	await context.addInitScript(RECORDER);
	const page = await context.newPage();
	let crashed = false;
	page.on('crash', () => (crashed = true));
	return { page, context, crashed: () => crashed };
}

/**
 * Waits until the page has become ready more than `since` times and painted that, or shows an
 * error (`data-state="error"` or a `[role="alert"]` with text); with `metric`, also until that
 * `[data-metric]` is present.
 */
async function waitForPaint(
	watched: WatchedPage,
	since: number,
	timeoutMs: number,
	metric?: string
): Promise<{ paintedAt: number; changeAt: number | null }> {
	let outcome: Outcome;
	try {
		const handle = await watched.page.waitForFunction(
			({ since, metric }) => {
				const bench = (window as unknown as { __bench: Recorder }).__bench;
				const state = document.documentElement.getAttribute('data-state');
				const alert = [...document.querySelectorAll('[role="alert"]')]
					.map((e) => e.textContent?.trim() ?? '')
					.find((text) => text !== '');
				if (state === 'error' || alert) return { error: alert ?? 'data-state="error"' };
				if (bench.ready <= since || bench.painted.length <= since) return false;
				if (metric && !document.querySelector(`[data-metric="${metric}"]`)) return false;
				return { ready: true, paintedAt: bench.painted.at(-1)!, changeAt: bench.changeAt };
			},
			{ since, metric },
			{ timeout: timeoutMs, polling: 50 }
		);
		outcome = (await handle.jsonValue()) as Outcome;
	} catch (error) {
		if (watched.crashed()) throw new PageFailure('renderer crashed (out of memory?)');
		const message = (error as Error).message.split('\n')[0] ?? String(error);
		throw new PageFailure(message.includes('Timeout') ? `timeout after ${timeoutMs} ms` : message);
	}
	if ('error' in outcome) throw new PageFailure(`page error: ${outcome.error}`);
	return outcome;
}

async function readyCount(page: Page): Promise<number> {
	return page.evaluate(() => (window as unknown as { __bench: Recorder }).__bench.ready);
}

/**
 * Runs `action`; the in-page time from its `change` event to the painted figures, to the painted
 * headline figures (the first `data-kern` paint after the event), and that event's time.
 */
async function timeChange(
	watched: WatchedPage,
	action: () => Promise<unknown>,
	timeoutMs: number
): Promise<{ ms: number; firstMs: number; changeAt: number }> {
	const since = await readyCount(watched.page);
	await watched.page.evaluate(() => {
		(window as unknown as { __bench: Recorder }).__bench.changeAt = null;
	});
	await action();
	const { paintedAt, changeAt } = await waitForPaint(watched, since, timeoutMs);
	if (changeAt === null) throw new PageFailure('no change event seen');
	const kern = await watched.page.evaluate(
		(changeAt) =>
			(window as unknown as { __bench: Recorder }).__bench.kern.find((at) => at >= changeAt),
		changeAt
	);
	return { ms: paintedAt - changeAt, firstMs: (kern ?? paintedAt) - changeAt, changeAt };
}

/** A load refused before it started for its size: the page's figures must still be there. */
export class SizeRefusal extends PageFailure {}

/**
 * When `error` is the page's Dutch size refusal, checks that the demo figures are still on screen
 * and returns a SizeRefusal (or a PageFailure when they are gone); null for any other failure.
 */
async function refusedKeepingData(watched: WatchedPage, error: Error): Promise<PageFailure | null> {
	if (!/De bestanden zijn samen [\d.]+ MB/.test(error.message)) return null;
	const kept = await watched.page
		.evaluate(
			() =>
				document.documentElement.getAttribute('data-state') === 'ready' &&
				document.querySelector('[data-metric="signalen"]') !== null
		)
		.catch(() => false);
	const message = error.message.replace(/^page error: /, '');
	return kept
		? new SizeRefusal(`refused before loading, figures kept: ${message}`)
		: new PageFailure(`refused, but the figures already loaded are gone: ${message}`);
}

/** The dashboard measurements against one server and browser. */
export class Dashboard {
	/** The renderers' memory right before each file pick: the page with the demo data loaded. */
	readonly idleMb: number[] = [];
	/** The per-step profile of every cold start and load measured. */
	readonly profiles: ProfileSample[] = [];
	/** The `Content-Encoding` the engine's wasm arrived with in the first cold start ('' = none). */
	wasmEncoding: string | null = null;

	constructor(
		private readonly browser: Browser,
		private readonly url: string,
		private readonly log: (line: string) => void
	) {}

	/**
	 * A fresh context on the dashboard with the demo data's figures on screen (in `context`, a
	 * persistent one, when given); returns the time until every figure and until the headline
	 * figures were painted.
	 */
	private async openWithDemo(
		timeoutMs = 120_000,
		profile = false,
		context?: BrowserContext
	): Promise<{ watched: WatchedPage; ms: number; firstMs: number }> {
		const watched = await openPage(context ?? this.browser);
		try {
			if (profile && this.wasmEncoding === null) {
				watched.context.on('response', (response) => {
					if (new URL(response.url()).pathname.endsWith('.wasm'))
						this.wasmEncoding = response.headers()['content-encoding'] ?? '';
				});
			}
			await watched.page.goto(this.url);
			const { paintedAt } = await waitForPaint(watched, 0, timeoutMs, 'signalen');
			if (profile) {
				const steps = stepsOf(await marksSince(watched.page, 0), paintedAt);
				this.profiles.push({ figure: 'cold_start', events: 0, steps });
			}
			const kern = await watched.page.evaluate(
				() => (window as unknown as { __bench: Recorder }).__bench.kern[0]
			);
			return { watched, ms: paintedAt, firstMs: kern ?? paintedAt };
		} catch (error) {
			await watched.context.close().catch(() => undefined);
			throw error;
		}
	}

	/** cold_start: navigation start → demo figures painted, in a fresh context (empty cache). */
	async coldStart(runs: number): Promise<{ all: number[]; first: number[] }> {
		const all: number[] = [];
		const first: number[] = [];
		for (let i = 0; i < runs; i++) {
			const { watched, ms, firstMs } = await this.openWithDemo(120_000, true);
			await watched.context.close();
			all.push(ms);
			first.push(firstMs);
			this.log(
				`cold_start run ${i + 1}/${runs}: ${ms.toFixed(0)} ms (headline figures ${firstMs.toFixed(0)} ms)`
			);
		}
		return { all, first };
	}

	/**
	 * cold_start_return: a returning visitor. One browser profile on disk (HTTP cache, and any
	 * code cache Chromium keeps); a first visit warms it, untimed; then each run restarts the
	 * browser on that profile and times navigation start → demo figures painted.
	 */
	async returnVisits(
		runs: number,
		launch: (dir: string) => Promise<BrowserContext>
	): Promise<number[]> {
		const dir = mkdtempSync(join(tmpdir(), 'bench-profiel-'));
		const samples: number[] = [];
		try {
			for (let i = 0; i <= runs; i++) {
				const context = await launch(dir);
				try {
					const { ms } = await this.openWithDemo(120_000, false, context);
					if (i === 0) continue;
					samples.push(ms);
					this.log(`cold_start_return run ${i}/${runs}: ${ms.toFixed(0)} ms`);
				} finally {
					await context.close();
				}
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		return samples;
	}

	/** Loads `set` into a fresh page (demo ready first); the load time and peak renderer memory. */
	private async loadOnce(set: DataSet, timeoutMs: number) {
		const { watched } = await this.openWithDemo();
		const beforeMb = await rendererRssMb();
		this.idleMb.push(beforeMb);
		const memory = sampleRendererMemory(100);
		try {
			const { ms, firstMs, changeAt } = await timeChange(
				watched,
				() =>
					watched.page
						.locator('input[type="file"][multiple]')
						.first()
						.setInputFiles([set.dossiers, set.gebeurtenissen]),
				timeoutMs
			);
			const steps = stepsOf(await marksSince(watched.page, changeAt), ms);
			this.profiles.push({ figure: 'load', events: set.events, steps });
			return { watched, ms, firstMs, beforeMb, peakMb: await memory.stop() };
		} catch (error) {
			const peakMb = await memory.stop();
			const refusal = await refusedKeepingData(watched, error as Error);
			await watched.context.close().catch(() => undefined);
			throw Object.assign(refusal ?? (error as Error), { peakMb });
		}
	}

	/**
	 * load_profile: the same data as the parties' own exports, picked with their profiles; the
	 * page asks for the werkgroep key, and the time runs from "Doorgaan" to the painted figures
	 * (one fresh page per run, demo ready first).
	 */
	async loadProfiles(set: DataSet, key: string, runs: number, timeoutMs: number) {
		const samples: number[] = [];
		const label = set.size.toLocaleString('en-US');
		if (set.sources.length === 0) throw new PageFailure('no own exports generated at this size');
		for (let i = 0; i < runs; i++) {
			const { watched } = await this.openWithDemo();
			try {
				await watched.page
					.locator('input[type="file"][multiple]')
					.first()
					.setInputFiles(set.sources);
				const field = watched.page.getByLabel('Sleutel', { exact: true });
				await field.waitFor({ timeout: timeoutMs });
				await field.fill(key);
				const { ms, changeAt } = await timeChange(
					watched,
					() =>
						watched.page.evaluate(() => {
							const button = [...document.querySelectorAll('button')].find(
								(b) => b.textContent?.trim() === 'Doorgaan'
							);
							if (!button) throw new Error('no button Doorgaan');
							(window as unknown as { __bench: Recorder }).__bench.changeAt = performance.now();
							button.click();
						}),
					timeoutMs
				);
				const steps = stepsOf(await marksSince(watched.page, changeAt), ms);
				this.profiles.push({ figure: 'load_profile', events: set.events, steps });
				samples.push(ms);
				this.log(`load_profile ${label} run ${i + 1}/${runs}: ${ms.toFixed(0)} ms`);
			} finally {
				await watched.context.close().catch(() => undefined);
			}
		}
		return samples;
	}

	/**
	 * load, load_first and peak_memory_mb (one fresh page per run), then filter_period and
	 * filter_corporation in the last loaded page (a new loaded page when its distinct views run out).
	 */
	async measureSet(set: DataSet, runs: number, timeoutMs: number) {
		const load: number[] = [];
		const loadFirst: number[] = [];
		const memory: number[] = [];
		const errors: { load?: string; filter_period?: string; filter_corporation?: string } = {};
		let current: WatchedPage | null = null;
		const label = set.size.toLocaleString('en-US');

		for (let i = 0; i < runs; i++) {
			// One page at a time, so that the memory sampled is this run's.
			if (current) await current.context.close();
			current = null;
			try {
				const { watched, ms, firstMs, beforeMb, peakMb } = await this.loadOnce(set, timeoutMs);
				current = watched;
				load.push(ms);
				loadFirst.push(firstMs);
				memory.push(peakMb);
				this.log(
					`load ${label} run ${i + 1}/${runs}: ${ms.toFixed(0)} ms (headline figures ${firstMs.toFixed(0)} ms), peak ${peakMb.toFixed(0)} MB (${beforeMb.toFixed(0)} MB before the pick)`
				);
			} catch (error) {
				errors.load = (error as Error).message;
				const peak = (error as { peakMb?: number }).peakMb;
				this.log(
					`load ${label} run ${i + 1}/${runs} failed: ${errors.load}` +
						(peak === undefined ? '' : ` (peak ${peak.toFixed(0)} MB)`)
				);
				break;
			}
		}

		const freshLoaded = async () => {
			if (current) await current.context.close();
			current = null;
			current = (await this.loadOnce(set, timeoutMs)).watched;
			return current;
		};

		const filterPeriod: number[] = [];
		const filterCorporation: number[] = [];
		if (current && !errors.load) {
			try {
				await this.periodRuns(current, freshLoaded, runs, timeoutMs, filterPeriod, label);
			} catch (error) {
				errors.filter_period = (error as Error).message;
				this.log(`filter_period ${label} failed: ${errors.filter_period}`);
			}
			try {
				const page: WatchedPage = current ?? (await freshLoaded());
				await this.corporationRuns(page, freshLoaded, runs, timeoutMs, filterCorporation, label);
			} catch (error) {
				errors.filter_corporation = (error as Error).message;
				this.log(`filter_corporation ${label} failed: ${errors.filter_corporation}`);
			}
		}
		const last = current as WatchedPage | null;
		if (last) await last.context.close().catch(() => undefined);
		return { load, loadFirst, memory, filterPeriod, filterCorporation, errors };
	}

	/** Each run picks a half-year this page has not shown yet. */
	private async periodRuns(
		start: WatchedPage,
		fresh: () => Promise<WatchedPage>,
		runs: number,
		timeoutMs: number,
		samples: number[],
		label: string
	) {
		let watched = start;
		let seen = new Set<string>();
		let original = '';
		const select = () => watched.page.locator('select#periode');
		const unseen = async () => {
			const values = await select()
				.locator('option:not([disabled])')
				.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
			return values.filter((v) => v !== 'eigen' && !seen.has(v));
		};
		const remember = async () => {
			original = await select().inputValue();
			seen = new Set([original]);
		};
		await remember();
		for (let i = 0; i < runs; i++) {
			let next = (await unseen())[0];
			if (next === undefined) {
				watched = await fresh();
				await remember();
				next = (await unseen())[0];
				if (next === undefined) throw new PageFailure('no half-year left to choose');
			}
			seen.add(next);
			const { ms } = await timeChange(watched, () => select().selectOption(next), timeoutMs);
			samples.push(ms);
			this.log(`filter_period ${label} run ${i + 1}/${runs} (${next}): ${ms.toFixed(0)} ms`);
		}
		// Back to the default period (a view already seen: cached), for the corporation runs.
		await timeChange(watched, () => select().selectOption(original), timeoutMs);
	}

	/** Each run toggles one corporation so that the page shows a subset it has not shown yet. */
	private async corporationRuns(
		start: WatchedPage,
		fresh: () => Promise<WatchedPage>,
		runs: number,
		timeoutMs: number,
		samples: number[],
		label: string
	) {
		// all → without ymere → elan_wonen → elan_wonen+ymere → ymere → pre_wonen+ymere → pre_wonen
		const toggles = ['ymere', 'pre_wonen', 'ymere', 'elan_wonen', 'pre_wonen', 'ymere'];
		let watched = start;
		let step = 0;
		for (let i = 0; i < runs; i++) {
			if (step === toggles.length) {
				watched = await fresh();
				step = 0;
			}
			const value = toggles[step++]!;
			const box = watched.page.locator(`input[name="corporatie"][value="${value}"]`);
			const checked = await box.isChecked();
			const { ms } = await timeChange(watched, () => box.setChecked(!checked), timeoutMs);
			const shown = await watched.page
				.locator('input[name="corporatie"]:checked')
				.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value).join('+'));
			samples.push(ms);
			this.log(`filter_corporation ${label} run ${i + 1}/${runs} (${shown}): ${ms.toFixed(0)} ms`);
		}
	}
}

/** What the peer page keeps in `window.__peer`. */
interface PeerState {
	ready: boolean;
	done: { ms: number; groups: number; events: number } | null;
	error: string | null;
}

/** peer_load: a fresh peer page per run, engine started; file pick → GROUP BY result in JS. */
export async function measurePeer(
	browser: Browser,
	url: string,
	set: DataSet,
	runs: number,
	timeoutMs: number,
	log: (line: string) => void
): Promise<{ samples: number[]; error?: string }> {
	const samples: number[] = [];
	const label = set.size.toLocaleString('en-US');
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		let crashed = false;
		page.on('crash', () => (crashed = true));
		try {
			await page.goto(url);
			// The predicates run in the page: they cannot share a helper with this module.
			await page.waitForFunction(
				() => {
					const peer = (window as unknown as { __peer?: PeerState }).__peer;
					return peer?.ready || peer?.error;
				},
				undefined,
				{ timeout: 60_000 }
			);
			await page.locator('input[type="file"]').setInputFiles([set.dossiers, set.gebeurtenissen]);
			const handle = await page.waitForFunction(
				() => {
					const peer = (window as unknown as { __peer?: PeerState }).__peer;
					return peer?.done || peer?.error;
				},
				undefined,
				{ timeout: timeoutMs, polling: 50 }
			);
			const result = (await handle.jsonValue()) as
				{ ms: number; groups: number; events: number } | string;
			if (typeof result === 'string') throw new PageFailure(`page error: ${result}`);
			if (result.events !== set.events) {
				throw new PageFailure(`counted ${result.events} events, the file has ${set.events}`);
			}
			samples.push(result.ms);
			log(
				`peer_load ${label} run ${i + 1}/${runs}: ${result.ms.toFixed(0)} ms (${result.groups} groups)`
			);
		} catch (error) {
			const message = crashed
				? 'renderer crashed (out of memory?)'
				: ((error as Error).message.split('\n')[0] ?? String(error));
			log(`peer_load ${label} run ${i + 1}/${runs} failed: ${message}`);
			return { samples, error: message };
		} finally {
			await context.close().catch(() => undefined);
		}
	}
	return { samples };
}
