/** The hand-made inputs of the letter's golden files: one per situation a Dutch editor should see. */
import type { LetterInput } from '../../../src/lib/report/letter';
import { metrics, selection } from './fixture';

const leadTime = (n: number, mediaan: number | null, met_norm = 0, binnen_norm = 0, open = 0) => ({
	n,
	open,
	mediaan,
	p25: mediaan === null ? null : mediaan - 1,
	p75: mediaan === null ? null : mediaan + 2,
	p90: mediaan === null ? null : mediaan + 5,
	met_norm,
	binnen_norm
});

/** The 2015 letter: gezinnen met kinderen, 1 november 2014 tot 1 mei 2015, 18 aanzeggingen, op één na voorkomen. */
const brief2015: LetterInput = {
	selection: selection({
		van: '2014-11-01',
		tot: '2015-05-01',
		doelgroepen: ['gezin_met_kinderen'],
		peildatum: '2015-05-20'
	}),
	totaal: metrics({
		signalen: 64,
		meldingen_sdv: 23,
		meldingen_swt: 9,
		deurwaarder: 31,
		vonnissen: 25,
		vonnissen_voorkomen: 19,
		vonnissen_ontruimd: 4,
		vonnissen_lopend: 2,
		aanzeggingen: 18,
		aanzeggingen_voorkomen: 17,
		aanzeggingen_ontruimd: 1,
		aanzeggingen_lopend: 0,
		aandeel_voorkomen: 17 / 18,
		ontruimingen: 3,
		ontruimingen_per_reden: { huurachterstand: 2, overlast: 1 },
		doorlooptijden: {
			signaal_contact: leadTime(60, 6, 60, 48),
			achterstand2_huisbezoek: leadTime(30, 16.5, 30, 14),
			melding_uitnodiging: leadTime(22, 5, 22, 19),
			uitnodiging_intake: leadTime(18, 7, 12, 10),
			achterstand3_terugkoppeling: { open: 3 },
			signaal_deurwaarder: leadTime(28, 84),
			vonnis_ontruiming: leadTime(3, 41)
		},
		samenwerking: {
			contact_binnen_14_dagen: { teller: 51, noemer: 64 },
			deurwaarder_na_afstemming: { teller: 24, noemer: 31 },
			meldingen_met_plan: { teller: 18, noemer: 23 },
			terugkoppeling_na_3m: { teller: 12, noemer: 12 }
		}
	}),
	perCorporatie: {
		ymere: metrics({
			signalen: 30,
			meldingen_sdv: 11,
			meldingen_swt: 4,
			deurwaarder: 15,
			vonnissen: 12,
			vonnissen_voorkomen: 9,
			vonnissen_ontruimd: 2,
			vonnissen_lopend: 1,
			aanzeggingen: 9,
			aanzeggingen_voorkomen: 9,
			aandeel_voorkomen: 1,
			ontruimingen: 1,
			ontruimingen_per_reden: { huurachterstand: 1 },
			doorlooptijden: {
				signaal_contact: leadTime(28, 7, 28, 20),
				achterstand2_huisbezoek: leadTime(15, 18, 15, 9),
				melding_uitnodiging: leadTime(10, 5, 10, 9),
				uitnodiging_intake: leadTime(6, 9),
				signaal_deurwaarder: leadTime(14, 80),
				vonnis_ontruiming: leadTime(1, 38)
			},
			samenwerking: {
				contact_binnen_14_dagen: { teller: 24, noemer: 30 },
				deurwaarder_na_afstemming: { teller: 12, noemer: 15 },
				meldingen_met_plan: { teller: 9, noemer: 11 },
				terugkoppeling_na_3m: { teller: 6, noemer: 6 }
			}
		}),
		pre_wonen: metrics({
			signalen: 20,
			meldingen_sdv: 7,
			meldingen_swt: 3,
			deurwaarder: 10,
			vonnissen: 8,
			vonnissen_voorkomen: 6,
			vonnissen_ontruimd: 1,
			vonnissen_lopend: 1,
			aanzeggingen: 6,
			aanzeggingen_voorkomen: 5,
			aanzeggingen_ontruimd: 1,
			aandeel_voorkomen: 5 / 6,
			ontruimingen: 2,
			ontruimingen_per_reden: { huurachterstand: 1, overlast: 1 },
			doorlooptijden: {
				signaal_contact: leadTime(20, 5, 20, 17),
				achterstand2_huisbezoek: leadTime(10, 15, 10, 3),
				melding_uitnodiging: leadTime(7, 4, 7, 6),
				uitnodiging_intake: leadTime(7, 6, 7, 6),
				signaal_deurwaarder: leadTime(9, 90),
				vonnis_ontruiming: leadTime(2, 43.5)
			},
			samenwerking: {
				contact_binnen_14_dagen: { teller: 16, noemer: 20 },
				deurwaarder_na_afstemming: { teller: 8, noemer: 10 },
				meldingen_met_plan: { teller: 5, noemer: 7 },
				terugkoppeling_na_3m: { teller: 4, noemer: 4 }
			}
		}),
		elan_wonen: metrics({
			signalen: 14,
			meldingen_sdv: 5,
			meldingen_swt: 2,
			deurwaarder: 6,
			vonnissen: 5,
			vonnissen_voorkomen: 4,
			vonnissen_ontruimd: 1,
			aanzeggingen: 3,
			aanzeggingen_voorkomen: 3,
			aandeel_voorkomen: 1,
			doorlooptijden: {
				signaal_contact: leadTime(12, 4, 12, 11),
				achterstand2_huisbezoek: leadTime(5, 12, 5, 2),
				melding_uitnodiging: leadTime(5, 6, 5, 4),
				uitnodiging_intake: leadTime(5, 7, 5, 4),
				signaal_deurwaarder: leadTime(5, 77)
			},
			samenwerking: {
				contact_binnen_14_dagen: { teller: 11, noemer: 14 },
				deurwaarder_na_afstemming: { teller: 4, noemer: 6 },
				meldingen_met_plan: { teller: 4, noemer: 5 },
				terugkoppeling_na_3m: { teller: 2, noemer: 2 }
			}
		})
	},
	previous: metrics({
		signalen: 58,
		meldingen_sdv: 23,
		meldingen_swt: 6,
		aanzeggingen: 21,
		ontruimingen: 3
	}),
	previousPeriod: { van: '2014-05-01', tot: '2014-11-01' },
	mode: 'intern'
};

/**
 * The sentences issue 21 quoted: fourteen aanzeggingen, op twee na voorkomen, next to one eviction
 * carried out in the period (for rent arrears); the letter says how the two fit.
 */
const opTweeNa: LetterInput = {
	selection: selection({ van: '2016-07-01', tot: '2017-01-01', peildatum: '2017-01-20' }),
	totaal: metrics({
		signalen: 52,
		meldingen_sdv: 19,
		meldingen_swt: 7,
		deurwaarder: 16,
		vonnissen: 11,
		vonnissen_voorkomen: 8,
		vonnissen_ontruimd: 2,
		vonnissen_lopend: 1,
		aanzeggingen: 14,
		aanzeggingen_voorkomen: 12,
		aanzeggingen_ontruimd: 2,
		aandeel_voorkomen: 12 / 14,
		ontruimingen: 1,
		ontruimingen_per_reden: { huurachterstand: 1 },
		samenwerking: {
			contact_binnen_14_dagen: { teller: 44, noemer: 52 },
			deurwaarder_na_afstemming: { teller: 13, noemer: 16 },
			meldingen_met_plan: { teller: 15, noemer: 19 }
		}
	}),
	perCorporatie: {},
	previous: metrics({
		signalen: 47,
		meldingen_sdv: 21,
		meldingen_swt: 7,
		aanzeggingen: 15,
		ontruimingen: 3
	}),
	previousPeriod: { van: '2016-01-01', tot: '2016-07-01' },
	mode: 'intern'
};

const zeros = { ymere: metrics(), pre_wonen: metrics(), elan_wonen: metrics() };

export const LETTER_CASES: { name: string; input: LetterInput }[] = [
	{
		name: 'geen-aanzeggingen',
		input: {
			selection: selection(),
			totaal: metrics(),
			perCorporatie: zeros,
			previous: metrics(),
			previousPeriod: { van: '2014-07-01', tot: '2015-01-01' },
			mode: 'intern'
		}
	},
	{
		name: 'een-voorkomen',
		input: {
			selection: selection({
				van: '2015-07-01',
				tot: '2016-01-01',
				corporaties: ['ymere'],
				doelgroepen: ['senior']
			}),
			totaal: metrics({
				signalen: 1,
				meldingen_sdv: 1,
				deurwaarder: 1,
				vonnissen: 1,
				vonnissen_voorkomen: 1,
				aanzeggingen: 1,
				aanzeggingen_voorkomen: 1,
				aandeel_voorkomen: 1,
				doorlooptijden: { signaal_contact: leadTime(1, 1, 1, 1) },
				samenwerking: {
					contact_binnen_14_dagen: { teller: 1, noemer: 1 },
					deurwaarder_na_afstemming: { teller: 1, noemer: 1 },
					meldingen_met_plan: { teller: 0, noemer: 1 }
				}
			}),
			perCorporatie: {},
			previous: null,
			previousPeriod: null,
			mode: 'intern'
		}
	},
	{
		name: 'een-ontruimd',
		input: {
			selection: selection({ doelgroepen: ['gezin_met_kinderen'] }),
			totaal: metrics({
				signalen: 2,
				meldingen_swt: 1,
				deurwaarder: 2,
				vonnissen: 1,
				vonnissen_ontruimd: 1,
				aanzeggingen: 1,
				aanzeggingen_ontruimd: 1,
				aandeel_voorkomen: 0,
				ontruimingen: 1,
				ontruimingen_per_reden: { overlast: 1 },
				samenwerking: {
					contact_binnen_14_dagen: { teller: 2, noemer: 2 },
					deurwaarder_na_afstemming: { teller: 0, noemer: 2 }
				}
			}),
			perCorporatie: {
				ymere: metrics({ signalen: 1, deurwaarder: 1 }),
				pre_wonen: metrics({
					signalen: 1,
					meldingen_swt: 1,
					deurwaarder: 1,
					vonnissen: 1,
					vonnissen_ontruimd: 1,
					aanzeggingen: 1,
					aanzeggingen_ontruimd: 1,
					aandeel_voorkomen: 0,
					ontruimingen: 1,
					ontruimingen_per_reden: { overlast: 1 },
					samenwerking: { deurwaarder_na_afstemming: { teller: 0, noemer: 1 } }
				}),
				elan_wonen: metrics()
			},
			previous: metrics({ signalen: 2, meldingen_swt: 3 }),
			previousPeriod: { van: '2014-07-01', tot: '2015-01-01' },
			mode: 'intern'
		}
	},
	{ name: 'brief-2015', input: brief2015 },
	{ name: 'op-twee-na-een-ontruiming', input: opTweeNa },
	{ name: 'op-twee-na-een-ontruiming-publicatie', input: { ...opTweeNa, mode: 'publicatie' } },
	{
		// Eight evictions for four reasons, each below five: the reasons said once, not four times.
		name: 'publicatie-redenen',
		input: {
			...opTweeNa,
			totaal: {
				...opTweeNa.totaal,
				ontruimingen: 8,
				ontruimingen_per_reden: {
					...opTweeNa.totaal.ontruimingen_per_reden,
					huurachterstand: 4,
					overlast: 2,
					hennep_drugs: 1,
					woonfraude: 1
				}
			},
			mode: 'publicatie'
		}
	},
	{ name: 'brief-2015-publicatie', input: { ...brief2015, mode: 'publicatie' } },
	{
		name: 'lopend',
		input: {
			selection: selection({ wijken: ['schalkwijk', 'haarlem_oost'] }),
			totaal: metrics({
				signalen: 120,
				meldingen_sdv: 40,
				meldingen_swt: 22,
				deurwaarder: 35,
				vonnissen: 30,
				vonnissen_voorkomen: 20,
				vonnissen_ontruimd: 6,
				vonnissen_lopend: 4,
				aanzeggingen: 20,
				aanzeggingen_voorkomen: 15,
				aanzeggingen_ontruimd: 1,
				aanzeggingen_lopend: 4,
				aandeel_voorkomen: 15 / 16,
				ontruimingen: 8,
				ontruimingen_per_reden: { huurachterstand: 5, overlast: 1, hennep_drugs: 1, onbekend: 1 },
				doorlooptijden: {
					signaal_contact: leadTime(110, 9, 110, 99),
					achterstand2_huisbezoek: leadTime(50, 12, 50, 45),
					melding_uitnodiging: leadTime(38, 3, 38, 38),
					uitnodiging_intake: leadTime(30, 6, 20, 19)
				},
				samenwerking: {
					contact_binnen_14_dagen: { teller: 100, noemer: 120 },
					deurwaarder_na_afstemming: { teller: 30, noemer: 35 },
					meldingen_met_plan: { teller: 40, noemer: 40 },
					terugkoppeling_na_3m: { teller: 0, noemer: 15 }
				}
			}),
			perCorporatie: {
				ymere: metrics({
					signalen: 60,
					aanzeggingen: 10,
					aanzeggingen_voorkomen: 8,
					aanzeggingen_lopend: 2,
					ontruimingen: 4
				}),
				pre_wonen: metrics({
					signalen: 40,
					aanzeggingen: 6,
					aanzeggingen_voorkomen: 4,
					aanzeggingen_ontruimd: 1,
					aanzeggingen_lopend: 1,
					ontruimingen: 3
				}),
				elan_wonen: metrics({
					signalen: 20,
					aanzeggingen: 4,
					aanzeggingen_voorkomen: 3,
					aanzeggingen_lopend: 1,
					ontruimingen: 1
				})
			},
			previous: null,
			previousPeriod: null,
			mode: 'intern'
		}
	},
	{
		name: 'op-drie-na',
		input: {
			selection: selection({
				corporaties: ['ymere', 'pre_wonen'],
				doelgroepen: ['senior', 'oggz']
			}),
			totaal: metrics({
				signalen: 15,
				meldingen_sdv: 4,
				meldingen_swt: 0,
				deurwaarder: 11,
				vonnissen: 10,
				vonnissen_voorkomen: 10,
				aanzeggingen: 12,
				aanzeggingen_voorkomen: 9,
				aanzeggingen_ontruimd: 3,
				aandeel_voorkomen: 0.75,
				ontruimingen: 5,
				ontruimingen_per_reden: { onbekend: 5 },
				doorlooptijden: {
					signaal_contact: leadTime(14, 20, 14, 14),
					achterstand2_huisbezoek: leadTime(9, 10, 9, 9)
				},
				samenwerking: {
					contact_binnen_14_dagen: { teller: 12, noemer: 15 },
					deurwaarder_na_afstemming: { teller: 11, noemer: 11 },
					meldingen_met_plan: { teller: 3, noemer: 4 }
				}
			}),
			perCorporatie: {
				ymere: metrics({
					signalen: 9,
					aanzeggingen: 7,
					aanzeggingen_voorkomen: 5,
					aanzeggingen_ontruimd: 2,
					ontruimingen: 3
				}),
				pre_wonen: metrics({
					signalen: 6,
					aanzeggingen: 5,
					aanzeggingen_voorkomen: 4,
					aanzeggingen_ontruimd: 1,
					ontruimingen: 2
				})
			},
			previous: null,
			previousPeriod: null,
			mode: 'intern'
		}
	},
	{
		name: 'vergelijking',
		input: {
			selection: selection({ corporaties: ['elan_wonen'] }),
			totaal: metrics({
				signalen: 40,
				meldingen_sdv: 12,
				aanzeggingen: 7,
				aanzeggingen_voorkomen: 7,
				ontruimingen: 1,
				ontruimingen_per_reden: { huurachterstand: 1 }
			}),
			perCorporatie: {},
			previous: metrics({ signalen: 35, meldingen_sdv: 12, aanzeggingen: 10, ontruimingen: 3 }),
			previousPeriod: { van: '2014-07-01', tot: '2015-01-01' },
			mode: 'intern'
		}
	},
	{
		name: 'publicatie',
		input: {
			selection: selection(),
			totaal: metrics({
				signalen: 45,
				meldingen_sdv: 8,
				meldingen_swt: 3,
				deurwaarder: 12,
				vonnissen: 9,
				vonnissen_voorkomen: 6,
				vonnissen_ontruimd: 2,
				vonnissen_lopend: 1,
				aanzeggingen: 18,
				aanzeggingen_voorkomen: 14,
				aanzeggingen_ontruimd: 3,
				aanzeggingen_lopend: 1,
				aandeel_voorkomen: 14 / 17,
				ontruimingen: 4,
				ontruimingen_per_reden: { huurachterstand: 3, overlast: 1 },
				doorlooptijden: {
					signaal_contact: leadTime(40, 7, 40, 31),
					achterstand2_huisbezoek: leadTime(3, 15, 3, 1),
					melding_uitnodiging: leadTime(7, 5, 7, 6)
				},
				samenwerking: {
					contact_binnen_14_dagen: { teller: 40, noemer: 45 },
					deurwaarder_na_afstemming: { teller: 3, noemer: 12 },
					meldingen_met_plan: { teller: 6, noemer: 8 },
					terugkoppeling_na_3m: { teller: 2, noemer: 3 }
				}
			}),
			perCorporatie: {
				ymere: metrics({
					signalen: 25,
					meldingen_sdv: 5,
					meldingen_swt: 1,
					deurwaarder: 7,
					vonnissen: 5,
					vonnissen_voorkomen: 3,
					vonnissen_ontruimd: 1,
					vonnissen_lopend: 1,
					aanzeggingen: 11,
					aanzeggingen_voorkomen: 9,
					aanzeggingen_ontruimd: 2,
					aandeel_voorkomen: 9 / 11,
					ontruimingen: 3,
					ontruimingen_per_reden: { huurachterstand: 3 }
				}),
				pre_wonen: metrics({
					signalen: 12,
					meldingen_sdv: 3,
					meldingen_swt: 2,
					deurwaarder: 5,
					vonnissen: 3,
					vonnissen_voorkomen: 2,
					vonnissen_ontruimd: 1,
					aanzeggingen: 5,
					aanzeggingen_voorkomen: 4,
					aanzeggingen_lopend: 1,
					aandeel_voorkomen: 1,
					ontruimingen: 1,
					ontruimingen_per_reden: { overlast: 1 }
				}),
				elan_wonen: metrics({
					signalen: 8,
					vonnissen: 1,
					vonnissen_voorkomen: 1,
					aanzeggingen: 2,
					aanzeggingen_voorkomen: 1,
					aanzeggingen_ontruimd: 1,
					aandeel_voorkomen: 0.5
				})
			},
			previous: metrics({
				signalen: 45,
				meldingen_sdv: 2,
				meldingen_swt: 3,
				aanzeggingen: 25,
				ontruimingen: 7
			}),
			previousPeriod: { van: '2014-07-01', tot: '2015-01-01' },
			mode: 'publicatie'
		}
	},
	{
		name: 'publicatie-klein',
		input: {
			selection: selection({ corporaties: ['pre_wonen'], doelgroepen: ['oggz'] }),
			totaal: metrics({
				signalen: 6,
				meldingen_sdv: 2,
				deurwaarder: 2,
				vonnissen: 2,
				vonnissen_voorkomen: 1,
				vonnissen_ontruimd: 1,
				aanzeggingen: 3,
				aanzeggingen_voorkomen: 2,
				aanzeggingen_ontruimd: 1,
				aandeel_voorkomen: 2 / 3,
				ontruimingen: 1,
				ontruimingen_per_reden: { huurachterstand: 1 }
			}),
			perCorporatie: {},
			previous: metrics({ signalen: 2, aanzeggingen: 3, ontruimingen: 0 }),
			previousPeriod: { van: '2014-07-01', tot: '2015-01-01' },
			mode: 'publicatie'
		}
	}
];
