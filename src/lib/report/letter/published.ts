/** How the letter reads the published figures: a share as shown, and how much of a total a hidden count is. */
import type { Metrics } from '../../metrics/types';
import type { Range } from '../intervals';
import { publishFigure, type Mode } from '../publication';

/** A share as published, or null when it is unknown or left out in the mode. */
export function shareShown(t: Metrics, id: string, mode: Mode): number | null {
	const published = publishFigure(t, id, mode);
	return typeof published === 'number' ? published : null;
}

/** How much of a total a hidden count is, as a reader can work it out: at least ¾, over half, or less. */
export function portion(range: Range | undefined, total: number): 'allemaal' | 'meeste' | 'deel' {
	if (!range || total <= 0) return 'deel';
	if (range.min >= 0.75 * total) return 'allemaal';
	return range.min > total / 2 ? 'meeste' : 'deel';
}

/** The sentence where a total is hidden by the secondary rule. */
export const NOT_STATED =
	'Om kleine aantallen elders te beschermen, worden het aantal en de afloop in deze publicatieversie niet vermeld.';
