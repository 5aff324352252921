/**
 * The demo data as the parties' own exports (data/bronnen/): one wide export per corporation (one
 * row per tenant, a date column per step, names and addresses in columns the profiles do not use),
 * and the long activity registrations of Schulddienstverlening and the Sociaal Wijkteam with their
 * own labels. Each comes with its source profile; read through those profiles the exports give the
 * same rows (under pseudonymised ids) as data/*.csv. Pure and seeded.
 */
import type { EventCode, Outcome, Reason, TargetGroup } from '../domain/codes';
import type { EventRow } from '../import/types';
import type { DemoData } from './generate';
import { Random } from './random';

/** A cell of an export: text, a date (written as the party's system writes dates) or an Excel serial. */
export type SourceCell = string | { date: string } | { serial: number } | null;

/** One export: its file name, header and rows, and its profile (as the JSON object of the profile file). */
export interface DemoSource {
	file: string;
	profileFile: string;
	/** How the file is written: CSV with its delimiter and date style, or a workbook sheet. */
	format:
		| { kind: 'csv'; delimiter: ';' | ','; bom: boolean; dates: 'dmy' | 'iso' | 'd/m/y' }
		| { kind: 'xlsx'; sheet: string };
	header: string[];
	rows: SourceCell[][];
	profile: Record<string, unknown>;
}

const FORMAT = 'huisuitzettingen-bronprofiel/1';

/** Which party records which step in the demo: every code in exactly one export. */
const CORPORATION_STEPS: [EventCode, string][] = [
	['achterstand_1m', 'Datum 1 mnd achterstand'],
	['contact', 'Eerste contact'],
	['achterstand_2m', 'Datum 2 mnd achterstand'],
	['melding_sdv', 'Aanmelding SDV'],
	['melding_swt', 'Aanmelding wijkteam'],
	['achterstand_3m', 'Datum 3 mnd achterstand'],
	['betalingsregeling', 'Betalingsregeling getroffen'],
	['deurwaarder', 'Overdracht deurwaarder'],
	['dagvaarding', 'Dagvaarding'],
	['vonnis', 'Vonnisdatum'],
	['aanzegging', 'Aanzegging'],
	['ontruiming', 'Ontruimingsdatum'],
	['afgesloten', 'Einddatum']
];
const SDV_LABELS: Partial<Record<EventCode, string>> = {
	uitnodiging_sdv: 'Uitnodigingsbrief verstuurd',
	intake_sdv: 'Intakegesprek',
	budgetbeheer: 'Start budgetbeheer',
	schuldhulptraject: 'Start schuldregeling'
};
const SWT_LABELS: Partial<Record<EventCode, string>> = {
	huisbezoek: 'Huisbezoek',
	afstemming_swt: 'Afstemming met verhuurder',
	plan_van_aanpak: 'Plan van aanpak vastgesteld',
	terugkoppeling: 'Terugkoppeling ketenpartners'
};
const GROUP_LABELS: Record<TargetGroup, string[]> = {
	gezin_met_kinderen: ['Gezin met kinderen', 'Eenoudergezin'],
	senior: ['65+'],
	oggz: ['Bijzondere doelgroep (OGGZ)'],
	overig: ['Alleenstaand', 'Paar zonder kinderen', 'Onbekend']
};
const REASON_LABELS: Record<Exclude<Reason, 'onbekend'>, string> = {
	huurachterstand: 'Huurschuld',
	overlast: 'Overlast',
	hennep_drugs: 'Hennepkwekerij',
	woonfraude: 'Woonfraude',
	overig: 'Anders'
};
const OUTCOME_LABELS: Record<Outcome, string> = {
	opgelost: 'Schuld betaald',
	betalingsregeling: 'Regeling loopt',
	schuldhulp: 'Naar schuldhulp',
	verhuisd: 'Vertrokken',
	ontruimd: 'Ontruimd',
	overig: 'Overig'
};
const FIRST = ['Anna', 'Mohamed', 'Sanne', 'Kees', 'Fatima', 'Jan', 'Priya', 'Willem', 'Noor'];
const LAST = ['de Vries', 'Jansen', 'El Amrani', 'Bakker', 'Visser', 'Yilmaz', 'Smit', 'Meijer'];
const STREETS = ['Kleine Houtstraat', 'Rijksstraatweg', 'Amsterdamstraat', 'Europaweg', 'Zijlweg'];

const CORPORATIONS = [
	{ code: 'ymere', name: 'Ymere', slug: 'ymere', prefix: 'YM-', digits: 7 },
	{ code: 'pre_wonen', name: 'Pré Wonen', slug: 'pre-wonen', prefix: 'PW ', digits: 6 },
	{ code: 'elan_wonen', name: 'Elan Wonen', slug: 'elan-wonen', prefix: 'EW', digits: 6 }
] as const;

/** A nine-digit number that passes the eleven-test, as a BSN does (fictitious). */
function bsnLike(rng: Random): string {
	for (;;) {
		const d = Array.from({ length: 8 }, () => rng.int(0, 9));
		const sum = d.reduce((s, x, i) => s + x * (9 - i), 0);
		const last = sum % 11;
		if (last <= 9 && d[0] !== 0) return [...d, last].join('');
	}
}

const pick = <T>(rng: Random, list: readonly T[]): T => list[rng.int(0, list.length - 1)]!;

/** The exports of all parties and their profiles, made from one demo set. */
export function demoSources(data: DemoData, seed = 20): DemoSource[] {
	const rng = new Random(seed ^ 0x5eed);
	const contract = new Map<string, string>();
	const events = new Map<string, EventRow[]>();
	for (const e of data.events) {
		const list = events.get(e.dossier_id);
		if (list) list.push(e);
		else events.set(e.dossier_id, [e]);
	}
	const sources: DemoSource[] = [];
	const sdvRows: { contract: string; event: EventRow | null; date: string }[] = [];
	const swtRows: { contract: string; event: EventRow | null; date: string }[] = [];
	for (const corp of CORPORATIONS) {
		const dossiers = data.dossiers.filter((d) => d.corporatie === corp.code);
		let serial = 1000 + rng.int(0, 500);
		const header = [
			'Huurcontractnummer',
			'Naam huurder',
			'Adres',
			'Postcode',
			'Huishoudtype',
			'Wijk',
			...CORPORATION_STEPS.map(([, column]) => column),
			'Reden ontruiming',
			'Afloop'
		];
		const rows: SourceCell[][] = [];
		for (const d of dossiers) {
			serial += rng.int(1, 40);
			const number = `${corp.prefix}${String(serial).padStart(corp.digits, '0')}`;
			contract.set(d.dossier_id, number);
			const own = events.get(d.dossier_id) ?? [];
			const at = (code: EventCode) => own.find((e) => e.gebeurtenis === code);
			const eviction = at('ontruiming');
			const closed = at('afgesloten');
			rows.push([
				number,
				`${pick(rng, FIRST)} ${pick(rng, LAST)}`,
				`${pick(rng, STREETS)} ${rng.int(1, 180)}`,
				`20${rng.int(11, 37)} ${String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25))}`,
				pick(rng, GROUP_LABELS[d.doelgroep]),
				d.wijk,
				...CORPORATION_STEPS.map(([code]) => {
					const e = at(code);
					return e ? { date: e.datum } : null;
				}),
				eviction?.reden && eviction.reden !== 'onbekend' ? REASON_LABELS[eviction.reden] : null,
				closed?.uitkomst ? OUTCOME_LABELS[closed.uitkomst] : null
			]);
			for (const e of own) {
				const target =
					e.gebeurtenis in SDV_LABELS ? sdvRows : e.gebeurtenis in SWT_LABELS ? swtRows : null;
				target?.push({ contract: number, event: e, date: e.datum });
			}
			// Activities the evaluation does not count: skipped through the profiles (overgeslagen).
			const intake = at('intake_sdv');
			if (intake && rng.chance(0.6))
				sdvRows.push({ contract: number, event: null, date: intake.datum });
			const visit = at('huisbezoek');
			if (visit && rng.chance(0.5))
				swtRows.push({ contract: number, event: null, date: visit.datum });
		}
		const groupTable: Record<string, string> = {};
		for (const [group, labels] of Object.entries(GROUP_LABELS)) {
			if (group !== 'overig') for (const l of labels) groupTable[l] = group;
		}
		const xlsx = corp.code === 'pre_wonen';
		sources.push({
			file: `${corp.slug}-huurincasso.${xlsx ? 'xlsx' : 'csv'}`,
			profileFile: `${corp.slug}.profiel.json`,
			format: xlsx
				? { kind: 'xlsx', sheet: 'Export' }
				: corp.code === 'ymere'
					? { kind: 'csv', delimiter: ';', bom: true, dates: 'dmy' }
					: { kind: 'csv', delimiter: ',', bom: false, dates: 'iso' },
			header,
			rows,
			profile: {
				formaat: FORMAT,
				naam: `${corp.name} huurincasso-export`,
				vorm: 'breed',
				...(xlsx ? { werkblad: 'Export' } : {}),
				dossier_id: { kolommen: ['Huurcontractnummer'], pseudonimiseren: true },
				corporatie: { waarde: corp.name },
				doelgroep: { kolom: 'Huishoudtype', waarden: groupTable, anders: 'overig' },
				wijk: { kolom: 'Wijk' },
				gebeurtenissen: CORPORATION_STEPS.map(([code, column]) => ({
					gebeurtenis: code,
					kolom: column,
					...(code === 'ontruiming'
						? { reden: { kolom: 'Reden ontruiming', waarden: invert(REASON_LABELS) } }
						: {}),
					...(code === 'afgesloten'
						? { uitkomst: { kolom: 'Afloop', waarden: invert(OUTCOME_LABELS) } }
						: {})
				}))
			}
		});
	}
	const byDate = <T extends { date: string }>(rows: T[]) =>
		rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	const workers = ['M. de Boer', 'S. Ait Taleb', 'R. Hoekstra'];
	sources.push({
		file: 'sdv-activiteiten.csv',
		profileFile: 'sdv.profiel.json',
		format: { kind: 'csv', delimiter: ';', bom: false, dates: 'dmy' },
		header: [
			'Registratienummer',
			'Huurcontract',
			'Cliëntnaam',
			'BSN',
			'Datum',
			'Activiteit',
			'Consulent'
		],
		rows: byDate(sdvRows).map((r, i) => [
			`SDV-${String(20000 + i)}`,
			rng.chance(0.3) ? r.contract.toLowerCase() : r.contract,
			`${pick(rng, FIRST)} ${pick(rng, LAST)}`,
			bsnLike(rng),
			{ date: r.date },
			r.event ? SDV_LABELS[r.event.gebeurtenis]! : 'Telefonisch contact',
			pick(rng, workers)
		]),
		profile: {
			formaat: FORMAT,
			naam: 'Schulddienstverlening, activiteiten',
			vorm: 'lang',
			dossier_id: { kolommen: ['Huurcontract'], pseudonimiseren: true },
			datum: { kolom: 'Datum' },
			gebeurtenis: {
				kolom: 'Activiteit',
				waarden: { ...invert(SDV_LABELS), 'Telefonisch contact': null }
			}
		}
	});
	sources.push({
		file: 'swt-registraties.csv',
		profileFile: 'swt.profiel.json',
		format: { kind: 'csv', delimiter: ',', bom: true, dates: 'd/m/y' },
		header: [
			'Contractnr verhuurder',
			'Naam cliënt',
			'Telefoon',
			'Datum activiteit',
			'Soort',
			'Wijkteam'
		],
		rows: byDate(swtRows).map((r) => [
			r.contract,
			`${pick(rng, FIRST)} ${pick(rng, LAST)}`,
			`06${String(rng.int(10_000_000, 99_999_999))}`,
			{ date: r.date },
			r.event ? SWT_LABELS[r.event.gebeurtenis]! : 'Dossier bijgewerkt',
			`SWT ${pick(rng, ['Noord', 'Oost', 'Centrum', 'Schalkwijk', 'Zuid-West'])}`
		]),
		profile: {
			formaat: FORMAT,
			naam: 'Sociaal Wijkteam, registraties',
			vorm: 'lang',
			dossier_id: { kolommen: ['Contractnr verhuurder'], pseudonimiseren: true },
			datum: { kolom: 'Datum activiteit' },
			gebeurtenis: {
				kolom: 'Soort',
				waarden: { ...invert(SWT_LABELS), 'Dossier bijgewerkt': null }
			}
		}
	});
	return sources;
}

function invert(labels: Partial<Record<string, string>>): Record<string, string> {
	return Object.fromEntries(Object.entries(labels).map(([code, label]) => [label!, code]));
}

/** A date cell as written in a CSV of this date style. */
export function csvDate(iso: string, style: 'dmy' | 'iso' | 'd/m/y'): string {
	if (style === 'iso') return iso;
	const [y, m, d] = iso.split('-');
	return style === 'dmy' ? `${d}-${m}-${y}` : `${Number(d)}/${Number(m)}/${y}`;
}

/** The CSV text of an export (CRLF, quoted where needed, BOM when the party's system writes one). */
export function sourceCsv(source: DemoSource): string {
	if (source.format.kind !== 'csv') throw new Error(`${source.file} is geen CSV`);
	const { delimiter, bom, dates } = source.format;
	const field = (cell: SourceCell) => {
		const text =
			cell === null
				? ''
				: typeof cell === 'string'
					? cell
					: 'date' in cell
						? csvDate(cell.date, dates)
						: String(cell.serial);
		return text.includes(delimiter) || /["\r\n]/.test(text)
			? `"${text.replace(/"/g, '""')}"`
			: text;
	};
	const lines = [source.header, ...source.rows].map((r) => r.map(field).join(delimiter));
	return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/** The workbook of an .xlsx export: date cells as dates, every tenth as a bare Excel serial number. */
export async function sourceXlsx(source: DemoSource): Promise<Uint8Array> {
	if (source.format.kind !== 'xlsx') throw new Error(`${source.file} is geen werkmap`);
	const { default: writeXlsxFile } = await import('write-excel-file/universal');
	let n = 0;
	const cell = (value: SourceCell) => {
		if (value === null) return null;
		if (typeof value === 'string') return { value, type: String };
		if ('serial' in value) return { value: value.serial, type: Number };
		const date = new Date(`${value.date}T00:00:00Z`);
		if (++n % 10 === 0) return { value: date.getTime() / 86_400_000 + 25_569, type: Number };
		return { value: date, type: Date, format: 'dd-mm-yyyy' };
	};
	const data = [
		source.header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
		...source.rows.map((row) => row.map(cell))
	];
	const toelichting = [
		[{ value: 'Export huurincasso, aangemaakt door het incassosysteem', type: String }]
	];
	const blob = await writeXlsxFile([
		{ data: toelichting, sheet: 'Toelichting' },
		{ data, sheet: source.format.sheet }
	] as never).toBlob();
	return new Uint8Array(await blob.arrayBuffer());
}
