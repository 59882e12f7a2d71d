"""The share: file layout, archives, files without PHI, scaling, summary."""

import bz2
import contextlib
import datetime
import gzip
import io
import json
import lzma
import os
import random
import tarfile
import zipfile

from . import contract as C
from . import facility, hl7, notes, records
from . import people as P
from . import tables as T
from .truth import Truth

FIXED_TIME = (2024, 3, 1, 9, 0, 0)


class Ctx:
    def __init__(self, rng, truth, pats):
        self.rng, self.truth, self.pats = rng, truth, pats
        self.facility_records = False   # gen/facility.py, on request
        self.bulk_fhir = False   # the Bulk FHIR export's other files, on request
        self.today = datetime.date(2024, 3, rng.randint(1, 28))
        c = P.CLINICS[0]
        self.clinic = {"name": c[0], "name_fr": "Clinique médicale Wascana",
                       "street": c[3], "city": c[2], "prov": "SK",
                       "postal": "S4P 1Y5",
                       "phone": P.rand_phone_digits(rng, ["306"]),
                       "fax": P.rand_phone_digits(rng, ["306"])}
        self.clinic_phone = self.clinic["phone"]
        self.households = {}
        for p in pats:
            if p.household:
                self.households.setdefault(p.household, []).append(p)

    def uuid(self):
        h = "%032x" % self.rng.getrandbits(128)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def kin_of(self, p):
        others = [q for q in self.households.get(p.household, []) if q is not p]
        if others:
            q = others[0]
            return (q, q.name, q.phone("home")[0])
        if self.rng.random() < 0.5:
            return None
        name = f"{self.rng.choice(P.FIRST)} {p.last}"
        return (None, name, P.rand_phone_digits(self.rng,
                                                P.PROVINCES[p.prov][2]))

    def some(self, k):
        k = max(1, min(k, len(self.pats)))
        return sorted(self.rng.sample(self.pats, k), key=lambda p: p.pid)


@contextlib.contextmanager
def past(ctx):
    """Files written inside are older: a patient who married since has the
    maiden name there, one who moved has the old home (people.py
    add_hard_cases)."""
    def swap():
        for p in ctx.pats:
            if p.old_last:
                p.last, p.old_last = p.old_last, p.last
            if p.old_home:
                now = (p.city, p.street_no, p.street, p.unit, p.postal)
                (p.city, p.street_no, p.street, p.unit, p.postal) = p.old_home
                p.old_home = now
    swap()
    try:
        yield
    finally:
        swap()


def _rows(pats, per="patient"):
    if per == "patient":
        return [(p, None) for p in pats]
    if per == "visit":
        return [(p, v) for p in pats for v in p.visits]
    return [(p, l) for p in pats for l in p.labs]


def patients_csv(ctx, src):
    r = ctx.rng
    cols = [T.Col("Patient ID", T.PID), T.Col("MRN", T.MRN),
            T.Col("First Name", T.FIRST), T.Col("Last Name", T.LAST),
            T.Col("DOB", T.dob("dmy_slash")), T.Col("Sex", T.SEX),
            T.Col("Address", T.STREET), T.Col("City", T.CITY),
            T.Col("Province", T.PROV),
            T.Col("Postal Code", T.postal(["space", "space", "nospace",
                                           "lower"])),
            T.Col("Phone", T.phone("home", ["dash", "paren", "bare"])),
            T.Col("Cell", T.phone("cell", ["dash", "dot", "space"])),
            T.Col("Email", T.email),
            T.Col("SIN", T.sin(["space", "dash", "bare"])),
            T.Col("Health Card", T.HN), T.Col("Created", T.created())]
    return T.csv_file(ctx, src, cols, _rows(ctx.some(len(ctx.pats) * 3 // 4)))


def patients_fr_csv(ctx, src):
    cols = [T.Col("No dossier", T.MRN), T.Col("Nom", T.LAST),
            T.Col("Prénom", T.FIRST),
            T.Col("Date de naissance", T.dob("dmy_slash")),
            T.Col("Adresse", T.STREET), T.Col("Ville", T.CITY),
            T.Col("Code postal", T.postal(["space", "lower"])),
            T.Col("Téléphone", T.phone("home", ["space", "dash", "bare"])),
            T.Col("Courriel", T.email), T.Col("NAS", T.sin(["space"])),
            T.Col("Carte santé", T.HN)]
    return T.csv_file(ctx, src, cols, _rows(ctx.some(len(ctx.pats) // 2)),
                      delim=";", eol="\r\n", bom=True)


def visits_tsv(ctx, src):
    r = ctx.rng
    form = r.choice(["iso", "dmy_slash", "mdy_slash", "month_d_y"])
    cols = [T.Col("MRN", T.MRN), T.Col("Patient Name", T.NAME),
            T.Col("Patient DOB", T.dob("iso")),
            T.Col("Visit Date", T.visit_date(form)),
            T.Col("Provider", T.provider), T.Col("Clinic", T.site),
            T.Col("ICD10", T.diag_code),
            T.Col("Diagnosis", T.diag_text),
            T.Col("Notes", T.note_cell(ctx.truth, src, "Notes"))]
    return T.csv_file(ctx, src, cols, _rows(ctx.some(len(ctx.pats) // 2),
                                            "visit"), delim="\t")


def contacts_pipe(ctx, src):
    cols = [T.Col("Chart#", T.MRN), T.Col("Name", T.NAME),
            T.Col("Home Phone", T.phone("home", ["bare", "dash"])),
            T.Col("Tel.", T.phone("cell", ["paren", "plus1", "one_dash"])),
            T.Col("E-mail", T.email),
            T.Col("PostalCode", T.postal(["nospace", "space"])),
            T.Col("birth_date", T.dob("iso_slash"))]
    return T.csv_file(ctx, src, cols, _rows(ctx.some(len(ctx.pats) // 2)),
                      delim="|")


def labs_csv(ctx, src):
    r = ctx.rng
    name, _loinc, val, unit = T.lab_cols()
    printed = P.fmt_date(ctx.today, "iso")
    cols = [T.Col("Accession", T.plain(lambda p, x, r:
                                       f"A{r.randint(10000000, 99999999)}")),
            T.Col("MRN", T.MRN), T.Col("Patient", T.NAME),
            T.Col("Birth_Date", T.dob("dmy_dot")),
            T.Col("Test", name), T.Col("Result", val), T.Col("Units", unit),
            T.Col("Collection Date", T.visit_date("iso", time=True)),
            T.Col("Date Received", T.visit_date("dmy_slash")),
            T.Col("Report Printed", T.plain(lambda p, x, r: printed)),
            T.Col("Ordering Physician", T.staff_plain)]
    ctx.truth.decoy(src, printed, "Report Printed column, no context")
    return T.csv_file(ctx, src, cols, _rows(ctx.some(len(ctx.pats) // 2),
                                            "lab"), quoting="all", eol="\r\n")


def legacy_utf16(ctx, src):
    cols = [T.Col("Name", T.NAME),
            T.Col("Date of Birth", T.dob("month_d_y")),
            T.Col("Phone", T.phone("home", ["dash", "bare"])),
            T.Col("Email", T.email), T.Col("Postal Code", T.postal(["space"]))]
    return T.csv_file(ctx, src, cols, _rows(ctx.some(12)),
                      encoding="utf-16-le", eol="\r\n")


def latin1_csv(ctx, src):
    fr = [p for p in ctx.pats if not p.first.isascii() or
          not p.last.isascii()] or ctx.pats[:1]
    pats = sorted(set(fr[:15] + ctx.some(6)), key=lambda p: p.pid)
    cols = [T.Col("Nom", T.LAST), T.Col("Prénom", T.FIRST),
            T.Col("DDN", T.dob("dmy_slash")),
            T.Col("Téléphone", T.phone("home", ["space", "dash"])),
            T.Col("Code postal", T.postal(["space"])), T.Col("Ville", T.CITY)]
    return T.csv_file(ctx, src, cols, _rows(pats), delim=";",
                      encoding="cp1252", eol="\r\n")


def headerless_numbers(ctx, src):
    r = ctx.rng
    rows = []
    for i in range(30):
        t9 = P.rand_sin(r) if i % 3 == 0 else f"{r.randint(10**8, 10**9 - 1)}"
        t10 = P.rand_phone_digits(r, ["306", "780"])
        ctx.truth.decoy(src, t9, "nine digits, no label")
        ctx.truth.decoy(src, t10, "ten digits, no label")
        rows.append([str(4000 + r.randint(0, 999)), str(r.randint(2019, 2024)),
                     f"{r.randint(0, 99999)}.{r.randint(0, 99):02d}", t9, t10])
    return T.write_csv(None, rows)


def ragged_csv(ctx, src):
    r = ctx.rng
    cols = [T.Col("Appointment Date", T.visit_date("dmy_slash")),
            T.Col("MRN", T.MRN), T.Col("Name", T.NAME),
            T.Col("Phone", T.phone("home", ["dash", "bare"])),
            T.Col("Reason", T.diag_text)]
    body = []
    for p, v in _rows(ctx.some(len(ctx.pats) // 3), "visit"):
        keep = r.choice([5, 5, 5, 3, 4, 6])
        sub = cols[:min(keep, 5)]
        row = T.build_rows(ctx, src, sub, [(p, v)])[0]
        if keep == 6:
            row.append(r.choice(["late", "no-show", "rebooked"]))
        body.append(row)
    return T.write_csv([c.header for c in cols], body)


def mysql_dump(ctx, src):
    r = ctx.rng
    pats = ctx.some(len(ctx.pats) * 2 // 3)
    pcols = [T.Col("mrn", T.MRN, "varchar(16)"),
             T.Col("first_name", T.FIRST), T.Col("last_name", T.LAST),
             T.Col("birth_date", T.dob("iso"), "date"),
             T.Col("sex", T.SEX, "char(1)"), T.Col("street", T.STREET),
             T.Col("city", T.CITY), T.Col("province", T.PROV, "char(2)"),
             T.Col("postal_code", T.postal(["space", "nospace"]),
                   "varchar(7)"),
             T.Col("home_phone", T.phone("home", ["dash", "bare"])),
             T.Col("cell_phone", T.phone("cell", ["paren", "bare"])),
             T.Col("email", T.email), T.Col("sin", T.sin(["bare"]),
                                           "char(9)"),
             T.Col("health_card_no", T.HN),
             T.Col("height_cm", T.height_cm, "smallint"),
             T.Col("weight_kg", T.weight_kg, "smallint"),
             T.Col("created_at", T.created(), "datetime")]
    vcols = [T.Col("patient_mrn", T.MRN),
             T.Col("visit_date", T.visit_date("iso"), "date"),
             T.Col("provider", T.provider), T.Col("icd10", T.diag_code),
             T.Col("notes", T.note_cell(ctx.truth, src, "notes"), "text")]
    name, _l, val, unit = T.lab_cols()
    lcols = [T.Col("patient_mrn", T.MRN), T.Col("test_name", name),
             T.Col("result_value", val), T.Col("units", unit),
             T.Col("collected_at", T.visit_date("iso", time="s"),
                   "datetime")]
    stamp = f"{ctx.today.isoformat()}  4:12:09"
    ctx.truth.decoy(src, ctx.today.isoformat(), "dump footer, no context")
    return (T.MYSQL_HEAD +
            T.mysql_table(ctx, src, "patients", pcols, _rows(pats), False) +
            T.mysql_table(ctx, src, "visits", vcols, _rows(pats, "visit"),
                          True) +
            T.mysql_table(ctx, src, "lab_results", lcols, _rows(pats, "lab"),
                          r.random() < 0.5) +
            T.MYSQL_TAIL.format(stamp=stamp)).encode("utf-8")


def pg_dump(ctx, src):
    pats = ctx.some(len(ctx.pats) // 2)
    pcols = [T.Col("patient_no", T.PID, "text"), T.Col("surname", T.LAST,
                                                       "text"),
             T.Col("given_name", T.FIRST, "text"),
             T.Col("dob", T.dob("iso"), "date"),
             T.Col("phone", T.phone("home", ["dash", "bare", "plus1"]),
                   "text"),
             T.Col("email", T.email, "text"),
             T.Col("postcode", T.postal(["space", "lower"]), "text"),
             T.Col("hsn", T.HN, "text")]
    name, _l, val, unit = T.lab_cols()
    lcols = [T.Col("patient_no", T.PID, "text"),
             T.Col("test_name", name, "text"),
             T.Col("result_value", val, "text"), T.Col("units", unit, "text"),
             T.Col("specimen_collected", T.visit_date("iso", time="s"),
                   "timestamp"),
             T.Col("reported_at", T.visit_date("iso", time="s"),
                   "timestamp")]
    return (T.PG_HEAD + T.pg_table(ctx, src, "patients", pcols, _rows(pats)) +
            T.pg_table(ctx, src, "lab_results", lcols, _rows(pats, "lab")) +
            T.PG_TAIL).encode("utf-8")


def registration_csv(ctx, src):
    """Registration export: government ids, body measurements, history,
    emergency contact (a related person), family physician, signature."""
    def kin(i):
        return lambda p, x, r: x[i] if x else None
    cols = [T.Col("MRN", T.MRN), T.Col("Last Name", T.LAST),
            T.Col("First Name", T.FIRST), T.Col("DOB", T.dob("iso")),
            T.Col("Driver's Licence", T.drivers_licence),
            T.Col("DL Province", T.plain(lambda p, x, r: p.prov)),
            T.Col("Passport No", T.passport),
            T.Col("Height (cm)", T.height_cm),
            T.Col("Weight (kg)", T.weight_kg),
            T.Col("Medical History", T.history),
            T.Col("Emergency Contact", kin(0)),
            T.Col("Relationship", kin(1)),
            T.Col("Emergency Phone", kin(2)),
            T.Col("Family Physician", T.provider),
            T.Col("Patient Signature", T.signature)]
    rows = []
    for p in ctx.some(len(ctx.pats) // 2):
        k = ctx.kin_of(p)
        x = None
        if k:
            _kp, kname, kphone = k
            rel = ctx.rng.choice(P.KIN_RELATIONS)[2]
            # The truth names the kin's patient id when the kin is one.
            kid = _kp.pid if _kp else None
            x = (("related_name", kname, kname, None, "related", kid), rel,
                 ("phone", P.fmt_phone(kphone, "dash"), C.phone_e164(kphone),
                  None, "related", kid))
        rows.append((p, x))
    return T.csv_file(ctx, src, cols, rows)


def payments_csv(ctx, src):
    """Billing export: payment cards, with invoice and claim numbers shaped
    like health numbers and order numbers shaped like phones (decoys)."""
    r, tr = ctx.rng, ctx.truth

    def invoice(p, x, r):
        v = P.bad_luhn(r.choice("12345678") + "".join(
            r.choice("0123456789") for _ in range(9)), r)
        tr.decoy(src, v, "10 digits, fails the Ontario check digit",
                 "health_insurance_number")
        return v

    def claim(p, x, r):
        while True:
            v = r.choice("123456789") + "".join(r.choice("0123456789")
                                                for _ in range(8))
            if not C.luhn_ok(v):
                break
        tr.decoy(src, v, "nine digits under a claim label",
                 "health_insurance_number")
        return v

    def order(p, x, r):
        v = P.rand_phone_digits(r, ["306", "639"])
        tr.decoy(src, v, "order number shaped like a phone", "phone")
        return v

    def masked(p, x, r):
        v = "************" + p.card[1][-4:]
        tr.decoy(src, v, "masked card number", "payment_card")
        return v

    cols = [T.Col("Invoice No", T.plain(invoice)),
            T.Col("Claim No", T.plain(claim)),
            T.Col("Order Ref", T.plain(order)),
            T.Col("Patient No", T.PID), T.Col("Cardholder", T.NAME),
            T.Col("Date of Service", T.visit_date("iso")),
            T.Col("Location", T.site),
            T.Col("Amount", T.plain(lambda p, x, r:
                                    f"{r.randint(20, 400)}.{r.choice(['00', '50'])}")),
            T.Col("Card Type", T.plain(lambda p, x, r: p.card[0])),
            T.Col("Card Number", T.card),
            T.Col("Card on File", T.plain(masked)),
            T.Col("Expiry", T.plain(lambda p, x, r:
                                    f"{r.randint(1, 12):02d}/{r.randint(25, 30)}"))]
    cols.extend(_weak_label_decoys(ctx, src))
    pats = [p for p in ctx.some(len(ctx.pats) * 2 // 3) if p.card]
    return T.csv_file(ctx, src, cols, _rows(pats, "visit"))


# Billing words under labels that clinical tables use too: a weak label
# alone names no category (src/detect/contract/fields.md, "Strong and weak
# labels"). Category: what a detector reading the label alone would say.
WEAK_LABEL_DECOYS = [
    ("Reason", "diagnosis",
     ["promo", "void", "refund", "duplicate charge", "courtesy adjustment",
      "late fee", "price match", "write-off", "bank error", "rebill"]),
    ("Result", "lab_result",
     ["Approved", "Declined", "Pending", "Reversed", "Error"]),
    ("Notes", "medical_history",
     ["Paid at front desk by debit", "Customer requested an emailed receipt",
      "Balance carried to next statement", "Card declined twice, paid cash",
      "Receipt reprinted for insurer", "Promo code applied at checkout"]),
    ("Department", "service_location",
     ["Front Desk", "Accounts Receivable", "Billing Office", "Collections"]),
]


def _weak_label_decoys(ctx, src):
    """Decoy columns, no truth. Their own random stream (seeded by the
    source), so the share's other values stay as they were."""
    drng = random.Random("weak-label-decoys " + src)

    def column(header, category, values):
        def f(p, x, r):
            v = drng.choice(values)
            ctx.truth.decoy(src, v, f"billing word under '{header}'",
                            category)
            return v
        return T.Col(header, T.plain(f))
    return [column(*d) for d in WEAK_LABEL_DECOYS]


def refunds_json(ctx, src):
    """A payment system's refund log, no PHI: the weak-labelled decoys as
    JSON fields (`refunds.reason`), outside any table."""
    drng = random.Random("weak-label-decoys " + src)
    records = []
    for i in range(24):
        rec = {"refund": f"RF{1000 + i}",
               "amount": f"{drng.randint(20, 400)}.{drng.choice(['00', '50'])}"}
        for header, category, values in WEAK_LABEL_DECOYS:
            v = drng.choice(values)
            ctx.truth.decoy(src, v, f"billing word under '{header.lower()}'",
                            category)
            rec[header.lower()] = v
        records.append(rec)
    return json.dumps({"refunds": records}, indent=2).encode("utf-8")


def prescriptions_csv(ctx, src):
    """Pharmacy export: DINs, drug names, prescribers."""
    cols = [T.Col("Rx No", T.plain(lambda p, x, r:
                                   f"RX{r.randint(100000, 999999)}")),
            T.Col("MRN", T.MRN), T.Col("Patient", T.NAME),
            T.Col("DIN", T.other("din", lambda p, x: x[3])),
            T.Col("Drug", T.other("medication", lambda p, x: x[0])),
            T.Col("Strength", T.plain(lambda p, x, r: x[1])),
            T.Col("Directions", T.plain(lambda p, x, r: x[2])),
            T.Col("Prescriber", T.provider)]
    rows = [(p, m) for p in ctx.some(len(ctx.pats) * 2 // 3) for m in p.meds]
    return T.csv_file(ctx, src, cols, rows)


def note_files(ctx, prefix, n, start, kinds=("visit", "ref_en", "ref_fr")):
    out = []
    # Notes and letters always quote the health card.
    with_hn = [p for p in ctx.pats if p.hn]
    for i in range(n):
        p = ctx.rng.choice(with_hn)
        v = ctx.rng.choice(p.visits)
        kind = kinds[i % len(kinds)]
        if kind == "visit":
            name = f"notes/{v.year}/visit_note_{start + i:04d}.txt"
            fn = notes.visit_note
        elif kind == "ref_en":
            name, fn = f"letters/referral_{start + i:04d}.txt", \
                notes.referral_en
        elif kind == "intake":
            name, fn = f"intake/intake_form_{start + i:04d}.txt", \
                notes.intake_form
        elif kind == "statement":
            name, fn = f"billing/statements/statement_{start + i:04d}.txt", \
                notes.statement
        else:
            name, fn = f"letters/lettre_reference_{start + i:04d}.txt", \
                notes.referral_fr
        out.append((name, lambda src, fn=fn, p=p, v=v: fn(ctx, src, p, v)))
    return out


# ---- containers ------------------------------------------------------------

def zip_bytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return buf.getvalue()


def targz_bytes(members):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size, ti.mtime, ti.mode = len(data), 1709283600, 0o644
            ti.uname = ti.gname = "lab"
            t.addfile(ti, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10"
       b"\x08\x06\x00\x00\x00\x1f\xf3\xffa")

README = """Shared drive - Wascana Family Clinic
=====================================

Folders
- exports: nightly exports from the EMR
- lab: interface files from the laboratory system
- notes, letters: clinical documents
- db: database backups

Questions go to the IT service desk.
"""

INI = """[emr]
host = emr01.internal
port = 3306
database = emr
pool_size = 16
timeout_seconds = 30

[export]
schedule = nightly
format = csv
retention_days = 365
"""


def build(ctx, prefix=""):
    """Writes one site's files; returns [(relative path, bytes, format)]."""
    r = ctx.rng
    files = []

    def add(rel, fmt, maker):
        src = prefix + rel
        files.append((src, maker(src), fmt))

    add("clinic_a/exports/patients.csv", "csv", lambda s: patients_csv(ctx, s))
    add("clinic_a/exports/liste_patients_2023.csv", "csv",
        lambda s: patients_fr_csv(ctx, s))
    add("clinic_b/exports/visits.tsv", "csv", lambda s: visits_tsv(ctx, s))
    add("clinic_b/exports/contacts.txt", "csv",
        lambda s: contacts_pipe(ctx, s))
    add("clinic_c/exports/lab_results.csv", "csv", lambda s: labs_csv(ctx, s))
    add("clinic_a/exports/legacy/patients_utf16.csv", "csv",
        lambda s: legacy_utf16(ctx, s))
    add("clinic_d/exports/clients_latin1.csv", "csv",
        lambda s: latin1_csv(ctx, s))
    add("finance/gl_export.csv", "csv", lambda s: headerless_numbers(ctx, s))
    add("clinic_b/exports/appointments.csv", "csv",
        lambda s: ragged_csv(ctx, s))
    add("lab/hl7/ORU_2024-03.hl7", "hl7", lambda s: hl7.hl7_file(
        ctx, s, ctx.some(len(ctx.pats) // 2), "ORU", "\r", (2024, 3)))
    add("lab/hl7/ORU_2024-04.hl7", "hl7", lambda s: hl7.hl7_file(
        ctx, s, ctx.some(len(ctx.pats) // 3), "ORU", "\n", (2024, 4)))
    add("lab/hl7/ADT_A04_2024-03.hl7", "hl7", lambda s: hl7.hl7_file(
        ctx, s, ctx.some(len(ctx.pats) // 3), "ADT", "\r", (2024, 3)))
    add("fhir/bundle_001.json", "json",
        lambda s: records.fhir_bundle(ctx, s, ctx.some(6)))
    add("fhir/bundle_002.json", "json",
        lambda s: records.fhir_bundle(ctx, s, ctx.some(6)))
    bulk = {}  # the patients of the Bulk FHIR export's Patient.ndjson
    add("fhir/export/Patient.ndjson", "ndjson",
        lambda s: records.ndjson(ctx, s, bulk.setdefault(
            "pats", ctx.some(len(ctx.pats) // 2)), "Patient"))
    add("fhir/export/Observation.ndjson", "ndjson",
        lambda s: records.ndjson(ctx, s, ctx.some(len(ctx.pats) // 2),
                                 "Observation"))
    add("exports/patients.xml", "xml",
        lambda s: records.xml_export(ctx, s, ctx.some(len(ctx.pats) // 3)))
    add("db/emr_dump.sql", "sql", lambda s: mysql_dump(ctx, s))
    add("db/lab_pg_dump.sql", "sql", lambda s: pg_dump(ctx, s))
    n_notes = min(40, max(6, len(ctx.pats) // 5))
    for rel, mk in note_files(ctx, prefix, n_notes, 1):
        add(rel, "text", mk)
    add("clinic_a/exports/registration.csv", "csv",
        lambda s: registration_csv(ctx, s))
    add("billing/payments_2024-02.csv", "csv", lambda s: payments_csv(ctx, s))
    add("pharmacy/prescriptions.csv", "csv",
        lambda s: prescriptions_csv(ctx, s))
    add("billing/refunds.json", "json", lambda s: refunds_json(ctx, s))
    n_forms = min(40, max(6, len(ctx.pats) // 5))
    for rel, mk in note_files(ctx, prefix, n_forms, 401,
                              ("intake", "statement")):
        add(rel, "text", mk)

    # Archives: members are named outer!inner, nested outer!inner!member.
    def members(outer, items):
        return [(name, mk(prefix + outer + "!" + name)) for name, mk in items]

    zip1 = "archive/notes_2023.zip"
    files.append((prefix + zip1, zip_bytes(members(zip1, note_files(
        ctx, prefix, 3, 101, ("visit", "ref_en")))), "archive"))
    tgz = "lab/hl7/archive_2023.tar.gz"
    hl7s = [(f"ORU_2023-{m:02d}.hl7", lambda s, m=m: hl7.hl7_file(
        ctx, s, ctx.some(4), "ORU", "\r", (2023, m))) for m in (11, 12)]
    # Archives of earlier years hold the old surnames and homes.
    with past(ctx):
        files.append((prefix + tgz, targz_bytes(members(tgz, hl7s)),
                      "archive"))
        outer = "backup/old_backup.zip"
        inner = "nested/notes_archive.zip"
        inner_members = members(outer + "!" + inner, note_files(
            ctx, prefix, 2, 201, ("visit", "ref_fr")))
        outer_members = members(outer, [
            ("exports/contacts_2021.txt", lambda s: contacts_pipe(ctx, s))])
        outer_members.append((inner, zip_bytes(inner_members)))
        files.append((prefix + outer, zip_bytes(outer_members), "archive"))
        gz = "exports/patients_2022.csv.gz"
        files.append((prefix + gz, gzip.compress(patients_csv(
            ctx, prefix + gz + "!patients_2022.csv"), mtime=0), "compressed"))
    bz = "notes/2022/visit_note_0301.txt.bz2"
    p = r.choice([q for q in ctx.pats if q.hn])
    files.append((prefix + bz, bz2.compress(notes.visit_note(
        ctx, prefix + bz + "!visit_note_0301.txt", p, p.visits[0])),
        "compressed"))
    xz = "fhir/export/Patient_2022.ndjson.xz"
    with past(ctx):
        files.append((prefix + xz, lzma.compress(records.ndjson(
            ctx, prefix + xz + "!Patient_2022.ndjson", ctx.some(5),
            "Patient")), "compressed"))

    if ctx.facility_records:
        files.extend(facility.facility_files(ctx, prefix))

    # Files without PHI.
    if not prefix:
        files.append(("README.txt", README.encode(), "text"))
        files.append(("config/app.ini", INI.encode(), "text"))
        files.append(("images/logo.png", PNG + bytes(r.getrandbits(8)
                                                     for _ in range(200)),
                      "binary"))
        files.append(("tmp/empty.dat", b"", "empty"))
    # The rest of the Bulk FHIR export: resources that name their patient
    # only by `subject.reference` to Patient.ndjson. Last, and on request,
    # so that every file above (and examples/share) stays as it was.
    for what in ("Condition", "MedicationRequest") if ctx.bulk_fhir else ():
        add(f"fhir/export/{what}.ndjson", "ndjson",
            lambda s, what=what: records.ndjson(ctx, s, bulk["pats"], what))
    return files


def generate(out, seed, n_patients=40, size_mb=0, truth_path=None,
             log=print, facility_records=False, bulk_fhir=False):
    truth = Truth(enabled=True)
    rng = random.Random(seed)
    pats = P.make_patients(rng, n_patients)
    ctx = Ctx(rng, truth, pats)
    ctx.facility_records = facility_records
    ctx.bulk_fhir = bulk_fhir
    files = build(ctx)
    total = sum(len(f[1]) for f in files)
    summary = {}

    def flush(batch):
        nonlocal total
        for rel, data, fmt in batch:
            path = os.path.join(out, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
            s = summary.setdefault(fmt, [0, 0])
            s[0] += 1
            s[1] += len(data)

    os.makedirs(out, exist_ok=True)
    flush(files)
    truth_file = open(truth_path, "w", encoding="utf-8") if truth_path \
        else None
    if truth_file:
        truth_file.writelines(truth.lines)
    truth.clean_decoys()
    truth.lines = []
    truth.enabled = truth_file is not None
    site = 0
    per_site = 1500
    while total < size_mb * 1024 * 1024:
        site += 1
        srng = random.Random(seed * 1000003 + site)
        spats = P.make_patients(srng, per_site, start_id=site * 100000 + 1)
        sctx = Ctx(srng, truth, spats)
        sctx.facility_records = facility_records
        sctx.bulk_fhir = bulk_fhir
        files = build(sctx, prefix=f"bulk/site_{site:04d}/")
        total += sum(len(f[1]) for f in files)
        flush(files)
        if truth_file:
            truth_file.writelines(truth.lines)
        truth.lines = []
        truth.decoys = []
        truth._seen = {}
    if truth_file:
        truth_file.close()
    return summary, truth
