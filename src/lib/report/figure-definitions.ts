/**
 * The definition of each figure in one Dutch sentence (metrics.md), shown by the "i" beside a
 * headline figure on the dashboard and on the Verantwoording page: one text for both.
 */
export const FIGURE_DEFINITIONS: Readonly<Record<string, string>> = {
	signalen:
		'Het aantal keren dat een huurder in de periode één maand huurachterstand bereikte (gebeurtenis achterstand_1m).',
	meldingen_sdv: 'Het aantal meldingen bij Schulddienstverlening in de periode (melding_sdv).',
	meldingen_swt: 'Het aantal meldingen bij het Sociaal Wijkteam in de periode (melding_swt).',
	deurwaarder:
		'Het aantal keren dat een dossier in de periode aan de deurwaarder is overgedragen (deurwaarder).',
	vonnissen: 'Het aantal vonnissen dat in de periode is uitgesproken (vonnis).',
	aanzeggingen: 'Het aantal aanzeggingen tot huisuitzetting in de periode (aanzegging).',
	ontruimingen:
		'Het aantal ontruimingen in de periode (ontruiming), met elke reden; een ontruiming zonder geldige reden telt als reden onbekend.',
	aanzeggingen_voorkomen:
		'De aanzeggingen in de periode waarvan het dossier op of na de aanzegging is afgesloten zonder ontruiming.',
	aanzeggingen_ontruimd:
		'De aanzeggingen in de periode waarvan het dossier op of na de aanzegging een ontruiming heeft, of is afgesloten met uitkomst ontruimd.',
	aanzeggingen_lopend:
		'De aanzeggingen in de periode waarvan het dossier op de peildatum nog loopt: niet ontruimd en niet afgesloten.',
	aandeel_voorkomen:
		'Voorkomen gedeeld door voorkomen plus ontruimd; lopende aanzeggingen tellen niet mee.',
	deurwaarder_na_afstemming:
		'Van de overdrachten aan de deurwaarder in de periode: het deel waarbij het dossier op of vóór die datum zowel een afstemming met het Sociaal Wijkteam als een huisbezoek had.',
	meldingen_met_plan:
		'Van de meldingen bij Schulddienstverlening in de periode: het deel met een plan van aanpak op of na de melding.',
	terugkoppeling_na_3m:
		'Van de keren dat drie maanden achterstand werd bereikt: het deel met een terugkoppeling op of na die datum.'
};
