"""Tables: CSV/TSV exports (many dialects and encodings) and SQL dumps."""

import csv
import io

from . import contract as C
from . import people as P
from .truth import TextUnit, V


class Col:
    """A column: header and a function (patient, row extra, rng) -> cell.
    A cell is None (empty), a plain str (no truth), a tuple
    (family, value, normalized, intent[, role]) recorded through
    Truth.field, or a list of such tuples (several values in one cell, the
    first one's value written)."""
    __slots__ = ("header", "fn", "sql_type")

    def __init__(self, header, fn, sql_type="varchar(64)"):
        self.header, self.fn, self.sql_type = header, fn, sql_type


# ---- column makers ---------------------------------------------------------

def _fmt_date(d, form):
    """A date in a column. `mdy_slash` is US style throughout, month first
    even where the day is 12 or less: the column's dates with a day over 12
    decide how the others read."""
    if form == "mdy_slash":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    return P.fmt_date(d, form)


def dob(form):
    return lambda p, x, r: ("date", _fmt_date(p.dob, form), p.dob.isoformat(),
                            C.DOB)


def visit_date(form, time=False):
    def f(p, x, r):
        d = x if not isinstance(x, tuple) else x[0]
        s = _fmt_date(d, form)
        if time:
            s += f" {r.randint(7, 18):02d}:{r.choice(['00', '15', '30', '45'])}"
            if time == "s":
                s += f":{r.randint(0, 59):02d}"
        return ("date", s, d.isoformat(), C.SERVICE)
    return f


def phone(kind, forms):
    def f(p, x, r):
        ph = [t for t in p.phones if t[0] == kind]
        if not ph:
            return None
        _k, d, ext = ph[0]
        form = r.choice(forms)
        if form == "bare":
            return ("phone_bare", d, C.phone_e164(d), None)
        return ("phone", P.fmt_phone(d, form, ext, r.randint(0, 2)),
                C.phone_e164(d, ext), None)
    return f


def email(p, x, r):
    return ("email", p.email, p.email.lower(), None) if p.email else None


def postal(forms):
    def f(p, x, r):
        form = r.choice(forms)
        v = {"space": p.postal, "nospace": p.postal.replace(" ", ""),
             "lower": p.postal.lower()}[form]
        return ("postal", v, p.postal, None)
    return f


def sin(forms):
    def f(p, x, r):
        if not p.sin:
            return None
        return ("sin", P.fmt_sin(p.sin, r.choice(forms)), p.sin, None)
    return f


def other(kind, get):
    def f(p, x, r):
        v = get(p, x)
        return (kind, v, v, None) if v else None
    return f


def plain(get):
    return lambda p, x, r: get(p, x, r)


def created(form="iso"):
    """Record-keeping timestamps: dates without context (no finding)."""
    def f(p, x, r):
        return P.fmt_date(p.visits[-1], form) + \
            f" {r.randint(7, 18):02d}:{r.randint(0, 59):02d}"
    return f


NAME = other("name", lambda p, x: p.name)
FIRST = other("name", lambda p, x: p.first)
LAST = other("name", lambda p, x: p.last)
STREET = other("street_address", lambda p, x: p.address)
CITY = other("city", lambda p, x: p.city)
PROV = other("province", lambda p, x: p.prov)
SEX = plain(lambda p, x, r: p.sex)
MRN = other("mrn", lambda p, x: p.mrn)
HN = other("health_number", lambda p, x: p.hn)
PID = other("patient_number", lambda p, x: p.pid)


_LAST_DIAG = {}


def diag_code(p, x, r):
    """The row's diagnosis code; diag_text after it in the row agrees."""
    if not p.diagnoses:
        return None
    code, text = _LAST_DIAG[p.pid] = r.choice(p.diagnoses)
    return ("diagnosis_code", code, code, None)


def diag_text(p, x, r):
    if not p.diagnoses:
        return None
    code, text = _LAST_DIAG.pop(p.pid, None) or r.choice(p.diagnoses)
    return ("diagnosis_text", text, code, None)


def provider(p, x, r):
    """A clinician's name as written (`Dr. Anita Sharma`); the truth value
    is the name without the title."""
    doc = r.choice(P.PROVIDERS)
    return [("staff_name", doc, P.staff_parts(doc)[2], None, "staff")]


def staff_plain(p, x, r):
    """A clinician's name without title, `Sharma, Anita`."""
    first, last, full = P.staff_parts(r.choice(P.PROVIDERS))
    return ("staff_name", f"{last}, {first}", full, None, "staff")


def site(p, x, r):
    name = r.choice(P.SITES)[0]
    return ("service_location", name, name, None)


def card(p, x, r):
    if not p.card:
        return None
    brand, digits = p.card
    return ("payment_card", P.fmt_card(digits, r.choice(["space", "dash",
                                                         "bare"])),
            digits, None)


def drivers_licence(p, x, r):
    return ("drivers_licence", p.dl, p.dl, None) if p.dl else None


def passport(p, x, r):
    return ("passport", p.passport, p.passport, None) if p.passport else None


def height_cm(p, x, r):
    return ("height", str(p.height), f"{p.height} cm", None)


def weight_kg(p, x, r):
    return ("weight", str(p.weight), f"{p.weight} kg", None)


def history(p, x, r):
    v = "; ".join(p.history)
    return ("medical_history", v, v, None)


def signature(p, x, r):
    """`/s/ First Last`: a signature, and the name in it."""
    v = f"/s/ {p.first} {p.last}"
    return [("signature", v, p.name, None), ("name", p.name, p.name, None)]


def lab_cols():
    return (other("lab_test", lambda p, x: x[1]),
            plain(lambda p, x, r: x[2]),
            other("lab_result", lambda p, x: x[3]),
            plain(lambda p, x, r: x[4]))


def note_cell(truth, source, label):
    """A short free-text cell (one unit) with nearby-word context."""
    def f(p, x, r):
        d = x if not isinstance(x, tuple) else x[0]
        u = TextUnit(truth, source, label)
        ph, ext = p.phone()
        u.add(r,
              lambda: ["Seen ", V("date", P.fmt_date(d, "iso"), d.isoformat(),
                                  p.pid, C.SERVICE), " for follow-up"],
              lambda: ["Follow-up; call ", V("phone", P.fmt_phone(ph, "dash"),
                                             C.phone_e164(ph), p.pid, "phone"),
                       " if worse"],
              lambda: ["Stable, no change"],
              lambda: ["Refill given, \"see\" chart, reviewed"])
        text = u.text().rstrip("\n")
        # The note itself is clinical narrative.
        truth.add(source, "medical_history", text, text, p.pid, "text")
        return text
    return f


# ---- rendering -------------------------------------------------------------

def build_rows(ctx, source, cols, rows):
    """rows: list of (patient, extra). Returns list of lists of str and
    records the truth of every cell."""
    out = []
    tr, rng = ctx.truth, ctx.rng
    for p, x in rows:
        _LAST_DIAG.clear()
        row = []
        for c in cols:
            cell = c.fn(p, x, rng)
            if cell is None:
                row.append("")
            elif isinstance(cell, str):
                row.append(cell)
            else:
                cells = cell if isinstance(cell, list) else [cell]
                for fam, val, norm, intent, *rest in cells:
                    role = rest[0] if rest else None
                    pid = None if role in ("staff", "related") else p.pid
                    if len(rest) > 1:  # a related person who is a patient
                        pid = rest[1]
                    tr.field(source, c.header, fam, val, norm, pid, intent,
                             role=role)
                row.append(cells[0][1])
        out.append(row)
    return out


def write_csv(header, rows, delim=",", quoting="minimal", eol="\n",
              encoding="utf-8", bom=False, ragged=None):
    buf = io.StringIO()
    q = {"minimal": csv.QUOTE_MINIMAL, "all": csv.QUOTE_ALL}[quoting]
    w = csv.writer(buf, delimiter=delim, quoting=q, lineterminator=eol)
    if header:
        w.writerow(header)
    w.writerows(rows)
    text = buf.getvalue()
    if encoding == "utf-16-le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    data = text.encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def csv_file(ctx, source, cols, rows, **kw):
    body = build_rows(ctx, source, cols, rows)
    return write_csv([c.header for c in cols], body, **kw)


# ---- SQL -------------------------------------------------------------------

def _sql_str(v):
    if v == "" or v is None:
        return "NULL"
    if v.isdigit() and len(v) < 6 and not v.startswith("0"):
        return v
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"


def mysql_table(ctx, source, table, cols, rows, with_columns, per_insert=40):
    body = build_rows(ctx, source, cols, rows)
    out = [f"\n--\n-- Table structure for table `{table}`\n--\n\n",
           f"DROP TABLE IF EXISTS `{table}`;\n",
           f"CREATE TABLE `{table}` (\n  `id` int NOT NULL AUTO_INCREMENT,\n"]
    for c in cols:
        out.append(f"  `{c.header}` {c.sql_type} DEFAULT NULL,\n")
    out.append("  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT "
               "CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;\n\n")
    out.append(f"--\n-- Dumping data for table `{table}`\n--\n\n"
               f"LOCK TABLES `{table}` WRITE;\n"
               f"/*!40000 ALTER TABLE `{table}` DISABLE KEYS */;\n")
    collist = ""
    if with_columns:
        collist = " (`id`," + ",".join(f"`{c.header}`" for c in cols) + ")"
    for i in range(0, len(body), per_insert):
        chunk = body[i:i + per_insert]
        vals = ",".join("(" + str(i + j + 1) + "," +
                        ",".join(_sql_str(v) for v in row) + ")"
                        for j, row in enumerate(chunk))
        out.append(f"INSERT INTO `{table}`{collist} VALUES {vals};\n")
    out.append(f"/*!40000 ALTER TABLE `{table}` ENABLE KEYS */;\n"
               "UNLOCK TABLES;\n")
    return "".join(out)


MYSQL_HEAD = """-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: 10.20.0.15    Database: emr
-- ------------------------------------------------------
-- Server version\t8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
"""
MYSQL_TAIL = """/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;

-- Dump completed on {stamp}
"""


def _pg_str(v):
    if v == "" or v is None:
        return "\\N"
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def pg_table(ctx, source, table, cols, rows):
    body = build_rows(ctx, source, cols, rows)
    out = [f"\n--\n-- Name: {table}; Type: TABLE; Schema: public; "
           "Owner: lab\n--\n\n",
           f"CREATE TABLE public.{table} (\n    id integer NOT NULL,\n"]
    out.append(",\n".join(f"    {c.header} {c.sql_type}" for c in cols))
    out.append("\n);\n\n")
    out.append(f"COPY public.{table} (id, " +
               ", ".join(c.header for c in cols) + ") FROM stdin;\n")
    for i, row in enumerate(body):
        out.append(str(i + 1) + "\t" + "\t".join(_pg_str(v) for v in row) +
                   "\n")
    out.append("\\.\n\n")
    return "".join(out)


PG_HEAD = """--
-- PostgreSQL database dump
--

-- Dumped from database version 15.6
-- Dumped by pg_dump version 15.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET default_tablespace = '';
"""
PG_TAIL = """--
-- PostgreSQL database dump complete
--
"""
