/** The page's `data-state` and `data-kern` hooks (evaluate-contract.md) on the root element. */
export type PageState = 'loading' | 'ready' | 'error';

/**
 * Sets `data-state` (every figure of the page on screen) and `data-kern` (the headline figures
 * on screen; the same as `data-state` unless given) on `<html>`; only in the browser.
 */
export function setPageState(state: PageState, headline: PageState = state): void {
	if (typeof document === 'undefined') return;
	document.documentElement.dataset.state = state;
	document.documentElement.dataset.kern = headline;
}
