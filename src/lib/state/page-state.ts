/** The page's `data-state` hook (evaluate-contract.md) on the root element. */
export type PageState = 'loading' | 'ready' | 'error';

/** Sets `data-state` on `<html>`; only in the browser. */
export function setPageState(state: PageState): void {
	if (typeof document !== 'undefined') document.documentElement.dataset.state = state;
}
