"""Synthetic Canadian patients: identity, contact, identifiers, care events."""

import datetime
import os
import random

from . import contract as C

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    "gen_data")


def _lines(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [ln.rstrip("\n") for ln in f if ln.strip()]


FIRST = [n.capitalize() for n in _lines("first_names.txt")]
LAST = [n.capitalize() for n in _lines("last_names.txt")]
NICK = {}
for _ln in _lines("nicknames.csv")[1:]:
    _a, _b = _ln.split(",")
    NICK.setdefault(_a.capitalize(), []).append(_b.capitalize())
STREET_EN = [ln.split("|") for ln in _lines("street_types_en.txt")]
STREET_FR = [ln.split("|") for ln in _lines("street_types_fr.txt")]
ICD10 = [ln.split("\t") for ln in _lines("icd10_sample.tsv")]

# Common Canadian surnames and French-Canadian names, so that files carry
# accents (Côté, Hélène) and realistic frequencies.
COMMON_LAST = ["Smith", "Brown", "Tremblay", "Martin", "Roy", "Wilson",
               "MacDonald", "Gagnon", "Johnson", "Taylor", "Côté", "Campbell",
               "Anderson", "Leblanc", "Lee", "Bouchard", "Gauthier", "Morin",
               "Thompson", "Bélanger", "Lévesque", "Wong", "Singh", "Patel",
               "Nguyen", "Chen", "Li", "O'Brien", "Fraser", "Pelletier",
               "Bergeron", "Ouellet", "Friesen", "Kowalchuk", "Thiessen"]
FRENCH_FIRST_F = ["Hélène", "Geneviève", "Marie-Ève", "Chloé", "Josée",
                  "Nathalie", "Sylvie", "Isabelle", "Mélanie", "Élise"]
FRENCH_FIRST_M = ["François", "Jérôme", "André", "Stéphane", "Benoît",
                  "Luc", "Mathieu", "Réjean", "Gaétan", "Éric"]
FEMALE_HINT = ("a", "e", "y", "ie", "ne")

STREET_NAMES = ["Main", "Albert", "Victoria", "College", "Broad", "Lorne",
                "Dewdney", "Elphinstone", "Pasqua", "Rochdale", "Idylwyld",
                "Spadina", "King", "Queen", "Portage", "Jasper", "Whyte",
                "Granville", "Robson", "Maple", "Oak", "Birch", "Cedar",
                "Park", "Lake", "Hill", "Railway", "Prairie", "Centennial",
                "Wascana", "McIntyre", "Cornwall", "Hamilton", "Scarth"]
RUE_NAMES = ["Saint-Denis", "Sherbrooke", "Sainte-Catherine", "Notre-Dame",
             "des Érables", "Principale", "du Lac", "Saint-Jean",
             "de l'Église", "Laurier"]

PROVINCES = {
    # code: (weight, postal first letters, area codes, cities, health shape)
    "SK": (55, "S", ["306", "639"], ["Regina", "Saskatoon", "Prince Albert",
           "Moose Jaw", "Swift Current", "Yorkton", "North Battleford",
           "Estevan", "Weyburn"], "sk"),
    "AB": (10, "T", ["403", "587", "780"], ["Calgary", "Edmonton",
           "Red Deer", "Lethbridge", "Lloydminster"], "ab"),
    "BC": (6, "V", ["604", "250", "778"], ["Vancouver", "Victoria",
           "Kelowna", "Surrey", "Kamloops"], "bc"),
    "ON": (8, "KLMNP", ["416", "647", "905", "613", "519"], ["Toronto",
           "Ottawa", "Hamilton", "London", "Mississauga", "Kingston"], "on"),
    "QC": (6, "GHJ", ["514", "438", "450", "418", "819"], ["Montréal",
           "Québec", "Laval", "Gatineau", "Sherbrooke", "Trois-Rivières"],
           "qc"),
    "MB": (8, "R", ["204"], ["Winnipeg", "Brandon", "Steinbach"], "mb"),
    "NS": (2, "B", ["902"], ["Halifax", "Sydney", "Truro"], "ns"),
    "NB": (2, "E", ["506"], ["Moncton", "Saint John", "Fredericton"], "nb"),
    "NL": (1, "A", ["709"], ["St. John's", "Corner Brook"], "nl"),
    "NT": (1, "X", ["867"], ["Yellowknife", "Inuvik"], "nt"),
    "YT": (1, "Y", ["867"], ["Whitehorse"], "yt"),
}
_PROV_CODES = list(PROVINCES)
_PROV_WEIGHTS = [PROVINCES[p][0] for p in _PROV_CODES]

EMAIL_DOMAINS = ["gmail.com", "hotmail.com", "outlook.com", "yahoo.ca",
                 "sasktel.net", "shaw.ca", "telus.net", "videotron.ca",
                 "icloud.com", "live.ca", "bell.net", "rogers.com"]

LABS = [
    # name, LOINC, unit, low, high, decimals
    ("Glucose fasting", "1558-6", "mmol/L", 3.6, 9.5, 1),
    ("Hemoglobin A1c", "4548-4", "%", 4.5, 9.8, 1),
    ("Creatinine", "2160-0", "umol/L", 45, 140, 0),
    ("Potassium", "2823-3", "mmol/L", 3.2, 5.4, 1),
    ("Sodium", "2951-2", "mmol/L", 132, 146, 0),
    ("Hemoglobin", "718-7", "g/L", 105, 172, 0),
    ("WBC", "6690-2", "x10E9/L", 3.1, 12.5, 1),
    ("TSH", "3016-3", "mU/L", 0.3, 6.2, 2),
    ("LDL cholesterol", "13457-7", "mmol/L", 1.2, 5.1, 1),
    ("ALT", "1742-6", "U/L", 8, 75, 0),
    ("eGFR", "33914-3", "mL/min/1.73m2", 35, 118, 0),
]

MEDS = [
    # name, strength, sig (no digits that could look like anything), DIN
    # (8 digits, synthetic: shaped like a Drug Identification Number)
    ("Metformin", "500 mg", "one tablet twice daily", "02438070"),
    ("Atorvastatin", "20 mg", "one tablet at bedtime", "02391058"),
    ("Ramipril", "5 mg", "one capsule daily", "02420473"),
    ("Amlodipine", "5 mg", "one tablet daily", "02357194"),
    ("Levothyroxine", "75 mcg", "one tablet before breakfast", "02172089"),
    ("Salbutamol HFA", "100 mcg", "two puffs as needed", "02245671"),
    ("Sertraline", "50 mg", "one tablet daily", "02402386"),
    ("Pantoprazole", "40 mg", "one tablet daily", "02318695"),
    ("Hydrochlorothiazide", "25 mg", "one tablet daily", "02327864"),
    ("Apixaban", "5 mg", "one tablet twice daily", "02397730"),
    ("Insulin glargine", "100 units/mL", "eighteen units at bedtime",
     "02245693"),
    ("Amoxicillin", "500 mg", "one capsule three times daily", "02401509"),
    ("Gabapentin", "300 mg", "one capsule at bedtime", "02361493"),
    ("Rosuvastatin", "10 mg", "one tablet daily", "02337971"),
    # Brand names that are also given names: decoys for name detectors.
    ("Allegra", "120 mg", "one tablet daily", "02242862"),
    ("Lyrica", "75 mg", "one capsule twice daily", "02268434"),
]
NAME_LIKE_DRUGS = {"Allegra", "Lyrica"}

# Past medical history items: procedures and social history, no condition
# words (those are diagnoses).
HISTORY = ["appendectomy", "cholecystectomy", "tonsillectomy as a child",
           "right knee arthroscopy", "caesarean section",
           "inguinal hernia repair", "cataract surgery, left eye",
           "fractured left wrist, casted", "non-smoker", "former smoker",
           "drinks alcohol socially", "works night shifts"]

KIN_RELATIONS = [("mother", "MTH", "Mother"), ("father", "FTH", "Father"),
                 ("spouse", "SPO", "Spouse"), ("daughter", "DAU", "Daughter"),
                 ("son", "SON", "Son"), ("sister", "SIS", "Sister"),
                 ("brother", "BRO", "Brother")]

PROVIDERS = ["Dr. Anita Sharma", "Dr. Paul Kowalski", "Dr. Grace Okafor",
             "Dr. Marc Lapointe", "Dr. Susan Reimer", "Dr. Daniel Cho",
             "Dr. Emily Bartlett", "Dr. Omar Haddad"]



def staff_parts(provider):
    """`Dr. Anita Sharma` -> ("Anita", "Sharma", "Anita Sharma")."""
    first, last = provider.split(" ", 1)[1].split(" ")
    return first, last, f"{first} {last}"


# Other sites of the clinic group: streets named like people and months
# (decoys for name detectors) next to the real service locations.
SITES = [
    ("Wascana Family Clinic", "2160 Broad St", "Regina", "S4P 1Y5", None),
    ("Wascana Family Clinic - East", "45 Grant Avenue", "Regina", "S4V 2J5",
     "Grant"),
    ("Prairie Lab Services", "1880 Albert St", "Regina", "S4P 2S9",
     "Albert"),
    ("Riverside Medical Centre", "415 Spadina Cres E", "Saskatoon",
     "S7K 3G9", None),
    ("North Battleford Health Clinic", "1192 May St", "North Battleford",
     "S9A 2Y4", "May"),
]

CLINICS = [
    # name, short, city, street
    ("Wascana Family Clinic", "clinic_a", "Regina", "2160 Broad St"),
    ("Riverside Medical Centre", "clinic_b", "Saskatoon", "415 Spadina Cres E"),
    ("Prairie Lab Services", "clinic_c", "Regina", "1880 Albert St"),
    ("North Battleford Health Clinic", "clinic_d", "North Battleford",
     "1192 101st St"),
]


def _rand_postal(rng, first_letters):
    d = "0123456789"
    return (rng.choice(first_letters) + rng.choice(d) +
            rng.choice(C.POSTAL_OTHER) + " " + rng.choice(d) +
            rng.choice(C.POSTAL_OTHER) + rng.choice(d))


def rand_phone_digits(rng, area_codes):
    while True:
        ex = f"{rng.randint(200, 999)}"
        if ex[1:] != "11" and ex != "555":
            break
    return rng.choice(area_codes) + ex + f"{rng.randint(0, 9999):04d}"


def rand_sin(rng):
    body = rng.choice("12345679") + "".join(rng.choice("0123456789")
                                             for _ in range(7))
    return C.luhn_complete(body)


def rand_health_number(rng, shape):
    """Province-shaped health number with a valid check digit. Returns
    (value as written, jurisdiction)."""
    digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    while True:
        if shape == "bc":                       # PHN: 10 digits, 9 + mod 11
            body = "9" + digits(8)
            c = C.bc_phn_check(body)
            if c:
                return body + c
        elif shape == "on":                     # OHIP: 10 digits, Luhn
            return C.luhn_complete(rng.choice("123456789") + digits(8))
        elif shape == "qc":                     # RAMQ: 4 letters + 8 digits
            return None                         # built from the name
        elif shape in ("ns", "nl"):            # 10 / 12 digits, mod 11
            n = 9 if shape == "ns" else 11
            body = rng.choice("123456789") + digits(n - 1)
            c = C.mod11_check(body)
            if c:
                return body + c
        else:                                   # SK, AB, MB, NB, NT, YT: 9
            body = rng.choice("123456789") + digits(7)
            c = C.mod11_check(body)
            if c and not C.luhn_ok(body + c):   # never SIN-shaped by accident
                return body + c


def rand_drivers_licence(rng, p):
    """Driver's licence shaped like the province's (synthetic)."""
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    init = (_ascii(p.last).upper() or "X")[0]
    if p.prov == "ON":
        return f"{init}{d(4)}-{d(5)}-{d(5)}"
    if p.prov == "QC":
        return f"{init}{d(4)}-{d(6)}-{d(2)}"
    if p.prov == "AB":
        return f"{d(6)}-{d(3)}"
    if p.prov == "BC":
        return d(7)
    if p.prov == "MB":
        return (_ascii(p.last).upper() + "XXXX")[:5] + init + d(4) + "MB"
    return d(8)


def rand_passport(rng):
    return "".join(rng.choice("ABCGHJKLMNPRSTWXYZ") for _ in range(2)) + \
        "".join(rng.choice("0123456789") for _ in range(6))


# Issuer test ranges (Luhn-valid numbers in published test IINs).
CARD_IINS = [("Visa", "411111", 16), ("Visa", "401288", 16),
             ("Mastercard", "555555", 16), ("Mastercard", "510510", 16),
             ("Amex", "378282", 15), ("Discover", "601111", 16)]


def rand_card(rng):
    """(brand, digits) of a Luhn-valid payment card in a test range."""
    brand, iin, n = rng.choice(CARD_IINS)
    body = iin + "".join(rng.choice("0123456789") for _ in range(n - 7))
    return brand, C.luhn_complete(body)


def bad_luhn(digits, rng):
    """`digits` with its last digit changed so that Luhn fails."""
    good = int(C.luhn_complete(digits[:-1])[-1])
    return digits[:-1] + str((good + rng.randint(1, 9)) % 10)


def fmt_card(digits, form):
    if form == "bare":
        return digits
    sep = " " if form == "space" else "-"
    if len(digits) == 15:
        return sep.join([digits[:4], digits[4:10], digits[10:]])
    return sep.join(digits[i:i + 4] for i in range(0, len(digits), 4))


def fmt_height(cm, form):
    if form == "cm":
        return f"{cm} cm"
    if form == "m":
        return f"{cm / 100:.2f} m"
    inches = round(cm / 2.54)
    return f"{inches // 12}'{inches % 12}\""


def fmt_weight(kg, form):
    if form == "kg":
        return f"{kg} kg"
    return f"{round(kg * 2.20462)} lb"


def health_number_ok(value, prov):
    shape = PROVINCES[prov][4]
    v = value.replace(" ", "")
    if shape == "bc":
        return len(v) == 10 and v[0] == "9" and C.bc_phn_check(v[:9]) == v[9]
    if shape == "on":
        return len(v) == 10 and C.luhn_ok(v)
    if shape == "qc":
        return len(v) == 12 and v[:4].isalpha() and v[4:].isdigit()
    if shape in ("ns", "nl"):
        return C.mod11_check(v[:-1]) == v[-1]
    return len(v) == 9 and C.mod11_check(v[:-1]) == v[-1]


def _ascii(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if c.isascii() and (c.isalnum() or c in "-."))


class Patient:
    __slots__ = ("pid", "first", "middle", "last", "sex", "dob", "prov",
                 "city", "street_no", "street", "unit", "postal", "phones",
                 "email", "sin", "hn", "mrn", "visits", "labs", "diagnoses",
                 "meds", "height", "weight", "household", "nick", "lang",
                 "dl", "passport", "card", "history", "gp",
                 # Hard cases for resolution (add_hard_cases): the surname
                 # and home of older files, or None.
                 "old_last", "old_home")

    @property
    def name(self):
        return f"{self.first} {self.last}"

    @property
    def address(self):
        u = f"{self.unit}-" if self.unit else ""
        return f"{u}{self.street_no} {self.street}"

    def phone(self, kind=None):
        for k, d, ext in self.phones:
            if kind is None or k == kind:
                return d, ext
        return self.phones[0][1], self.phones[0][2]


def make_patients(rng, n, start_id=1, visit_years=(2019, 2024)):
    pats = []
    i = 0
    while len(pats) < n:
        p = Patient()
        p.pid = f"P{start_id + i:06d}"
        i += 1
        prov = rng.choices(_PROV_CODES, _PROV_WEIGHTS)[0]
        p.prov = prov
        _w, letters, areas, cities, shape = PROVINCES[prov]
        p.lang = "fr" if prov == "QC" or rng.random() < 0.05 else "en"
        p.sex = rng.choice("FM")
        if p.lang == "fr" and rng.random() < 0.7:
            p.first = rng.choice(FRENCH_FIRST_F if p.sex == "F"
                                 else FRENCH_FIRST_M)
        else:
            p.first = rng.choice(FIRST)
        p.nick = rng.choice(NICK[p.first]) if p.first in NICK and \
            rng.random() < 0.3 else None
        p.middle = rng.choice(FIRST) if rng.random() < 0.4 else ""
        p.last = rng.choice(COMMON_LAST) if rng.random() < 0.35 else \
            rng.choice(LAST)
        p.dob = datetime.date(1930, 1, 1) + datetime.timedelta(
            days=rng.randint(0, 33236))            # to 2020-12-31
        p.city = rng.choice(cities)
        p.street_no = str(rng.randint(1, 9999) if rng.random() < 0.8
                          else rng.randint(1, 199))
        if p.lang == "fr":
            t = rng.choice(STREET_FR)
            p.street = f"{t[0].capitalize()} {rng.choice(RUE_NAMES)}"
        else:
            t = rng.choice(STREET_EN)
            typ = t[0].capitalize() if rng.random() < 0.5 else \
                t[1].capitalize()
            p.street = f"{rng.choice(STREET_NAMES)} {typ}"
            if rng.random() < 0.15:
                p.street += " " + rng.choice(["N", "S", "E", "W", "NW", "SE"])
        p.unit = str(rng.randint(1, 40)) if rng.random() < 0.15 else ""
        p.postal = _rand_postal(rng, letters)
        p.phones = [("home", rand_phone_digits(rng, areas), None)]
        if rng.random() < 0.6:
            p.phones.append(("cell", rand_phone_digits(rng, areas), None))
        if rng.random() < 0.15:
            p.phones.append(("work", rand_phone_digits(rng, areas),
                             str(rng.randint(10, 9999))))
        local = _ascii(rng.choice([f"{p.first}.{p.last}", f"{p.first[0]}{p.last}",
                                   f"{p.first}{p.last[0]}{rng.randint(1, 99)}",
                                   f"{p.last}.{p.first}"]).lower()) or "patient"
        p.email = f"{local}@{rng.choice(EMAIL_DOMAINS)}" if rng.random() < 0.85 \
            else None
        p.sin = rand_sin(rng) if rng.random() < 0.7 else None
        _assign_health_number(rng, p)
        p.old_last = p.old_home = None
        p.mrn = f"{rng.randint(100000, 9999999):07d}"
        p.height = rng.randint(150, 195)
        p.weight = rng.randint(48, 130)
        p.household = None
        # Households: share the address and home phone, sometimes the email.
        if pats and rng.random() < 0.2:
            h = rng.choice(pats[-10:])
            if h.prov == p.prov:
                p.last = h.last if rng.random() < 0.7 else p.last
                p.city, p.street_no, p.street, p.unit, p.postal = \
                    h.city, h.street_no, h.street, h.unit, h.postal
                p.phones[0] = h.phones[0]
                if h.email and rng.random() < 0.4:
                    p.email = h.email
                p.household = h.household or h.pid
                h.household = p.household
        # Care events.
        lo = max(datetime.date(visit_years[0], 1, 1), p.dob)
        hi = datetime.date(visit_years[1], 2, 28)
        span = (hi - lo).days
        p.visits = sorted(lo + datetime.timedelta(days=rng.randint(0, span))
                          for _ in range(rng.randint(1, 4)))
        p.diagnoses = rng.sample(ICD10, rng.randint(0, 3))
        p.meds = rng.sample(MEDS, rng.randint(0, 3))
        p.labs = []
        for v in p.visits:
            for lab in rng.sample(LABS, rng.randint(0, 3)):
                name, loinc, unit, low, high, dec = lab
                val = round(rng.uniform(low, high), dec)
                val = f"{val:.{dec}f}" if dec else str(int(val))
                p.labs.append((v, name, loinc, val, unit))
        p.dl = rand_drivers_licence(rng, p) if rng.random() < 0.75 else None
        p.passport = rand_passport(rng) if rng.random() < 0.3 else None
        p.card = rand_card(rng) if rng.random() < 0.6 else None
        p.history = rng.sample(HISTORY, rng.randint(1, 3))
        p.gp = rng.choice(PROVIDERS)
        pats.append(p)
    add_hard_cases(random.Random(rng.random()), pats)
    return pats


def _assign_health_number(rng, p):
    shape = PROVINCES[p.prov][4]
    if shape == "qc":
        ln = (_ascii(p.last).upper() + "XXX")[:3]
        yy = p.dob.year % 100
        mm = p.dob.month + (50 if p.sex == "F" else 0)
        p.hn = f"{ln}{_ascii(p.first)[0].upper()} {yy:02d}{mm:02d} " \
               f"{p.dob.day:02d}{rng.randint(10, 99)}"
    else:
        p.hn = rand_health_number(rng, shape)


def _same_home(rng, p, h):
    p.prov, p.city, p.street_no, p.street, p.unit, p.postal = \
        h.prov, h.city, h.street_no, h.street, h.unit, h.postal
    # The home phone is shared; other phones are the province's too.
    areas = PROVINCES[p.prov][2]
    p.phones = [h.phones[0]] + [(k, rand_phone_digits(rng, areas), e)
                                for k, _d, e in p.phones[1:]]
    p.household = h.household or h.pid
    h.household = p.household


def _twins(rng, a, b):
    """Same surname, birth date and home; different given names and health
    numbers."""
    # The earlier birth date, so neither has a visit before it.
    b.last = a.last
    a.dob = b.dob = min(a.dob, b.dob)
    _same_home(rng, b, a)
    while b.first == a.first or b.first in NICK.get(a.first, ()):
        b.first = rng.choice(FIRST)
    b.nick = None
    _assign_health_number(rng, b)


def _father_and_son(rng, father, son):
    """Same name and home, birth dates decades apart (Sr and Jr)."""
    son.first, son.middle, son.last, son.sex = \
        father.first, father.middle, father.last, "M"
    father.sex = "M"
    father.dob = son.dob - datetime.timedelta(days=rng.randint(22, 38) * 365)
    _same_home(rng, son, father)
    _assign_health_number(rng, son)
    _assign_health_number(rng, father)


def _moved(rng, p):
    """Older files have the previous home."""
    _w, letters, _areas, cities, _shape = PROVINCES[p.prov]
    street = f"{rng.choice(STREET_NAMES)} {rng.choice(STREET_EN)[0].capitalize()}"
    p.old_home = (rng.choice(cities), str(rng.randint(1, 9999)), street, "",
                  _rand_postal(rng, letters))


def add_hard_cases(rng, pats):
    """Turns some patients into the cases that make resolution hard: twins,
    a father and son of one name (Jr/Sr), a married name (older files have
    the maiden name), a move (older files have the old address), patients
    without a health number. One of each per 40 patients (two of the last
    three); nicknames and shared household contacts come from
    make_patients. Uses its own `rng` so the rest of the share keeps its
    draws."""
    if len(pats) < 12:
        return
    k = max(1, len(pats) // 40)
    picked = rng.sample(range(len(pats)), 8 * k)
    for i in range(k):
        a, b, f, s, m, mv, n1, n2 = (pats[j] for j in picked[8 * i:8 * i + 8])
        _twins(rng, a, b)
        _father_and_son(rng, f, s)
        m.old_last = m.last
        while m.last == m.old_last:
            m.last = rng.choice(COMMON_LAST + LAST[:200])
        _moved(rng, mv)
        n1.hn = n2.hn = None


# ---- renderings ------------------------------------------------------------

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
             "août", "septembre", "octobre", "novembre", "décembre"]

DATE_FORMATS = ["iso", "iso_slash", "dmy_slash", "mdy_slash", "dmy_dash",
                "dmy_dot", "mon_d_y", "month_d_y", "d_mon_y", "d_month_y"]


def fmt_date(d, form):
    """A date as written; `mdy_slash` falls back to day first when the day
    is 12 or less (the contract reads those day first)."""
    if form == "iso":
        return d.isoformat()
    if form == "iso_slash":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if form == "mdy_slash" and d.day > 12:
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if form in ("dmy_slash", "mdy_slash"):
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if form == "dmy_dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if form == "dmy_dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if form == "mon_d_y":
        return f"{MONTHS_EN[d.month - 1][:3]} {d.day} {d.year}"
    if form == "month_d_y":
        return f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}"
    if form == "d_mon_y":
        return f"{d.day} {MONTHS_EN[d.month - 1][:3]} {d.year}"
    if form == "d_month_y":
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    if form == "fr":
        return f"{d.day} {MONTHS_FR[d.month - 1]} {d.year}"
    if form == "compact":
        return f"{d.year}{d.month:02d}{d.day:02d}"
    raise ValueError(form)


PHONE_FORMATS = ["paren", "dash", "dot", "space", "plus1", "one_dash"]
EXT_FORMATS = [" x{}", " ext {}", " ext. {}"]


def fmt_phone(d, form, ext=None, ext_form=0):
    a, e, n = d[:3], d[3:6], d[6:]
    s = {"paren": f"({a}) {e}-{n}", "dash": f"{a}-{e}-{n}",
         "dot": f"{a}.{e}.{n}", "space": f"{a} {e} {n}",
         "plus1": f"+1 {a} {e} {n}", "one_dash": f"1-{a}-{e}-{n}",
         "bare": d}[form]
    if ext:
        s += EXT_FORMATS[ext_form % 3].format(ext)
    return s


SIN_FORMATS = ["space", "dash", "bare"]


def fmt_sin(s, form):
    if form == "space":
        return f"{s[:3]} {s[3:6]} {s[6:]}"
    if form == "dash":
        return f"{s[:3]}-{s[3:6]}-{s[6:]}"
    return s
