/**
 * The dashboard in headless Chromium: cold start, file load, period and corporation filters,
 * and the peer page's load. Times are taken in the page: from the `change` event of the control
 * (a capture listener on the document) to the first frame after `<html data-state="ready">`
 * (an animation frame plus a task, so the figures are laid out and painted); the cold start from
 * the navigation's start (`performance.timeOrigin`) to that frame.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DataSet } from './data';
import { rendererRssMb, sampleRendererMemory } from './memory';

/** The page-side recorder, installed before the page's own scripts. */
const RECORDER = `(() => {
	const bench = { ready: 0, painted: [], changeAt: null };
	window.__bench = bench;
	document.addEventListener('change', () => { bench.changeAt = performance.now(); }, true);
	new MutationObserver((records) => {
		for (const r of records) {
			if (r.target.getAttribute('data-state') === 'ready' && r.oldValue !== 'ready') {
				bench.ready++;
				requestAnimationFrame(() => setTimeout(() => bench.painted.push(performance.now()), 0));
			}
		}
	}).observe(document, {
		subtree: true,
		attributes: true,
		attributeFilter: ['data-state'],
		attributeOldValue: true
	});
})();`;

interface Recorder {
	ready: number;
	painted: number[];
	changeAt: number | null;
}

type Outcome = { ready: true; paintedAt: number; changeAt: number | null } | { error: string };

/** A run that did not reach the figures: the page's error message, a crash or a timeout. */
export class PageFailure extends Error {}

/** A page whose crash (e.g. out of memory) turns into a PageFailure instead of a hang. */
interface WatchedPage {
	page: Page;
	context: BrowserContext;
	crashed: () => boolean;
}

async function openPage(browser: Browser): Promise<WatchedPage> {
	const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
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

/** Runs `action` and returns the in-page time from its `change` event to the painted figures. */
async function timeChange(
	watched: WatchedPage,
	action: () => Promise<unknown>,
	timeoutMs: number
): Promise<number> {
	const since = await readyCount(watched.page);
	await watched.page.evaluate(() => {
		(window as unknown as { __bench: Recorder }).__bench.changeAt = null;
	});
	await action();
	const { paintedAt, changeAt } = await waitForPaint(watched, since, timeoutMs);
	if (changeAt === null) throw new PageFailure('no change event seen');
	return paintedAt - changeAt;
}

/** The dashboard measurements against one server and browser. */
export class Dashboard {
	/** The renderers' memory right before each file pick: the page with the demo data loaded. */
	readonly idleMb: number[] = [];

	constructor(
		private readonly browser: Browser,
		private readonly url: string,
		private readonly log: (line: string) => void
	) {}

	/** A fresh context on the dashboard with the demo data's figures on screen; returns the time it took. */
	private async openWithDemo(timeoutMs = 120_000): Promise<{ watched: WatchedPage; ms: number }> {
		const watched = await openPage(this.browser);
		try {
			await watched.page.goto(this.url);
			const { paintedAt } = await waitForPaint(watched, 0, timeoutMs, 'signalen');
			return { watched, ms: paintedAt };
		} catch (error) {
			await watched.context.close().catch(() => undefined);
			throw error;
		}
	}

	/** cold_start: navigation start → demo figures painted, in a fresh context (empty cache). */
	async coldStart(runs: number): Promise<number[]> {
		const samples: number[] = [];
		for (let i = 0; i < runs; i++) {
			const { watched, ms } = await this.openWithDemo();
			await watched.context.close();
			samples.push(ms);
			this.log(`cold_start run ${i + 1}/${runs}: ${ms.toFixed(0)} ms`);
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
			const ms = await timeChange(
				watched,
				() =>
					watched.page
						.locator('input[type="file"][multiple]')
						.first()
						.setInputFiles([set.dossiers, set.gebeurtenissen]),
				timeoutMs
			);
			return { watched, ms, beforeMb, peakMb: await memory.stop() };
		} catch (error) {
			const peakMb = await memory.stop();
			await watched.context.close().catch(() => undefined);
			throw Object.assign(error as Error, { peakMb });
		}
	}

	/**
	 * load and peak_memory_mb (one fresh page per run), then filter_period and
	 * filter_corporation in the last loaded page (a new loaded page when its distinct views run out).
	 */
	async measureSet(set: DataSet, runs: number, timeoutMs: number) {
		const load: number[] = [];
		const memory: number[] = [];
		const errors: { load?: string; filter_period?: string; filter_corporation?: string } = {};
		let current: WatchedPage | null = null;
		const label = set.size.toLocaleString('en-US');

		for (let i = 0; i < runs; i++) {
			// One page at a time, so that the memory sampled is this run's.
			if (current) await current.context.close();
			current = null;
			try {
				const { watched, ms, beforeMb, peakMb } = await this.loadOnce(set, timeoutMs);
				current = watched;
				load.push(ms);
				memory.push(peakMb);
				this.log(
					`load ${label} run ${i + 1}/${runs}: ${ms.toFixed(0)} ms, peak ${peakMb.toFixed(0)} MB (${beforeMb.toFixed(0)} MB before the pick)`
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
		return { load, memory, filterPeriod, filterCorporation, errors };
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
			const ms = await timeChange(watched, () => select().selectOption(next), timeoutMs);
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
			const ms = await timeChange(watched, () => box.setChecked(!checked), timeoutMs);
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
