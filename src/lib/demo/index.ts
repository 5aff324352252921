/** The demo-data generator: seeded, fictitious exchange-format data for the demo, tests and benchmarks. */
export {
	DEMO_DEFAULTS,
	MAY_2015,
	WIJKEN,
	dossiersPerYearFor,
	generateDemo,
	generateDemoDossiers,
	type DemoAdresSleutel,
	type DemoData,
	type DemoDossier,
	type DemoOptions
} from './generate';
export {
	COMBINED_COLUMNS,
	DOSSIER_COLUMNS,
	EVENT_COLUMNS,
	combinedLine,
	demoCsvChunks,
	dossierLine,
	eventLine,
	toCombinedCsv,
	toCsv,
	type DemoCsv,
	type DemoCsvChunk
} from './csv';
export { DEMO_KEY, addressKey, type DemoAdres } from './address';
export { demoChain, demoDeliveries, type ChainDossier, type DemoChain } from './chain';
export { Random } from './random';
