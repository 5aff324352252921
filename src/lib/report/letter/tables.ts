/** The letter's tables: key figures, reasons, lead times, cooperation and vroegsignalering, as published. */
import { REASONS } from '../../domain/codes';
import { LEAD_TIMES } from '../../domain/lead-times';
import {
	figure,
	figuresAlongChain,
	figuresIn,
	VS_FIGURES,
	type Figure
} from '../../metrics/catalog';
import type { Metrics } from '../../metrics/types';
import { corporationName, LEAD_TIME_LABELS, orderCorporations } from '../format';
import { displayCount, displayDays, displayFigure } from '../publication';
import { publishVsValue, vsCellText, vsValue } from '../vroegsignalering';
import { KETEN_COUNTS } from '../../metrics/keten';
import { KETEN_LABELS } from '../keten';
import { SHV_LETTER_ROWS, shvCellText, shvLabel } from '../schuldhulpverlening';
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
	const vs = input.vroegsignalering;
	const vsTable: LetterTable[] = vs
		? [
				{
					id: 'vroegsignalering',
					caption: 'Vroegsignalering: kerncijfers (alle verhuurders)',
					header: ['Cijfer', 'Totaal'],
					rows: VS_FIGURES.filter((f) => f.views.includes('brief')).map((f) => [
						f.label,
						vsCellText(
							f.id,
							publishVsValue(f.id, vsValue(vs.totaal, f.id), (p) => vsValue(vs.totaal, p), mode)
						)
					])
				}
			]
		: [];
	const shv = input.schuldhulpverlening;
	const shvTable: LetterTable[] = shv
		? [
				{
					id: 'schuldhulpverlening',
					caption: 'Schuldhulpverlening: kerncijfers tegen de normen van de Wgs (alle inwoners)',
					header: ['Cijfer', 'Totaal'],
					rows: SHV_LETTER_ROWS.map((path) => [shvLabel(path), shvCellText(shv.totaal, path, mode)])
				}
			]
		: [];
	const keten = input.keten;
	const ketenColumns = keten
		? [
				keten.totaal,
				...(corporations.length > 1
					? corporations.map((c) => keten.per_corporatie[c]).filter((m) => m !== undefined)
					: [])
			]
		: [];
	const ketenTable: LetterTable[] = keten
		? [
				{
					id: 'keten',
					caption:
						'Van signaal tot vonnis: dossiers met een vonnis in de periode (met adressleutel)',
					header: header('Cijfer'),
					rows: [
						...KETEN_COUNTS.map((id) => [
							KETEN_LABELS[id],
							...ketenColumns.map((m) => count(m[id]))
						]),
						[
							KETEN_LABELS.doorlooptijd,
							...ketenColumns.map((m) => {
								const lt = m.doorlooptijd_signaal_aanmelding;
								return lt.n === 0 ? '–' : `${displayDays(lt.mediaan, lt.n, mode)} (${count(lt.n)})`;
							})
						]
					]
				}
			]
		: [];
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
		...vsTable,
		...shvTable,
		...ketenTable
	];
}
