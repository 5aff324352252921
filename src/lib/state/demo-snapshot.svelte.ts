/**
 * The demo's first view from the build (src/lib/metrics/snapshot.ts), asked for when the app's first
 * script runs (src/hooks.client.ts): a tab always starts with the demo, and the file is 2 KB
 * compressed. Without it (a development server, a failed fetch, another
 * shape) the page waits for its engine as before.
 */
import { resolve } from '$app/paths';
import { mark } from '$lib/timing';
import { isSnapshot, SNAPSHOT_FILE, type DemoSnapshot } from '$lib/metrics/snapshot';

class SnapshotHolder {
	/** The snapshot once fetched; null before, and for good when there is none. */
	value = $state.raw<DemoSnapshot | null>(null);
	#requested = false;

	/** Fetches the snapshot (once per tab; not on the development server, which has none). */
	request(): void {
		if (this.#requested || import.meta.env.DEV) return;
		this.#requested = true;
		const url = new URL(SNAPSHOT_FILE, new URL(resolve('/'), location.href));
		fetch(url)
			.then((response) => (response.ok ? response.json() : null))
			.then((value: unknown) => {
				mark('snapshot-fetched');
				if (isSnapshot(value)) this.value = value;
			})
			.catch(() => undefined);
	}
}

export const demoSnapshot = new SnapshotHolder();
