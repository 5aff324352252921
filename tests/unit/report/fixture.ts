/** Hand-made figures for the report tests: Metrics from emptyMetrics() with only the set fields changed. */
import { emptyMetrics } from '../../../src/lib/metrics/evaluate';
import type { Metrics, Selection } from '../../../src/lib/metrics/types';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

function merge(target: Record<string, unknown>, patch: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(patch)) {
		const current = target[key];
		if (
			value !== null &&
			typeof value === 'object' &&
			current !== null &&
			typeof current === 'object'
		) {
			merge(current as Record<string, unknown>, value as Record<string, unknown>);
		} else {
			target[key] = value;
		}
	}
}

/** emptyMetrics() with the given fields set (nested objects merged). */
export function metrics(patch: DeepPartial<Metrics> = {}): Metrics {
	const result = emptyMetrics();
	merge(result as unknown as Record<string, unknown>, patch as Record<string, unknown>);
	return result;
}

/** A resolved selection: the half-year 2015-1, all three corporations, the priority groups. */
export function selection(patch: Partial<Selection> = {}): Selection {
	return {
		van: '2015-01-01',
		tot: '2015-07-01',
		corporaties: ['elan_wonen', 'pre_wonen', 'ymere'],
		doelgroepen: ['gezin_met_kinderen', 'oggz', 'senior'],
		wijken: null,
		peildatum: '2015-12-31',
		...patch
	};
}
