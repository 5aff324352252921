#!/usr/bin/env python3
"""An independent implementation of the schuldhulpverlening (Wgs) figures and the chain figures.

Written from the specification only (../shared/spec/ddas-schuldhulpverlening.md, metrics.md
section d and the quantiles, exchange-format.md, ddas-vroegsignalering.md for the shared rules)
and the project's written decisions where the spec leaves room (docs/decisions.md and the header
comment of src/lib/metrics/keten.ts); never from the project's metric code. Python 3 standard
library only.

Usage (the command line's options):

  python3 tests/heldout/keten/independent.py --dossiers F --gebeurtenissen F \
      --ddas VS.json --ddas SHV.json [--ddas …] --sleutel-bestand KEY \
      --van YYYY-MM-DD --tot YYYY-MM-DD [--corporatie C]… [--doelgroep D]… [--wijk W]… \
      [--gemeente G]… [--peildatum YYYY-MM-DD]

Prints JSON: { "schuldhulpverlening": { "totaal", "per_gemeente" },
               "keten": { "totaal", "per_corporatie" } }  (keten only with a key).

Client values (BSN, birth date, name, address) are never kept: a client's address is turned into
its address key at once and the raw values are dropped; nothing else of a client is read.
"""
import argparse
import csv
import datetime as dt
import hashlib
import hmac
import io
import json
import math
import re
import sys
import unicodedata

TODAY = dt.date.today()  # "the day of import"; a day's difference with Amsterdam never matters here
MIN_DATE = dt.date(2000, 1, 1)
PRIORITY = ['gezin_met_kinderen', 'oggz', 'senior']
DOELGROEPEN = {'gezin_met_kinderen', 'senior', 'oggz', 'overig'}
EVENT_CODES = {
    'achterstand_1m', 'achterstand_2m', 'achterstand_3m', 'contact', 'huisbezoek',
    'afstemming_swt', 'melding_sdv', 'melding_swt', 'uitnodiging_sdv', 'intake_sdv',
    'plan_van_aanpak', 'terugkoppeling', 'betalingsregeling', 'budgetbeheer',
    'schuldhulptraject', 'deurwaarder', 'dagvaarding', 'vonnis', 'aanzegging', 'ontruiming',
    'afgesloten',
}
UITKOMSTEN = {'opgelost', 'betalingsregeling', 'schuldhulp', 'verhuisd', 'ontruimd', 'overig'}

# v1.0 enumerations (VNG-Realisatie/ddas v1.0/json_schema_Uitwisselmodel.json)
ENUM_OPLOSSING = ['Betalingsregeling', 'Herfinanciering', 'Saneringskrediet', 'Schuldbemiddeling',
                  '0%-aanbod']
ENUM_UITSTROOM = ['Overleden', 'Verhuisd', 'Nietverschenen', 'Ingetrokken', 'Niet passend',
                  'Overig', 'Voldoet niet', 'Afgerond', 'Zelf']
ENUM_SCHULD = ['Zorg', 'Publiek', 'Nuts', 'Overig']
ENUM_BESCHIKKING = ['Afwijzingsbeschikking', 'Toelatingsbeschikking']

NORM_EERSTE_GESPREK_DAGEN = 28
NORM_EERSTE_GESPREK_CRISIS_WERKDAGEN = 3
NORM_BESCHIKKING_DAGEN = 56
KETEN_DAGEN = 365  # "the 365 days up to and including the vonnis date": vonnis-364 … vonnis


# ---------------------------------------------------------------- dates and working days

def easter(year):
    """Gregorian Easter Sunday (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_holiday_cache = {}


def holidays(year):
    """Algemene termijnenwet art. 3 as the spec lists it."""
    if year not in _holiday_cache:
        e = easter(year)
        koningsdag = dt.date(year, 4, 27)
        if koningsdag.weekday() == 6:
            koningsdag = dt.date(year, 4, 26)
        _holiday_cache[year] = {
            dt.date(year, 1, 1),            # Nieuwjaarsdag
            e + dt.timedelta(days=1),       # tweede Paasdag
            e + dt.timedelta(days=39),      # Hemelvaartsdag
            e + dt.timedelta(days=50),      # tweede Pinksterdag
            koningsdag,
            dt.date(year, 5, 5),
            dt.date(year, 12, 25),
            dt.date(year, 12, 26),
        }
    return _holiday_cache[year]


def is_working_day(d):
    return d.weekday() < 5 and d not in holidays(d.year)


def add_working_days(d, n):
    while n > 0:
        d += dt.timedelta(days=1)
        if is_working_day(d):
            n -= 1
    return d


_DATE_PATTERNS = [
    (re.compile(r'^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$'), (1, 2, 3)),
    (re.compile(r'^(\d{1,2})-(\d{1,2})-(\d{4})$'), (3, 2, 1)),
    (re.compile(r'^(\d{2})/(\d{2})/(\d{4})$'), (3, 2, 1)),
]


def parse_csv_date(text):
    text = (text or '').strip()
    for pattern, (yi, mi, di) in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return dt.date(int(m.group(yi)), int(m.group(mi)), int(m.group(di)))
            except ValueError:
                return None
    return None


_DDAS_DATE = re.compile(r'^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$')


def parse_ddas_date(value):
    """A DDAS date: YYYY-MM-DD or an ISO timestamp (its date); None when invalid, before
    2000-01-01 or after the day of import."""
    if not isinstance(value, str):
        return None
    m = _DDAS_DATE.match(value.strip())
    if not m:
        return None
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    if d < MIN_DATE or d > TODAY:
        return None
    return d


# ---------------------------------------------------------------- address key

def address_key(key, postcode, huisnummer, toevoeging):
    def text(v):
        if v is None:
            return ''
        if isinstance(v, bool):
            return ''
        if isinstance(v, (int, float)):
            return str(v)
        return v if isinstance(v, str) else ''
    pc = re.sub(r'\s+', '', text(postcode)).upper()
    hn = re.sub(r'\s+', '', text(huisnummer)).upper()
    tv = re.sub(r'\s+', '', text(toevoeging)).upper()
    if not pc or not hn:
        return None
    message = 'ADRES|' + pc + '|' + hn + '|' + tv
    return hmac.new(key.encode('utf-8'), message.encode('utf-8'), hashlib.sha256).hexdigest()[:32]


# ---------------------------------------------------------------- DDAS keys

def norm_key(k):
    return re.sub(r'[_\-]', '', k).lower()


def get(obj, name):
    """A key of a DDAS object, matched case-insensitively with `_` and `-` ignored."""
    if not isinstance(obj, dict):
        return None
    want = norm_key(name)
    for k, v in obj.items():
        if norm_key(k) == want:
            return v
    return None


def client_key(client, key):
    """Only the address fields of one client object are read, and only into a key."""
    if not isinstance(client, dict) or key is None:
        return None
    return address_key(key, get(client, 'Postcode'), get(client, 'Huisnummer'),
                       get(client, 'Huisnummertoevoeging'))


def match_enum(value, values):
    if not isinstance(value, str):
        return 'onbekend'
    for v in values:
        if v.lower() == value.strip().lower():
            return v
    return 'onbekend'


def norm_gemeente(code):
    code = str(code).strip().upper()
    if code.startswith('GM'):
        code = code[2:]
    return code.zfill(4) if code.isdigit() else code


# ---------------------------------------------------------------- DDAS deliveries

def read_delivery(path):
    with open(path, encoding='utf-8-sig') as f:
        doc = json.load(f)
    leveringen = get(doc, 'leveringen') or []
    kind = 'vs'
    for lev in leveringen:
        if get(lev, 'schuldhulptrajecten') is not None:
            kind = 'shv'
    return kind, doc


def delivery_time(doc):
    v = get(doc, 'aanleverdatumEnTijd')
    if not isinstance(v, str):
        return None
    try:
        return dt.datetime.fromisoformat(v.replace('Z', '+00:00'))
    except ValueError:
        return None


def newest_per_identity(records):
    """records: (identity, order, time, payload). Per identity the delivery with the latest
    aanleverdatumEnTijd (equal or missing: loaded last) keeps all its records of it."""
    best = {}
    for identity, order, time, _ in records:
        rank = (time.timestamp() if time else float('-inf'), order)
        if identity not in best or rank > best[identity]:
            best[identity] = rank
    out = []
    for identity, order, time, payload in records:
        rank = (time.timestamp() if time else float('-inf'), order)
        if rank == best[identity]:
            out.append(payload)
    return out


def read_signals(docs, key):
    """Accepted vroegsignalering signals: {gemeente, huur, datum, adres}."""
    records = []
    for order, doc in docs:
        time = delivery_time(doc)
        for lev in get(doc, 'leveringen') or []:
            gemeente = norm_gemeente(get(lev, 'gemeentecode'))
            for sig in get(lev, 'vroegsignalen') or []:
                ident = get(sig, 'ID')
                datum = parse_ddas_date(get(sig, 'signaaldatum'))
                if ident is None or datum is None:
                    continue  # rejected
                ptype = get(get(sig, 'signaalpartner'), 'type')
                huur = isinstance(ptype, str) and ptype.strip().lower() == 'huur'
                payload = {'gemeente': gemeente, 'huur': huur, 'datum': datum,
                           'adres': client_key(get(sig, 'client'), key)}
                records.append(((gemeente, str(ident)), order, time, payload))
    return newest_per_identity(records)


def read_trajecten(docs, key):
    records = []
    for order, doc in docs:
        time = delivery_time(doc)
        for lev in get(doc, 'leveringen') or []:
            for t in get(lev, 'schuldhulptrajecten') or []:
                tr = traject(t, key)
                if tr is None:
                    continue  # rejected
                records.append(((tr['gemeente'], tr['aanmelding'], tr['adres']), order, time, tr))
    return newest_per_identity(records)


def traject(t, key):
    if not isinstance(t, dict):
        return None
    gemeente = get(t, 'gemeentecode')
    if gemeente is None:
        return None
    aanmelding = get(t, 'aanmelding')
    raw = get(aanmelding, 'startdatum') if isinstance(aanmelding, dict) else None
    if raw is None:
        raw = get(t, 'startdatum')
    start = parse_ddas_date(raw)
    if start is None:
        return None
    intake_obj = get(t, 'intake')
    intake = parse_ddas_date(get(intake_obj, 'startdatum'))
    beschikking = parse_ddas_date(get(intake_obj, 'beschikkingsdatum'))
    soort = get(intake_obj, 'beschikkingssoort')
    beschikkingssoort = match_enum(soort, ENUM_BESCHIKKING) if soort is not None else None

    crisis = isinstance(aanmelding, dict) and get(aanmelding, 'crisisinterventie') is True
    for ci in get(t, 'crisisinterventies') or []:
        cs = parse_ddas_date(get(ci, 'startdatum'))
        if cs is not None and (intake is None or cs <= intake):
            crisis = True

    if crisis:
        norm_eg = add_working_days(start, NORM_EERSTE_GESPREK_CRISIS_WERKDAGEN)
    else:
        norm_eg = start + dt.timedelta(days=NORM_EERSTE_GESPREK_DAGEN)

    oplossing = get(t, 'oplossing')
    oplossing_soort = None
    if isinstance(oplossing, dict) and get(oplossing, 'soort') is not None:
        oplossing_soort = match_enum(get(oplossing, 'soort'), ENUM_OPLOSSING)

    uitstroom = get(t, 'uitstroom')
    uitstroom_reden = None
    if isinstance(uitstroom, dict) and (get(uitstroom, 'datum') is not None
                                        or get(uitstroom, 'reden') is not None):
        uitstroom_reden = match_enum(get(uitstroom, 'reden'), ENUM_UITSTROOM)

    schulden = set()
    for s in get(t, 'schulden') or []:
        schulden.add(match_enum(get(s, 'schuldsoort'), ENUM_SCHULD))

    clients = get(t, 'client')
    first = clients[0] if isinstance(clients, list) and clients else None
    begeleiding = get(t, 'begeleiding')
    moratoria = get(t, 'moratoria')
    return {
        'gemeente': norm_gemeente(gemeente),
        'aanmelding': start,
        'adres': client_key(first, key),
        'crisis': crisis,
        'intake': intake,
        'norm_eg': norm_eg,
        'beschikking': beschikking,
        'beschikkingssoort': beschikkingssoort,
        'plan': parse_ddas_date(get(get(t, 'planVanAanpak'), 'datumAfronding')) is not None,
        'schuldregeling': parse_ddas_date(get(get(t, 'schuldregeling'), 'toegekend')) is not None,
        'begeleiding': isinstance(begeleiding, list) and len(begeleiding) > 0,
        'moratorium': isinstance(moratoria, list) and len(moratoria) > 0,
        'oplossing': oplossing_soort,
        'uitstroom': uitstroom_reden,
        'schulden': schulden,
    }


# ---------------------------------------------------------------- quantiles

def quantile_cont(sorted_values, q):
    """Linear interpolation between order statistics (DuckDB quantile_cont)."""
    n = len(sorted_values)
    if n == 0:
        return None
    h = (n - 1) * q
    lo = math.floor(h)
    hi = math.ceil(h)
    if lo == hi:
        return sorted_values[lo]
    return sorted_values[lo] + (h - lo) * (sorted_values[hi] - sorted_values[lo])


def lead_time(days, open_count=None, p90=True):
    days = sorted(days)
    out = {'n': len(days)}
    if open_count is not None:
        out['open'] = open_count
    out['mediaan'] = quantile_cont(days, 0.5)
    out['p25'] = quantile_cont(days, 0.25)
    out['p75'] = quantile_cont(days, 0.75)
    if p90:
        out['p90'] = quantile_cont(days, 0.9)
    return out


# ---------------------------------------------------------------- schuldhulpverlening figures

def shv_metrics(cohort, peildatum):
    eg_n = eg_binnen = eg_open_boven = 0
    b_n = b_binnen = b_toel = b_afw = 0
    d_aeg, open_aeg, d_egb, open_egb = [], 0, [], 0
    oplossing = {v: 0 for v in ENUM_OPLOSSING + ['onbekend']}
    uitstroom = {v: 0 for v in ENUM_UITSTROOM + ['onbekend']}
    schulden = {v: 0 for v in ENUM_SCHULD + ['onbekend']}
    for t in cohort:
        if t['intake'] is not None:
            eg_n += 1
            if t['intake'] <= t['norm_eg']:
                eg_binnen += 1
        elif t['norm_eg'] < peildatum:
            eg_open_boven += 1
        if t['beschikking'] is not None:
            b_n += 1
            if t['intake'] is not None and \
                    t['beschikking'] <= t['intake'] + dt.timedelta(days=NORM_BESCHIKKING_DAGEN):
                b_binnen += 1
            if t['beschikkingssoort'] == 'Toelatingsbeschikking':
                b_toel += 1
            elif t['beschikkingssoort'] == 'Afwijzingsbeschikking':
                b_afw += 1
        # lead times: the end counts when dated on or after the start
        if t['intake'] is not None and t['intake'] >= t['aanmelding']:
            d_aeg.append((t['intake'] - t['aanmelding']).days)
        else:
            open_aeg += 1
        if t['intake'] is not None:
            if t['beschikking'] is not None and t['beschikking'] >= t['intake']:
                d_egb.append((t['beschikking'] - t['intake']).days)
            else:
                open_egb += 1
        if t['oplossing'] is not None:
            oplossing[t['oplossing']] += 1
        if t['uitstroom'] is not None:
            uitstroom[t['uitstroom']] += 1
        for s in t['schulden']:
            schulden[s] += 1
    return {
        'aanmeldingen': len(cohort),
        'aanmeldingen_crisis': sum(1 for t in cohort if t['crisis']),
        'eerste_gesprek': {'n': eg_n, 'binnen_norm': eg_binnen, 'open_boven_norm': eg_open_boven},
        'beschikking': {'n': b_n, 'binnen_norm': b_binnen, 'toelating': b_toel,
                        'afwijzing': b_afw},
        'plan_van_aanpak': sum(1 for t in cohort if t['plan']),
        'schuldregeling_toegekend': sum(1 for t in cohort if t['schuldregeling']),
        'begeleiding': sum(1 for t in cohort if t['begeleiding']),
        'moratorium': sum(1 for t in cohort if t['moratorium']),
        'oplossing_per_soort': oplossing,
        'uitstroom_per_reden': uitstroom,
        'schulden_per_soort': schulden,
        'doorlooptijden': {
            'aanmelding_eerste_gesprek': lead_time(d_aeg, open_aeg),
            'eerste_gesprek_beschikking': lead_time(d_egb, open_egb),
        },
    }


# ---------------------------------------------------------------- exchange format CSV

def norm_label(text):
    text = unicodedata.normalize('NFKD', text.strip().lower())
    text = ''.join(c for c in text if not unicodedata.combining(c))
    return re.sub(r'[ \-]+', '_', text)


def norm_code(text):
    return re.sub(r'[ \-]+', '_', (text or '').strip().lower())


def read_csv(path):
    raw = open(path, 'rb').read()
    try:
        text = raw.decode('utf-8-sig')
    except UnicodeDecodeError:
        text = raw.decode('cp1252')
    first = text.split('\n', 1)[0]
    delim = max([',', ';', '\t'], key=first.count)
    rows = list(csv.reader(io.StringIO(text, newline=''), delimiter=delim))
    header = [norm_code(h) for h in rows[0]]
    out = []
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        out.append({h: (row[i] if i < len(row) else '') for i, h in enumerate(header)})
    return out


DOSSIER_ID = re.compile(r'^[A-Za-z0-9_.\-]{1,64}$')
HEX32 = re.compile(r'^[0-9a-f]{32}$')


def read_dossiers(path):
    dossiers = {}
    for row in read_csv(path):
        did = (row.get('dossier_id') or '').strip()
        corp = norm_label(row.get('corporatie') or '')
        groep = norm_code(row.get('doelgroep'))
        wijk = (row.get('wijk') or '').strip() or None
        sleutel = (row.get('adres_sleutel') or '').strip()
        if not DOSSIER_ID.match(did) or not corp or groep not in DOELGROEPEN:
            continue
        if sleutel and not HEX32.match(sleutel):
            continue
        if did in dossiers:
            continue  # the first row stands (an exact duplicate changes nothing either)
        dossiers[did] = {'corporatie': corp, 'doelgroep': groep, 'wijk': wijk,
                         'adres': sleutel or None, 'events': set()}
    return dossiers


def read_events(path, dossiers):
    for row in read_csv(path):
        did = (row.get('dossier_id') or '').strip()
        datum = parse_csv_date(row.get('datum'))
        code = norm_code(row.get('gebeurtenis'))
        if did not in dossiers or datum is None or code not in EVENT_CODES:
            continue
        if datum < MIN_DATE or datum > TODAY:
            continue
        uitkomst = None
        if code == 'afgesloten':
            uitkomst = norm_code(row.get('uitkomst'))
            if uitkomst not in UITKOMSTEN:
                uitkomst = 'overig'
        dossiers[did]['events'].add((datum, code, uitkomst))


# ---------------------------------------------------------------- the chain

def vonnis_status(events, vonnis):
    """metrics.md d.: ontruimd / voorkomen / lopend."""
    if any(c == 'ontruiming' and d >= vonnis for d, c, _ in events):
        return 'ontruimd'
    if any(c == 'afgesloten' and d >= vonnis and u == 'ontruimd' for d, c, u in events):
        return 'ontruimd'
    if any(c == 'afgesloten' and d >= vonnis for d, c, _ in events):
        return 'voorkomen'
    return 'lopend'


def keten_metrics(rows, without_key):
    days = [r['doorlooptijd'] for r in rows if r['doorlooptijd'] is not None]
    return {
        'vonnissen': len(rows),
        'vonnissen_zonder_adressleutel': without_key,
        'met_huursignaal': sum(1 for r in rows if r['huursignaal']),
        'met_aanmelding_shv': sum(1 for r in rows if r['aanmelding']),
        'met_eerste_gesprek_shv': sum(1 for r in rows if r['eerste_gesprek']),
        'voorkomen_met_shv': sum(1 for r in rows if r['status'] == 'voorkomen' and r['aanmelding']),
        'voorkomen_zonder_shv': sum(1 for r in rows
                                    if r['status'] == 'voorkomen' and not r['aanmelding']),
        'doorlooptijd_signaal_aanmelding': lead_time(days, None, p90=False),
    }


def keten(dossiers, signals, trajecten, van, tot, corporaties, doelgroepen, wijken):
    huur_by_adres, shv_by_adres = {}, {}
    for s in signals:
        if s['huur'] and s['adres']:
            huur_by_adres.setdefault(s['adres'], []).append(s['datum'])
    for t in trajecten:
        if t['adres']:
            shv_by_adres.setdefault(t['adres'], []).append(t)
    rows = []
    without_key = {}
    for did, d in dossiers.items():
        if d['corporatie'] not in corporaties or d['doelgroep'] not in doelgroepen:
            continue
        if wijken is not None and d['wijk'] not in wijken:
            continue
        vonnissen = sorted(dd for dd, c, _ in d['events'] if c == 'vonnis' and van <= dd < tot)
        if not vonnissen:
            continue
        if d['adres'] is None:
            without_key[d['corporatie']] = without_key.get(d['corporatie'], 0) + 1
            continue
        v = vonnissen[0]
        lo = v - dt.timedelta(days=KETEN_DAGEN - 1)
        signalen = [s for s in huur_by_adres.get(d['adres'], []) if lo <= s <= v]
        window = [t for t in shv_by_adres.get(d['adres'], []) if lo <= t['aanmelding'] <= v]
        doorloop = None
        if signalen:
            first_signal = min(signalen)
            after = [t['aanmelding'] for t in window if t['aanmelding'] >= first_signal]
            if after:
                doorloop = (min(after) - first_signal).days
        rows.append({
            'corporatie': d['corporatie'],
            'status': vonnis_status(d['events'], v),
            'huursignaal': bool(signalen),
            'aanmelding': bool(window),
            'eerste_gesprek': any(t['intake'] is not None and t['intake'] <= v for t in window),
            'doorlooptijd': doorloop,
        })
    return {
        'totaal': keten_metrics(rows, sum(without_key.values())),
        'per_corporatie': {c: keten_metrics([r for r in rows if r['corporatie'] == c],
                                            without_key.get(c, 0))
                           for c in sorted(corporaties)},
    }


# ---------------------------------------------------------------- main

def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument('--dossiers', required=True)
    p.add_argument('--gebeurtenissen', required=True)
    p.add_argument('--ddas', action='append', default=[])
    p.add_argument('--sleutel-bestand')
    p.add_argument('--van', required=True)
    p.add_argument('--tot', required=True)
    p.add_argument('--corporatie', action='append')
    p.add_argument('--doelgroep', action='append')
    p.add_argument('--wijk', action='append')
    p.add_argument('--gemeente', action='append')
    p.add_argument('--peildatum')
    a = p.parse_args(argv)

    key = None
    if a.sleutel_bestand:
        with open(a.sleutel_bestand, encoding='utf-8-sig') as f:
            key = f.read().strip()
    van, tot = dt.date.fromisoformat(a.van), dt.date.fromisoformat(a.tot)

    dossiers = read_dossiers(a.dossiers)
    read_events(a.gebeurtenissen, dossiers)

    vs_docs, shv_docs = [], []
    for order, path in enumerate(a.ddas):
        kind, doc = read_delivery(path)
        (shv_docs if kind == 'shv' else vs_docs).append((order, doc))
    signals = read_signals(vs_docs, key)
    trajecten = read_trajecten(shv_docs, key)

    if a.peildatum:
        peildatum = dt.date.fromisoformat(a.peildatum)
    else:  # the latest event date in the loaded data
        peildatum = max(dd for d in dossiers.values() for dd, _, _ in d['events'])

    gemeenten = sorted({norm_gemeente(g) for g in a.gemeente} if a.gemeente
                       else {t['gemeente'] for t in trajecten})
    cohort = [t for t in trajecten if van <= t['aanmelding'] < tot and t['gemeente'] in gemeenten]
    out = {
        'schuldhulpverlening': {
            'totaal': shv_metrics(cohort, peildatum),
            'per_gemeente': {g: shv_metrics([t for t in cohort if t['gemeente'] == g], peildatum)
                             for g in gemeenten},
        }
    }
    if key is not None:
        corporaties = {norm_label(c) for c in a.corporatie} if a.corporatie \
            else {d['corporatie'] for d in dossiers.values()}
        doelgroepen = set(a.doelgroep) if a.doelgroep else set(PRIORITY)
        wijken = set(a.wijk) if a.wijk else None
        out['keten'] = keten(dossiers, signals, trajecten, van, tot, corporaties, doelgroepen,
                             wijken)
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1:])
