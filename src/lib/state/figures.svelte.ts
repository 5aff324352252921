/**
 * The figures of the selection in the URL, shared by the dashboard, the report and the briefing.
 * Results are kept per selection and data version, so a page switch or a back/forward to a view
 * already seen runs no query; the page's `data-state` follows the computation.
 */
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { page } from '$app/state';
import { tick } from 'svelte';
import { computeSelection, computeTrend, type DashboardFigures } from '$lib/metrics/dashboard';
import { selectionFromQuery, selectionToQuery } from '$lib/metrics/selection';
import type { Selection } from '$lib/metrics/types';
import { isIsoDate } from '$lib/domain/dates';
import { formatPeriod } from '$lib/report/format';
import type { Mode } from '$lib/report/publication';
import { selectionNotices } from '$lib/report/selection-text';
import { data, database } from './data.svelte';
import { mark } from '$lib/timing';
import { setPageState } from './page-state';

// A plain cache, not state: nothing renders from it directly.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const cache = new Map<string, Promise<unknown>>();
const CACHE_SIZE = 64;

/** Runs `compute` once per key (a view seen before, or a trend whose filters did not change). */
function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
	let hit = cache.get(key) as Promise<T> | undefined;
	if (!hit) {
		hit = compute();
		hit.catch(() => cache.delete(key));
		cache.set(key, hit);
		if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	}
	return hit;
}

async function figuresFor(selection: Selection, version: number): Promise<DashboardFigures> {
	const extent = data.extent;
	if (!extent) throw new Error('geen gegevens geladen');
	const db = await database();
	const { van: _van, tot: _tot, ...filters } = selection;
	const current = await cached(`${version}|selectie|${JSON.stringify(selection)}`, () =>
		computeSelection(db, selection)
	);
	const trend = await cached(`${version}|trend|${JSON.stringify(filters)}`, () =>
		computeTrend(db, selection, extent)
	);
	return { ...current, trend };
}

/** The display mode in the URL (`?modus=publicatie`); internal by default. */
export function modeFromUrl(): Mode {
	return browser && page.url.searchParams.get('modus') === 'publicatie' ? 'publicatie' : 'intern';
}

/** A message when the link's period cannot be shown, so the default period stands in for it. */
function urlPeriodNotice(params: URLSearchParams, shown: Selection): string | null {
	const van = params.get('van');
	const tot = params.get('tot');
	if (van === null && tot === null) return null;
	if (van !== null && tot !== null && isIsoDate(van) && isIsoDate(tot) && van < tot) return null;
	return `De periode in de link (van ${van ?? '–'}, tot ${tot ?? '–'}) is geen geldige periode. Getoond wordt daarom de standaardperiode: ${formatPeriod(shown.van, shown.tot)}.`;
}

/** Tracks the URL's selection and computes its figures; call during component initialisation. */
export function useFigures() {
	const state = $state<{ figures: DashboardFigures | null; failure: string | null }>({
		figures: null,
		failure: null
	});
	const selection = $derived(
		browser && data.extent ? selectionFromQuery(page.url.searchParams, data.extent) : null
	);
	const notices = $derived(
		selection && data.extent
			? [
					urlPeriodNotice(page.url.searchParams, selection),
					...selectionNotices(selection, data.extent)
				].filter((n): n is string => n !== null)
			: []
	);
	let request = 0;

	$effect(() => {
		const current = selection;
		const version = data.version;
		// Every run supersedes the computation in flight: its tables may be replaced right now.
		const token = ++request;
		if (data.status === 'loading') {
			// From the pick until the new figures are on screen, the old ones are not `ready`.
			setPageState('loading');
			return;
		}
		if (!current) {
			setPageState(data.status === 'error' ? 'error' : 'loading');
			return;
		}
		setPageState('loading');
		(async () => {
			try {
				const result = await figuresFor(current, version);
				if (token !== request) return;
				mark('figures-computed');
				state.figures = result;
				state.failure = null;
				await tick();
				if (token === request) setPageState('ready');
			} catch (error) {
				if (token !== request) return;
				state.failure = `De cijfers konden niet worden berekend: ${(error as Error).message}`;
				setPageState('error');
			}
		})();
	});

	return {
		get selection() {
			return selection;
		},
		get figures() {
			return state.figures;
		},
		get failure() {
			return state.failure;
		},
		/** What the figures cannot follow in this selection, in Dutch, for an alert. */
		get notices() {
			return notices;
		}
	};
}

/** The query string of a selection on the current mode (a new history entry: back/forward work). */
export function showSelection(next: Selection, path: '/' | '/rapport' | '/briefing'): void {
	if (!data.extent) return;
	const params = selectionToQuery(next, data.extent);
	if (modeFromUrl() === 'publicatie') params.set('modus', 'publicatie');
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- the path is resolve()d; only the query changes
	goto(`${resolve(path)}?${params}`, { keepFocus: true, noScroll: true });
}

/** Switches the display mode, keeping the selection. */
export function showMode(mode: Mode): void {
	// A throwaway copy to build the next URL, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const params = new URLSearchParams(page.url.searchParams);
	if (mode === 'publicatie') params.set('modus', 'publicatie');
	else params.delete('modus');
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- same page, only the query changes
	goto(`${page.url.pathname}?${params}`, { keepFocus: true, noScroll: true, replaceState: true });
}
