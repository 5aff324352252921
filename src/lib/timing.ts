/**
 * User-timing marks along the load (`hz:<step>` in the performance timeline): free to leave in,
 * and what `npm run bench` reads for its per-step profile.
 */

/** Marks that `step` ended now; `detail` carries extra figures (e.g. the import worker's steps). */
export function mark(step: string, detail?: unknown): void {
	globalThis.performance?.mark?.(`hz:${step}`, detail === undefined ? undefined : { detail });
}

/** Times the steps of one piece of work: `lap(name)` records the time since the previous lap. */
export function stopwatch(): { lap(step: string): void; steps: Record<string, number> } {
	const steps: Record<string, number> = {};
	let last = performance.now();
	return {
		steps,
		lap(step) {
			const now = performance.now();
			steps[step] = (steps[step] ?? 0) + (now - last);
			last = now;
		}
	};
}
