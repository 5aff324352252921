#!/usr/bin/env python3
"""Writes the held-out linked set of tests/heldout/keten/ (seeded; same output on every run).

  python3 tests/heldout/keten/make-set.py

Files (all made up; the clients are fictitious, their BSNs pass the eleven-test on purpose):
  sleutel.txt                  the werkgroep key of this set (not the demo's, not the spec's)
  dossiers.csv                 exchange format with adres_sleutel (HMAC of the address)
  gebeurtenissen.csv           events 2021-2023, vonnis / aanzegging / ontruiming / afgesloten
  vroegsignalering.json        one DDAS vroegsignalering delivery (clients with address, BSN …)
  schuldhulpverlening-a.json   DDAS schuldhulpverlening delivery of July 2023 (2022-01 … 2023-06)
  schuldhulpverlening-b.json   DDAS schuldhulpverlening delivery of January 2024 (2023), which
                               repeats every traject still open in 2023 (the later one wins)

The chain scenarios are placed on purpose around the window's edges (vonnis − 364 / − 365 / + 1),
the Wgs norms around holidays of the Algemene termijnenwet (Goede Vrijdag is none), and the
enumerations with odd spellings. Python 3 standard library only.
"""
import csv
import datetime as dt
import hashlib
import hmac
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20220701
KEY = 'heldout-keten-sleutel-7f3a9c'
END = dt.date(2023, 12, 22)  # the latest event date: the peildatum
D = dt.date
rng = random.Random(SEED)


def days(n):
    return dt.timedelta(days=n)


def iso(d):
    return d.isoformat()


def address_key(pc, hn, tv):
    msg = 'ADRES|' + ''.join(pc.split()).upper() + '|' + ''.join(str(hn).split()).upper() + '|' + \
        ''.join((tv or '').split()).upper()
    return hmac.new(KEY.encode(), msg.encode(), hashlib.sha256).hexdigest()[:32]


# ---------------------------------------------------------------- people and addresses

used_addresses = set()
used_bsn = set()


def bsn():
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        digits[0] = rng.randint(1, 6)
        s = sum((9 - i) * d for i, d in enumerate(digits))
        for last in range(10):
            if (s - last) % 11 == 0:
                value = ''.join(map(str, digits)) + str(last)
                if value not in used_bsn:
                    used_bsn.add(value)
                    return value


VOORNAMEN = ['Anouk', 'Bram', 'Chantal', 'Dirk', 'Esra', 'Fleur', 'Gerrit', 'Hanna', 'Ilias',
             'Joke', 'Karim', 'Lotte', 'Mohamed', 'Noor', 'Otto', 'Petra', 'Ruben', 'Sanne']
ACHTERNAMEN = ['Verhoef', 'Bakker', 'El Idrissi', 'de Wit', 'Kuiper', 'Yilmaz', 'Smit',
               'van Dijk', 'Mulder', 'Visser', 'Jansen', 'Brouwer', 'Koster', 'Vermeulen']


def person():
    born = D(1938, 1, 1) + days(rng.randint(0, 65 * 365))
    return {
        'bsn': bsn(),
        'geboortedatum': iso(born),
        'voornaam': rng.choice(VOORNAMEN),
        'achternaam': rng.choice(ACHTERNAMEN),
        'geslacht': rng.choice(['Man', 'Vrouw', 'Onbekend']),
    }


def address():
    while True:
        pc = f'20{rng.randint(11, 37)}{rng.choice("ABCEGHJKLMNPRSTVWX")}{rng.choice("ABCEGHJKLMNPRSTVWXZ")}'
        hn = rng.randint(1, 260)
        tv = rng.choice([None] * 6 + ['a', 'b', 'bis', '2', 'rd'])
        if (pc, hn, tv) not in used_addresses:
            used_addresses.add((pc, hn, tv))
            return {'postcode': pc, 'huisnummer': hn, 'toevoeging': tv}


def key_of(adr):
    return address_key(adr['postcode'], adr['huisnummer'], adr['toevoeging'])


def written_postcode(adr):
    """The parties write postcodes in several ways; the key is the same."""
    pc = adr['postcode']
    style = rng.random()
    if style < 0.5:
        return pc
    if style < 0.8:
        return pc[:4] + ' ' + pc[4:]
    return (pc[:4] + ' ' + pc[4:]).lower()


def client_vs(adr, p):
    c = {'Burgerservicenummer': p['bsn'], 'Geboortedatum': p['geboortedatum']}
    if rng.random() < 0.3:
        c['Voornamen'] = p['voornaam']
        c['Geslachtsnaam'] = p['achternaam']
    c['Postcode'] = written_postcode(adr)
    c['Huisnummer'] = adr['huisnummer'] if rng.random() < 0.2 else str(adr['huisnummer'])
    if adr['toevoeging']:
        c['Huisnummertoevoeging'] = adr['toevoeging'].upper() if rng.random() < 0.3 \
            else adr['toevoeging']
    return c


def client_shv(adr, p):
    c = {'Burgerservicenummer': p['bsn'], 'Geboortedatum': p['geboortedatum']}
    if rng.random() < 0.3:
        c['Geslachtsaanduiding'] = p['geslacht']
    if adr is not None:
        c['Postcode'] = written_postcode(adr)
        c['Huisnummer'] = str(adr['huisnummer'])
        if adr['toevoeging']:
            c['Huisnummertoevoeging'] = adr['toevoeging']
    return c


# ---------------------------------------------------------------- dossiers and events

CORPORATIES = ['ymere'] * 9 + ['pre_wonen'] * 6 + ['elan_wonen'] * 5
CORP_LABELS = {'ymere': ['ymere', 'Ymere'], 'pre_wonen': ['pre_wonen', 'Pré Wonen', 'Pre-Wonen'],
               'elan_wonen': ['elan_wonen', 'Elan Wonen']}
DOELGROEPEN = ['gezin_met_kinderen'] * 4 + ['oggz'] * 2 + ['senior'] * 3 + ['overig'] * 3
WIJKEN = ['Centrum', 'Noord', 'Oost', 'Zuid-West', 'Schalkwijk', '']
REDENEN = ['huurachterstand'] * 6 + ['overlast', 'hennep_drugs', 'woonfraude', 'overig', '']
UITKOMSTEN_VOORKOMEN = ['opgelost', 'betalingsregeling', 'schuldhulp', 'verhuisd', 'overig']

households = []  # {adr, person, dossiers: [...]}
dossiers = []    # {id, corporatie, doelgroep, wijk, key, events: [(date, code, reden, uitkomst)]}
events_extra_rows = []  # rows written as they are (odd dates, duplicates, unknown dossier)


def new_dossier(hh, corporatie=None, doelgroep=None, key='ok'):
    n = len(dossiers) + 1
    d = {
        'id': f'HK-{n:05d}',
        'corporatie': corporatie or rng.choice(CORPORATIES),
        'doelgroep': doelgroep or rng.choice(DOELGROEPEN),
        'wijk': rng.choice(WIJKEN),
        'key': key_of(hh['adr']) if key == 'ok' else key,
        'events': [],
        'hh': hh,
    }
    dossiers.append(d)
    hh['dossiers'].append(d)
    return d


def ev(d, date, code, reden='', uitkomst=''):
    d['events'].append((date, code, reden, uitkomst))


def arrears_history(d, start, vonnis=None):
    """achterstand … deurwaarder, before a vonnis (when there is one)."""
    ev(d, start, 'achterstand_1m')
    if rng.random() < 0.8:
        ev(d, start + days(rng.randint(2, 20)), 'contact')
    ev(d, start + days(30), 'achterstand_2m')
    if rng.random() < 0.5:
        ev(d, start + days(rng.randint(31, 50)), 'huisbezoek')
    if rng.random() < 0.4:
        ev(d, start + days(rng.randint(35, 55)), 'melding_sdv')
    ev(d, start + days(61), 'achterstand_3m')
    if vonnis is not None:
        ev(d, start + days(rng.randint(70, 90)), 'deurwaarder')
        if rng.random() < 0.6:
            ev(d, vonnis - days(rng.randint(14, 40)), 'dagvaarding')


def outcome(d, vonnis, status):
    if status == 'ontruimd_ontruiming':
        a = vonnis + days(rng.randint(10, 40))
        ev(d, a, 'aanzegging')
        o = a + days(rng.randint(5, 30))
        ev(d, o, 'ontruiming', reden=rng.choice(REDENEN))
        if rng.random() < 0.5:
            ev(d, o + days(rng.randint(0, 10)), 'afgesloten', uitkomst='ontruimd')
    elif status == 'ontruimd_afgesloten':
        ev(d, vonnis + days(rng.randint(20, 90)), 'afgesloten', uitkomst='ontruimd')
    elif status == 'ontruiming_zelfde_dag':  # ontruimd, though closed as 'overig' later
        ev(d, vonnis, 'ontruiming', reden='huurachterstand')
        ev(d, vonnis + days(20), 'afgesloten', uitkomst='overig')
    elif status == 'voorkomen':
        if rng.random() < 0.4:
            ev(d, vonnis + days(rng.randint(10, 40)), 'aanzegging')
        ev(d, vonnis + days(rng.randint(15, 200)), 'afgesloten',
           uitkomst=rng.choice(UITKOMSTEN_VOORKOMEN))
    elif status == 'voorkomen_zelfde_dag':
        ev(d, vonnis, 'afgesloten', uitkomst='betalingsregeling')
    elif status == 'voorkomen_onbekende_uitkomst':
        ev(d, vonnis + days(30), 'afgesloten', uitkomst='weet_niet')  # accepted as overig
    elif status == 'afgesloten_ervoor':
        ev(d, vonnis - days(5), 'afgesloten', uitkomst='opgelost')  # before: lopend
    elif status == 'ontruiming_ervoor':  # an ontruiming before the vonnis is not its status
        ev(d, vonnis - days(3), 'ontruiming', reden='overlast')
        ev(d, vonnis + days(25), 'afgesloten', uitkomst='verhuisd')
    # 'lopend': nothing after the vonnis


STATUSES = ['voorkomen'] * 10 + ['ontruimd_ontruiming'] * 4 + ['ontruimd_afgesloten'] * 2 + \
    ['lopend'] * 4 + ['ontruiming_zelfde_dag', 'voorkomen_zelfde_dag',
                      'voorkomen_onbekende_uitkomst', 'afgesloten_ervoor', 'ontruiming_ervoor']

# ---------------------------------------------------------------- deliveries' raw material

signals = []   # {id, gemeente, type, datum(str), client}
trajecten = []  # {gemeente, aanmelding(date|None), startdatum, ..., adr, person, ...}


def signal(hh, date, ptype='Huur', gemeente='0392', raw_date=None):
    sid = f'HK-VS-{len(signals) + 1:05d}'
    signals.append({'ID': sid, 'gemeente': gemeente, 'type': ptype,
                    'datum': raw_date or iso(date), 'date': date,
                    'client': client_vs(hh['adr'], hh['person']) if hh else None})
    return sid


def traject(hh, aanmelding, gemeente='0392', **kw):
    t = {'gemeente': gemeente, 'aanmelding': aanmelding, 'hh': hh}
    t.update(kw)
    trajecten.append(t)
    return t


def plain_traject_fields(aanmelding, crisis=False):
    """A traject's course after its aanmelding, with random but plausible dates."""
    r = rng.random()
    out = {'crisis': crisis}
    if r < 0.12:
        return out  # no intake (yet)
    lag = rng.choice([0, 1, 2, 3, 5, 8, 12, 15, 20, 26, 28, 29, 33, 45]) if not crisis \
        else rng.choice([0, 1, 2, 3, 4, 6, 9])
    out['intake'] = aanmelding + days(lag)
    if rng.random() < 0.75:
        out['beschikking'] = out['intake'] + days(rng.choice([7, 14, 21, 30, 40, 50, 56, 57, 70, 90]))
        out['beschikkingssoort'] = rng.choice(['Toelatingsbeschikking'] * 4 +
                                              ['Afwijzingsbeschikking'])
        if out['beschikkingssoort'] == 'Toelatingsbeschikking':
            if rng.random() < 0.6:
                out['plan'] = out['beschikking'] + days(rng.randint(5, 40))
            if rng.random() < 0.3:
                out['schuldregeling'] = out['beschikking'] + days(rng.randint(30, 120))
                out['oplossing'] = rng.choice(['Schuldbemiddeling', 'Saneringskrediet',
                                               'Betalingsregeling', 'Herfinanciering', '0%-aanbod'])
            if rng.random() < 0.3:
                out['begeleiding'] = [{'soort': rng.choice(['Budgetbeheer', 'Budgetcoaching',
                                                            'Beschermingsbewind']),
                                       'startdatum': iso(out['beschikking'] + days(10))}]
            if rng.random() < 0.12:
                m = out['intake'] + days(rng.randint(3, 20))
                out['moratoria'] = [{'startdatum': iso(m), 'einddatum': iso(m + days(180))}]
    if rng.random() < 0.45:
        end = (out.get('schuldregeling') or out.get('beschikking') or out['intake']) + \
            days(rng.randint(30, 400))
        out['uitstroom'] = (end, rng.choice(['Afgerond', 'Afgerond', 'Ingetrokken', 'Nietverschenen',
                                             'Niet passend', 'Voldoet niet', 'Zelf', 'Verhuisd',
                                             'Overig', 'Overleden']))
    out['schulden'] = sorted(rng.sample(['Zorg', 'Publiek', 'Nuts', 'Overig'], rng.randint(1, 3)))
    return out


# ---------------------------------------------------------------- the chain scenarios

CHAIN_SCENARIOS = [
    # (signal offsets before the vonnis (days; negative = after), SHV aanmelding offsets,
    #  intake lag after aanmelding per traject)
    ('rand_364', [364], [354], [5]),
    ('rand_365', [365], [365], [3]),
    ('zelfde_dag', [0], [0], [4]),          # intake after the vonnis: no eerste gesprek
    ('dag_erna', [-1], [-1], [2]),
    ('aanmelding_voor_signaal', [40], [100], [7]),
    ('twee_trajecten', [120], [200, 60], [10, None]),
    ('twee_signalen', [300, 90], [80], [30]),
    ('alleen_energie', [], [150], [20]),
    ('alleen_signaal', [210], [], []),
    ('alleen_shv', [], [45], [None]),
    ('intake_buiten_venster', [30], [400, 20], [5, None]),
    ('intake_op_vonnis', [60], [30], [30]),
    ('intake_dag_na_vonnis', [60], [30], [31]),
    ('geen', [], [], []),
    ('ver_weg', [500], [450], [3]),
    ('random', None, None, None),
]


def chain_for(d, vonnis, scenario):
    name, sig_offsets, shv_offsets, lags = scenario
    hh = d['hh']
    if name == 'random':
        sig_offsets = sorted(rng.sample(range(-30, 420), rng.randint(0, 2)))
        shv_offsets = sorted(rng.sample(range(-30, 420), rng.randint(0, 2)))
        lags = [rng.choice([None, 0, 3, 10, 25, 40, 90]) for _ in shv_offsets]
    for off in sig_offsets:
        signal(hh, vonnis - days(off), ptype='Huur' if rng.random() < 0.9 else 'huur')
    if name == 'alleen_energie':
        signal(hh, vonnis - days(100), ptype='Energie')
    if rng.random() < 0.3:
        signal(hh, vonnis - days(rng.randint(0, 300)), ptype=rng.choice(['Water', 'Zorg', 'Energie']))
    for off, lag in zip(shv_offsets, lags):
        a = vonnis - days(off)
        fields = plain_traject_fields(a)
        if lag is None:
            for k in ('intake', 'beschikking', 'beschikkingssoort', 'plan', 'schuldregeling',
                      'oplossing', 'begeleiding', 'moratoria'):
                fields.pop(k, None)
        else:
            fields['intake'] = a + days(lag)
            if 'beschikking' in fields:
                fields['beschikking'] = fields['intake'] + days(rng.choice([14, 30, 56, 57]))
        traject(hh, a, **fields)


def main():
    # --- households with dossiers that reach a vonnis
    scen_cycle = list(CHAIN_SCENARIOS)
    vonnis_dates = []
    for i in range(135):
        hh = {'adr': address(), 'person': person(), 'dossiers': []}
        households.append(hh)
        vonnis = D(2022, 1, 3) + days(rng.randint(0, 715))
        if i == 0:
            vonnis = D(2022, 7, 1)   # on the half-year's first day
        if i == 1:
            vonnis = D(2022, 6, 30)  # on the half-year's last day
        if i == 2:
            vonnis = END  # on the peildatum, the latest event date
        start = vonnis - days(rng.randint(100, 260))
        key = 'ok'
        if i == 3:
            key = ''  # no address key: not in the chain
        if i == 4:
            key = key_of(hh['adr']).upper()  # not lower-case hex: the row is rejected
        d = new_dossier(hh, key=key)
        arrears_history(d, start, vonnis)
        ev(d, vonnis, 'vonnis')
        if i % 11 == 5:
            ev(d, vonnis, 'vonnis')  # an exact duplicate row
        if i % 13 == 7:
            second = vonnis + days(rng.choice([20, 95, 200]))
            ev(d, second, 'vonnis')  # a second vonnis (same or a later period)
        status = STATUSES[i % len(STATUSES)]
        outcome(d, vonnis, status)
        chain_for(d, vonnis, scen_cycle[i % len(scen_cycle)])
        vonnis_dates.append(vonnis)
        # an earlier, closed dossier of the same household at the same address
        if i % 9 == 2:
            d0 = new_dossier(hh, corporatie=d['corporatie'], doelgroep=d['doelgroep'])
            s0 = start - days(rng.randint(200, 400))
            arrears_history(d0, s0)
            ev(d0, s0 + days(70), 'afgesloten', uitkomst='betalingsregeling')
        # the same address, another corporation's dossier with its own vonnis
        if i % 25 == 10:
            d2 = new_dossier(hh, corporatie='elan_wonen' if d['corporatie'] != 'elan_wonen'
                             else 'ymere', doelgroep='senior')
            v2 = vonnis + days(rng.randint(1, 60))
            arrears_history(d2, v2 - days(150), v2)
            ev(d2, v2, 'vonnis')
            outcome(d2, v2, 'voorkomen')

    # --- households whose arrears stop early (no vonnis)
    for i in range(75):
        hh = {'adr': address(), 'person': person(), 'dossiers': []}
        households.append(hh)
        d = new_dossier(hh, key='ok' if i % 17 else '')
        start = D(2021, 6, 1) + days(rng.randint(0, 900))
        ev(d, start, 'achterstand_1m')
        ev(d, start + days(rng.randint(1, 12)), 'contact')
        if rng.random() < 0.5:
            ev(d, start + days(30), 'achterstand_2m')
        if rng.random() < 0.3:
            ev(d, start + days(rng.randint(20, 40)), 'melding_sdv')
        if rng.random() < 0.8:
            ev(d, start + days(rng.randint(35, 120)), 'afgesloten',
               uitkomst=rng.choice(['opgelost', 'betalingsregeling', 'schuldhulp', 'verhuisd']))
        # debt help and signals at these addresses too
        if rng.random() < 0.5:
            signal(hh, start - days(rng.randint(0, 20)))
        if rng.random() < 0.4:
            a = start + days(rng.randint(10, 60))
            traject(hh, a, **plain_traject_fields(a, crisis=rng.random() < 0.1))

    # --- debt help of other households (no dossier): random trajecten in two gemeenten
    for i in range(45):
        hh = {'adr': address(), 'person': person(), 'dossiers': []}
        a = D(2021, 9, 1) + days(rng.randint(0, 850))
        crisis = rng.random() < 0.15
        traject(hh, a, gemeente='0392' if rng.random() < 0.7 else '0394',
                **plain_traject_fields(a, crisis))
        if rng.random() < 0.4:
            signal(hh, a - days(rng.randint(0, 60)),
                   ptype=rng.choice(['Huur', 'Energie', 'Water', 'CAK Zorgverzekeringen']))

    norm_cases()

    # --- the exchange files
    write_exchange()
    write_vs()
    write_shv()
    with open(os.path.join(HERE, 'sleutel.txt'), 'w') as f:
        f.write(KEY + '\n')


def norm_cases():
    """Trajecten placed on the Wgs norms' edges (households without a dossier)."""
    def hh():
        return {'adr': address(), 'person': person(), 'dossiers': []}
    base = {'schulden': ['Zorg']}
    cases = [
        # crisis around Easter 2022: Thu 14 April; Goede Vrijdag is a working day, Easter Monday
        # is not → 15, 19, 20 April: norm Wed 20 April
        dict(aanmelding=D(2022, 4, 14), crisis=True, intake=D(2022, 4, 20)),
        dict(aanmelding=D(2022, 4, 14), crisis=True, intake=D(2022, 4, 21)),
        # Koningsdag Wed 27 April 2022: Mon 25 → 26, 28, 29: norm Fri 29 April
        dict(aanmelding=D(2022, 4, 25), crisis=True, intake=D(2022, 4, 29)),
        dict(aanmelding=D(2022, 4, 25), crisis=True, intake=D(2022, 5, 2)),
        # 5 mei 2023 is a Friday: Tue 2 May → 3, 4, 8: norm Mon 8 May
        dict(aanmelding=D(2023, 5, 2), crisis=True, intake=D(2023, 5, 8)),
        dict(aanmelding=D(2023, 5, 2), crisis='crisisinterventies', intake=D(2023, 5, 9)),
        # Hemelvaart Thu 18 May 2023: Tue 16 → 17, 19, 22: norm Mon 22 May
        dict(aanmelding=D(2023, 5, 16), crisis=True, intake=D(2023, 5, 22)),
        dict(aanmelding=D(2023, 5, 16), crisis=True, intake=D(2023, 5, 23)),
        # tweede Pinksterdag Mon 29 May 2023: Fri 26 → 30, 31, 1 June
        dict(aanmelding=D(2023, 5, 26), crisis=True, intake=D(2023, 6, 1)),
        # Christmas 2022 (Sun 25, Mon 26): Fri 23 Dec → 27, 28, 29
        dict(aanmelding=D(2022, 12, 23), crisis=True, intake=D(2022, 12, 29)),
        dict(aanmelding=D(2022, 12, 23), crisis=True, intake=D(2022, 12, 30)),
        # the spec's example: Sunday 1 January 2023 → Wednesday 4 January
        dict(aanmelding=D(2023, 1, 1), crisis=True, intake=D(2023, 1, 4)),
        dict(aanmelding=D(2023, 1, 1), crisis=True, intake=D(2023, 1, 5)),
        # Nieuwjaarsdag Mon 1 January 2024: Fri 29 Dec 2023 → 2, 3, 4 January
        dict(aanmelding=D(2023, 12, 29), crisis=True, intake=D(2024, 1, 4)),
        # a crisisinterventie after the intake does not make it a crisis
        dict(aanmelding=D(2023, 3, 6), crisis='crisis_na_intake', intake=D(2023, 3, 20)),
        # a crisisinterventie and no intake yet: a crisis, norm long passed
        dict(aanmelding=D(2023, 9, 4), crisis='crisisinterventies', intake=None),
        # calendar norms: 28 days in, 29 out; beschikking 56 in, 57 out
        dict(aanmelding=D(2022, 2, 1), intake=D(2022, 3, 1), beschikking=D(2022, 4, 26)),
        dict(aanmelding=D(2022, 2, 1), intake=D(2022, 3, 2), beschikking=D(2022, 4, 28)),
        dict(aanmelding=D(2022, 9, 12), intake=D(2022, 9, 12), beschikking=D(2022, 11, 7)),
        # intake before the aanmelding: within the norm, open for the lead time
        dict(aanmelding=D(2022, 10, 10), intake=D(2022, 10, 3), beschikking=D(2022, 11, 1)),
        # beschikking before the intake; beschikking without an intake
        dict(aanmelding=D(2023, 2, 6), intake=D(2023, 2, 20), beschikking=D(2023, 2, 10)),
        dict(aanmelding=D(2023, 3, 13), intake=None, beschikking=D(2023, 4, 3)),
        # open above the norm by the peildatum 2023-12-22 and not
        dict(aanmelding=D(2023, 11, 23), intake=None),   # norm 21 Dec < peildatum: counts
        dict(aanmelding=D(2023, 11, 24), intake=None),   # norm 22 Dec = peildatum: not
        dict(aanmelding=D(2023, 12, 18), crisis=True, intake=None),  # norm 21 Dec: counts
        dict(aanmelding=D(2023, 12, 19), crisis=True, intake=None),  # norm 22 Dec: not
        dict(aanmelding=D(2023, 12, 28), intake=None),
    ]
    for c in cases:
        c = dict(c)
        a = c.pop('aanmelding')
        crisis = c.pop('crisis', False)
        f = dict(base)
        if c.get('intake') is not None:
            f['intake'] = c['intake']
        if c.get('beschikking') is not None:
            f['beschikking'] = c['beschikking']
            f['beschikkingssoort'] = 'Toelatingsbeschikking'
        if crisis is True:
            f['crisis'] = True
        elif crisis == 'crisisinterventies':
            f['crisisinterventies'] = [a + days(1)] if f.get('intake') is None else [f['intake']]
        elif crisis == 'crisis_na_intake':
            f['crisisinterventies'] = [f['intake'] + days(2)]
        traject(hh(), a, **f)

    # odd values: enumerations, dates, keys, identity
    odd = [
        dict(aanmelding=D(2022, 5, 9), intake=D(2022, 5, 20), beschikking=D(2022, 6, 20),
             beschikkingssoort='afwijzingsbeschikking', uitstroom=(D(2022, 7, 1), 'afgerond'),
             schulden=['zorg', 'NUTS', 'Energie']),
        dict(aanmelding=D(2022, 6, 1), intake=D(2022, 6, 8), beschikking=D(2022, 7, 1),
             beschikkingssoort='Toewijzingsbeschikking', oplossing='schuldbemiddeling',
             uitstroom=(D(2023, 1, 10), 'Emigratie')),
        dict(aanmelding=D(2022, 11, 2), intake=D(2022, 11, 9), oplossing='Kwijtschelding',
             uitstroom=(D(2023, 2, 1), None), schulden=[]),
        dict(aanmelding=D(2023, 1, 16), intake='2023-02-30', beschikking='2027-03-01',
             beschikkingssoort='Toelatingsbeschikking'),  # both dates dropped
        dict(aanmelding=D(2023, 4, 3), intake=D(2023, 4, 12), plan='31-12-2023',
             beschikkingssoort='Toelatingsbeschikking'),  # plan not ISO: dropped; soort, no date
        dict(aanmelding=None, startdatum=D(2022, 8, 15), intake=D(2022, 8, 30)),  # no aanmelding
        dict(aanmelding=None, startdatum=None, intake=D(2022, 9, 1)),  # rejected: no date
        dict(aanmelding='2022-13-01', startdatum=None, intake=D(2022, 12, 5)),  # rejected
        dict(aanmelding='2023-10-09T14:30:00', intake='2023-10-16T09:00:00Z'),  # timestamps
    ]
    for c in odd:
        c = dict(c)
        a = c.pop('aanmelding')
        c.setdefault('schulden', ['Publiek'])
        traject(hh(), a, **c)
    # two clients without an address who sign on in one gemeente on one day: both stand
    nohh1 = {'adr': None, 'person': person(), 'dossiers': []}
    nohh2 = {'adr': None, 'person': person(), 'dossiers': []}
    traject(nohh1, D(2023, 3, 1), intake=D(2023, 3, 10), schulden=['Nuts'])
    traject(nohh2, D(2023, 3, 1), intake=D(2023, 3, 20), schulden=['Zorg'])
    # a second client on a traject (only the first client's address makes the key)
    h = hh()
    traject(h, D(2022, 3, 21), intake=D(2022, 3, 28), second_client=True, schulden=['Overig'])


# ---------------------------------------------------------------- writers

def write_exchange():
    rows = []
    for d in dossiers:
        corp = rng.choice(CORP_LABELS[d['corporatie']])
        rows.append([d['id'], corp, d['doelgroep'], d['wijk'], d['key']])
    with open(os.path.join(HERE, 'dossiers.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['dossier_id', 'corporatie', 'doelgroep', 'wijk', 'adres_sleutel'])
        w.writerows(rows)
    ev_rows = []
    for d in dossiers:
        for date, code, reden, uitkomst in sorted(d['events'], key=lambda e: (e[0], e[1])):
            if date > END:
                continue  # not yet happened by the peildatum
            ev_rows.append([d['id'], date, code, reden, uitkomst])
    # the latest event date is the peildatum
    ev_rows.append([dossiers[-1]['id'], END, 'contact', '', ''])
    out = []
    for i, (did, date, code, reden, uitkomst) in enumerate(ev_rows):
        text = date.strftime('%d-%m-%Y') if i % 23 == 4 else iso(date)
        out.append([did, text, code, reden, uitkomst])
    out.append(['HK-99999', '2022-05-01', 'vonnis', '', ''])  # unknown dossier: rejected
    with open(os.path.join(HERE, 'gebeurtenissen.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['dossier_id', 'datum', 'gebeurtenis', 'reden', 'uitkomst'])
        w.writerows(out)


def write_vs():
    # signals with odd dates: rejected
    signals.append({'ID': 'HK-VS-ONGELDIG', 'gemeente': '0392', 'type': 'Huur',
                    'datum': '2022-02-29', 'client': client_vs(address(), person())})
    signals.append({'ID': 'HK-VS-TOEKOMST', 'gemeente': '0392', 'type': 'Huur',
                    'datum': '2027-01-05', 'client': client_vs(address(), person())})
    per_gemeente = {}
    for s in signals:
        per_gemeente.setdefault(s['gemeente'], []).append(s)
    leveringen = []
    for n, (g, sigs) in enumerate(sorted(per_gemeente.items()), start=1):
        vs, zaken = [], []
        for s in sigs:
            item = {'ID': s['ID'], 'signaaldatum': s['datum'], 'signaalpartner': {'type': s['type']}}
            if rng.random() < 0.5:
                item['bedrag'] = rng.randint(300, 3000)
            if s['client'] is not None:
                item['client'] = s['client']
            vs.append(item)
            if rng.random() < 0.3:
                zaak = {'vroegsignalen': [{'ID': s['ID']}],
                        'resultaat': rng.choice(['Vervolghulp en/of verwijzing financieel',
                                                 'Definitief geen contact kunnen krijgen'])}
                if 'date' in s and isinstance(s.get('date'), dt.date):
                    zaak['datumOpgepakt'] = iso(s['date'] + days(rng.randint(0, 10)))
                zaken.append(zaak)
        leveringen.append({'teller': n, 'gemeentecode': g,
                           'aanleverendeOrganisatie': {'naam': 'Gemeente (fictief)',
                                                       'contactpersoon': 'Jan Contactpersoon'},
                           'vroegsignalen': vs, 'vroegsignaalzaken': zaken})
    doc = {'startdatumLevering': '2021-01-01', 'einddatumLevering': '2023-12-31',
           'aanleverdatumEnTijd': '2024-01-12T08:00:00Z', 'codeGegevensleverancier': 'HELDOUT',
           'leveringen': leveringen}
    dump(doc, 'vroegsignalering.json', 'vroegsignalen')


def date_or_text(v):
    return v if isinstance(v, str) else iso(v)


def traject_json(t, cutoff, variant):
    """The traject as a delivery made on `cutoff` sends it (later dates not yet known)."""
    def known(d):
        return d is not None and (isinstance(d, str) or d <= cutoff)
    o = {'gemeentecode': t['gemeente']}
    a = t['aanmelding']
    if t.get('startdatum') is not None:
        o['startdatum'] = date_or_text(t['startdatum'])
    if a is not None:
        if variant % 2:
            o['startdatum'] = date_or_text(a)
        aan = {'startdatum': date_or_text(a)}
        if t.get('crisis'):
            aan['crisisinterventie'] = True
        elif rng.random() < 0.3:
            aan['crisisinterventie'] = False
        o['aanmelding' if variant % 3 else 'Aanmelding'] = aan
    for c in t.get('crisisinterventies', []):
        if known(c):
            o.setdefault('crisisinterventies', []).append({'startdatum': iso(c)})
    hh = t['hh']
    clients = [client_shv(hh['adr'], hh['person'])]
    if t.get('second_client'):
        clients.append(client_shv(address(), person()))
    if t.get('no_address_in_this_delivery'):
        clients = [client_shv(None, hh['person'])]
    o['client'] = clients
    intake = {}
    if known(t.get('intake')):
        intake['startdatum'] = date_or_text(t['intake'])
    if known(t.get('beschikking')):
        intake['beschikkingsdatum'] = date_or_text(t['beschikking'])
        intake['beschikkingssoort'] = t.get('beschikkingssoort', 'Toelatingsbeschikking')
    elif t.get('beschikkingssoort') and t.get('beschikking') is None:
        intake['beschikkingssoort'] = t['beschikkingssoort']
    if intake:
        o['intake'] = intake
    if known(t.get('plan')):
        o['planVanAanpak' if variant % 2 else 'plan_van_aanpak'] = \
            {'datumAfronding': date_or_text(t['plan'])}
    if known(t.get('schuldregeling')):
        o['schuldregeling'] = {'toegekend': iso(t['schuldregeling'])}
        o['oplossing'] = {'soort': t.get('oplossing', 'Schuldbemiddeling'),
                          'startdatum': iso(t['schuldregeling'])}
    elif t.get('oplossing') and not t.get('schuldregeling'):
        o['oplossing'] = {'soort': t['oplossing']}
    for b in t.get('begeleiding', []):
        if known(D.fromisoformat(b['startdatum'])):
            o.setdefault('begeleiding', []).append(b)
    for m in t.get('moratoria', []):
        if known(D.fromisoformat(m['startdatum'])):
            o.setdefault('moratoria', []).append(m)
    if t.get('uitstroom') and known(t['uitstroom'][0]):
        u = {'datum': iso(t['uitstroom'][0])}
        if t['uitstroom'][1] is not None:
            u['reden'] = t['uitstroom'][1]
        o['uitstroom'] = u
        o['einddatum'] = iso(t['uitstroom'][0])
    if t.get('schulden'):
        o['schulden'] = [{'schuldsoort': s} for s in t['schulden']]
        if rng.random() < 0.15:  # a creditor's name and postcode: never read
            o['schulden'][0]['schuldeiser'] = {'naam': 'Schuldeiser BV', 'postcode': '1000AA'}
        if rng.random() < 0.3:
            o['totaalSchuldbedragBijAanvangSchuld'] = rng.randint(300, 40000)
    return o


def write_shv():
    cut_a, cut_b = D(2023, 7, 10), D(2024, 1, 12)
    # a traject that delivery A sends with an address and B without (two identities)
    both = [t for t in trajecten if t['hh'] and t['hh'].get('adr') and
            isinstance(t['aanmelding'], dt.date) and D(2022, 9, 1) <= t['aanmelding'] < D(2023, 1, 1)
            and not t.get('uitstroom')]
    if both:
        both[0]['no_address_b'] = True
    a_items, b_items = [], []
    for i, t in enumerate(trajecten):
        a = t['aanmelding'] if isinstance(t['aanmelding'], dt.date) else None
        ident = a or (t.get('startdatum') if isinstance(t.get('startdatum'), dt.date) else None)
        end = t['uitstroom'][0] if t.get('uitstroom') else None
        if ident is None:  # odd identities: in both deliveries
            in_a = in_b = True
        else:
            in_a = ident <= D(2023, 6, 30) and (end is None or end >= D(2022, 1, 1) or end > cut_a)
            in_b = ident <= D(2023, 12, 31) and (end is None or end >= D(2023, 1, 1)) \
                and ident >= D(2021, 1, 1)
            if end is not None and end > cut_a:
                in_b = True
        if ident is not None and ident > cut_a:
            in_a = False
        if in_a:
            a_items.append(traject_json(t, cut_a, i))
        if in_b:
            if t.get('no_address_b'):
                t['no_address_in_this_delivery'] = True
            b_items.append(traject_json(t, cut_b, i + 1))
            t.pop('no_address_in_this_delivery', None)
    org = {'(Statutaire) Naam': 'Schuldhulp (fictief)', 'contactpersoon': 'Jan Contactpersoon'}
    for name, items, start, end, stamp in [
        ('schuldhulpverlening-a.json', a_items, '2022-01-01', '2023-06-30', '2023-07-10T08:00:00Z'),
        ('schuldhulpverlening-b.json', b_items, '2023-01-01', '2023-12-31', '2024-01-12T08:00:00Z'),
    ]:
        doc = {'startdatumLevering': start, 'einddatumLevering': end,
               'aanleverdatumEnTijd': stamp, 'codeGegevensleverancier': 'HELDOUT',
               'leveringen': [{'teller': 1, 'aanleverende_organisatie': org,
                               'schuldhulptrajecten': items}]}
        dump(doc, name, 'schuldhulptrajecten')


def dump(doc, name, list_key):
    """Compact JSON with one record a line (small files that still diff well)."""
    text = json.dumps(doc, ensure_ascii=False, separators=(',', ':'))
    for_list = '"' + list_key + '":['
    text = text.replace('},{"', '},\n{"') if list_key else text
    text = text.replace(for_list, for_list + '\n')
    with open(os.path.join(HERE, name), 'w', encoding='utf-8') as f:
        f.write(text + '\n')


if __name__ == '__main__':
    main()
