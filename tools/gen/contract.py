"""The detection contract (src/detect/README.md) as the generator needs it.

Context words, label normalisation, the 40-byte nearby-word rule, and the
normalised forms of the values the foundation detectors find. The generator
uses this module to decide, for every value it writes, whether a detector must
find it (and as what), so that the truth file matches the contract exactly.
"""

import functools
import re

DOB = "date_of_birth"
SERVICE = "service_date"
PHONE = "phone"
SIN = "sin"
POSTAL = "postal_code"

CONTEXT_WORDS = {
    DOB: ["dob", "birth", "born", "birthdate", "naissance", "né", "née", "ddn"],
    SERVICE: ["service", "visit", "collection", "collected", "specimen",
              "admission", "admitted", "admit", "discharge", "discharged",
              "appointment", "encounter", "observation", "received",
              "reported", "resulted", "seen", "consultation"],
    PHONE: ["phone", "tel", "telephone", "téléphone", "cell", "mobile", "fax",
            "contact", "call"],
    SIN: ["sin", "nas", "social insurance", "assurance sociale", "ssn"],
    POSTAL: ["postal", "postcode", "zip", "code postal"],
}

HL7_CONTEXT = {
    "PID-7": DOB,
    "PV1-44": SERVICE, "PV1-45": SERVICE, "OBR-7": SERVICE, "OBR-8": SERVICE,
    "OBR-14": SERVICE, "OBR-22": SERVICE, "OBX-14": SERVICE,
    "SPM-17": SERVICE, "SPM-18": SERVICE,
    "PID-13": PHONE, "PID-14": PHONE, "NK1-5": PHONE, "NK1-6": PHONE,
    "PID-19": SIN,
    "PID-11": POSTAL,
}

# Kinds the end-to-end test compares with the scan, and their category ids.
CONTRACT_KINDS = {
    "email": "email", "phone": "phone", DOB: "date_of_birth",
    SERVICE: "service_date", POSTAL: "address", SIN: "sin",
}

# Categories (DESIGN.md ids) of the other kinds the truth file records.
OTHER_KINDS = {
    "name": "name", "staff_name": "name", "related_name": "name",
    "street_address": "address", "city": "address", "province": "address",
    "health_number": "health_insurance_number",
    "mrn": "medical_record_number", "patient_number": "patient_number",
    "diagnosis_code": "diagnosis", "diagnosis_text": "diagnosis",
    "medication": "medication", "din": "medication",
    # A test's name without its value is not a lab result: counted, but not
    # written to the truth (no category).
    "lab_result": "lab_result", "lab_test": None,
    "height": "height", "weight": "weight",
    "service_location": "service_location",
    "service_address": "service_location",
    "signature": "signature", "medical_history": "medical_history",
    "payment_card": "payment_card",
    "drivers_licence": "government_id", "passport": "government_id",
}

# Role of the person a value belongs to, by kind (other kinds: the patient
# when the value has one, else none, e.g. the clinic's own phone).
ROLE_OF_KIND = {"staff_name": "staff", "related_name": "related"}

# A value of a contract kind that the contract says is NOT found (no context,
# or a form the detectors do not read) keeps its category but gets this
# suffix on its kind, so that the exact comparison ignores it.
NOCONTEXT = "_nocontext"


def category_of(kind):
    if kind.endswith(NOCONTEXT):
        kind = kind[:-len(NOCONTEXT)]
    if kind in CONTRACT_KINDS:
        return CONTRACT_KINDS[kind]
    return OTHER_KINDS[kind]


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize_label(label):
    """`Date of Birth` -> `date_of_birth`; JSON/XML paths: last segment."""
    return _NON_ALNUM.sub("_", label.lower())


def last_segment(path):
    return re.split(r"[./]", path.strip("./"))[-1]


# Label matching uses the ASCII context words only: how a normalised label
# could contain `né` is not defined by the contract, so the generator never
# relies on it (see the report's contract doubts).
_LABEL_WORDS = {k: [w.replace(" ", "_") for w in ws if w.isascii()]
                for k, ws in CONTEXT_WORDS.items()}


@functools.lru_cache(maxsize=4096)
def label_kinds(label, hl7=False):
    """Set of context kinds a label gives (CSV/SQL column, JSON/XML path)."""
    if not label:
        return frozenset()
    if hl7:
        k = HL7_CONTEXT.get(label)
        return frozenset([k]) if k else frozenset()
    norm = normalize_label(last_segment(label))
    return frozenset(k for k, ws in _LABEL_WORDS.items()
                     if any(w in norm for w in ws))


def _word_re(word):
    w = re.escape(word.encode("utf-8")).replace(b"\\ ", b"\\s+")
    # Whole word: no letter or digit (ASCII or any UTF-8 byte) either side.
    return re.compile(rb"(?<![0-9A-Za-z\x80-\xff])" + w +
                      rb"(?![0-9A-Za-z\x80-\xff])", re.IGNORECASE)


_WORD_RES = {k: [_word_re(w) for w in ws] for k, ws in CONTEXT_WORDS.items()}
WINDOW = 40


def nearby_kinds(before):
    """Context kinds in the bytes `before` (already cut to the window), with
    the end offset of the nearest word of each kind."""
    found = {}
    low = before.lower()
    for k, res in _WORD_RES.items():
        for r in res:
            for m in r.finditer(low):
                found[k] = max(found.get(k, -1), m.end())
    return found


def _words(text, lo, pos, keep):
    found = {}
    low = text.lower()
    for k, res in _WORD_RES.items():
        for r in res:
            for m in r.finditer(low, lo, pos):
                if keep(m):
                    found[k] = max(found.get(k, -1), m.end() - pos)
    return found


def context_readings(text, pos):
    """Nearby context of a candidate starting at byte `pos` of `text` (UTF-8
    bytes of one unit), as {kind: end offset of its nearest word, relative
    to the candidate}. A word cut by the window's start may be read as a
    whole word, as no word, or as the word it belongs to: the three
    readings are returned, and callers require them to agree."""
    lo = max(0, pos - WINDOW)
    if lo == 0:
        return [_words(text, 0, pos, lambda m: True)]
    window = text[lo:pos]
    a = {k: v - len(window) for k, v in nearby_kinds(window).items()}
    b = _words(text, lo - 1, pos, lambda m: m.start() >= lo)
    c = _words(text, max(0, lo - 24), pos, lambda m: m.end() > lo)
    return [a, b, c]


def decide(kind_family, label_set, nearby):
    """Which kind a date/phone/sin/postal candidate gets. `kind_family` is
    'date', 'phone', 'sin' or 'postal'. Returns the contract kind, or None
    when the contract gives no context of that family."""
    if kind_family == "date":
        in_label = [k for k in (DOB, SERVICE) if k in label_set]
        if len(in_label) == 1:
            return in_label[0]
        if len(in_label) == 2:
            raise ValueError("label with both date contexts")
        near = {k: v for k, v in nearby.items() if k in (DOB, SERVICE)}
        if not near:
            return None
        if len(near) == 2 and near[DOB] == near[SERVICE]:
            raise ValueError("tie")
        return max(near, key=near.get)
    k = {"phone": PHONE, "sin": SIN, "postal": POSTAL}[kind_family]
    return k if (k in label_set or k in nearby) else None


# ---- check digits ---------------------------------------------------------

def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


def sin_ok(s):
    return (len(s) == 9 and s.isdigit() and s[0] not in "08" and luhn_ok(s))


_BC_W = (2, 4, 8, 5, 10, 9, 7, 3)


def bc_phn_check(first9):
    """BC PHN: digit 1 is 9, digits 2-9 weighted mod 11, check 11 - r."""
    s = sum((int(d) * w) % 11 for d, w in zip(first9[1:9], _BC_W)) % 11
    c = 11 - s
    return None if c >= 10 else str(c)


def mod11_check(body):
    """Synthetic mod-11 check digit (weights 2..n from the right)."""
    s = sum(int(d) * w for d, w in zip(reversed(body), range(2, 2 + len(body))))
    c = 11 - s % 11
    return None if c >= 10 else str(c)


# ---- normal forms ---------------------------------------------------------

def phone_e164(digits10, ext=None):
    return "+1" + digits10 + (f";ext={ext}" if ext else "")


def postal_norm(p):
    p = p.replace(" ", "").upper()
    return p[:3] + " " + p[3:]


POSTAL_FIRST = "ABCEGHJKLMNPRSTVXY"
POSTAL_OTHER = "ABCEGHJKLMNPRSTVWXYZ"
