/** The selection in words, and the messages for a selection the figures cannot show. */
import { describe, expect, it } from 'vitest';
import {
	corporationsText,
	doelgroepenText,
	selectionNotices,
	wijkenText
} from '../../../src/lib/report/selection-text';

describe('the selection in words', () => {
	it('names the corporations in the fixed order, and the empty set as none', () => {
		expect(corporationsText(['elan_wonen', 'ymere', 'pre_wonen'])).toBe(
			'Ymere, Pré Wonen en Elan Wonen'
		);
		expect(corporationsText(['woonstede', 'elan_wonen'])).toBe('Elan Wonen en Woonstede');
		expect(corporationsText([])).toBe('geen corporatie');
	});

	it('says that the default leaves out overige huurders', () => {
		expect(doelgroepenText(['senior', 'oggz', 'gezin_met_kinderen'])).toBe(
			'de prioritaire doelgroepen gezinnen met kinderen, senioren en kwetsbare personen (OGGZ), zonder overige huurders'
		);
		expect(doelgroepenText(['senior'])).toBe('senioren, zonder overige huurders');
		expect(doelgroepenText(['overig', 'senior'])).toBe('senioren en overige huurders');
		expect(doelgroepenText(['overig', 'senior', 'oggz', 'gezin_met_kinderen'])).toBe(
			'alle doelgroepen, ook overige huurders'
		);
		expect(doelgroepenText([])).toBe('geen doelgroep');
	});

	it('names the wijken, or all of them without a filter', () => {
		expect(wijkenText(null)).toBe('alle wijken');
		expect(wijkenText(['Noord'])).toBe('wijk Noord');
		expect(wijkenText(['Noord', 'Oost'])).toBe('wijken Noord en Oost');
	});
});

describe('selectionNotices', () => {
	const full = { corporaties: ['ymere'], doelgroepen: ['senior'], wijken: null };

	it('is empty for a selection the figures can show', () => {
		expect(selectionNotices(full)).toEqual([]);
	});

	it('says that an empty set selects nothing, so every figure is zero', () => {
		const [corporations] = selectionNotices({ ...full, corporaties: [] });
		expect(corporations).toMatch(/^Geen corporatie gekozen: .* alle cijfers zijn nul/);
		expect(corporations).toMatch(/Kies ten minste één corporatie/);
		const [both] = selectionNotices({ ...full, corporaties: [], doelgroepen: [] });
		expect(both).toMatch(/^Geen corporatie en geen doelgroep gekozen/);
	});

	it('names a wijk that the data does not have', () => {
		expect(selectionNotices({ ...full, wijken: ['Zuid'] }, { wijken: ['Noord'] })).toEqual([
			'De wijk Zuid komt in de gegevens niet voor; daar zijn alle cijfers nul.'
		]);
	});
});
