/** The letter's tables: key figures, reasons, lead times, cooperation, and one per block beside Artikel 4, as published. */
import { REASONS } from '../../domain/codes';
import { LEAD_TIMES } from '../../domain/lead-times';
import { figure, figuresAlongChain, figuresIn, type Figure } from '../../metrics/catalog';
import type { Metrics } from '../../metrics/types';
import { corporationName, LEAD_TIME_LABELS, orderCorporations } from '../format';
import { displayCount, displayDays, displayFigure } from '../publication';
import { boundBlocks } from '../blocks';
import type { LetterInput, LetterTable } from './types';

/** The tables of the letter from its published figures: Totaal, and a column per corporation when more than one. */
export function letterTables(input: LetterInput): LetterTable[] {
	const { mode } = input;
	const corporations = orderCorporations(Object.keys(input.perCorporatie));
	const columns: Metrics[] = [
		input.totaal,
		...(corporations.length > 1 ? corporations.map((c) => input.perCorporatie[c] as Metrics) : [])
	];
	const header = (first: string) => [
		first,
		'Totaal',
		...(corporations.length > 1 ? corporations.map(corporationName) : [])
	];
	const row = (label: string, cell: (m: Metrics) => string) => [label, ...columns.map(cell)];
	const count = (n: number) => displayCount(n, mode);

	const figureRows = (figures: readonly Figure[]) =>
		figures.map((f) => row(f.label, (m) => displayFigure(m, f.id, mode)));
	const keyRows = figureRows(figuresAlongChain('brief'));
	const reasonRows = figureRows(REASONS.map((r) => figure(`ontruimingen_per_reden.${r}`)));
	const leadTimeRows = LEAD_TIMES.map(({ id }) =>
		row(LEAD_TIME_LABELS[id] ?? id, (m) => {
			const f = m.doorlooptijden[id];
			return f.n === 0 ? '–' : `${displayDays(f.mediaan, f.n, mode)} (${count(f.n)})`;
		})
	);
	const cooperationRows = figureRows(figuresIn('samenwerking'));
	const blockTables = boundBlocks(input).map((block) =>
		block.letterTable({ mode, corporations: corporations.length > 1 ? corporations : [] })
	);
	return [
		{ id: 'kerncijfers', caption: 'Kerncijfers', header: header('Cijfer'), rows: keyRows },
		{ id: 'redenen', caption: 'Ontruimingen per reden', header: header('Reden'), rows: reasonRows },
		{
			id: 'doorlooptijden',
			caption: 'Doorlooptijden: mediaan in dagen, tussen haakjes het aantal afgeronde zaken',
			header: header('Doorlooptijd'),
			rows: leadTimeRows
		},
		{
			id: 'samenwerking',
			caption: 'Samenwerking: aandeel van de zaken waarin de afspraak is nagekomen',
			header: header('Afspraak'),
			rows: cooperationRows
		},
		...blockTables
	];
}
