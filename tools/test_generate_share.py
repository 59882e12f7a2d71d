#!/usr/bin/env python3
"""Tests of the share generator (standard library unittest).

    python3 tools/test_generate_share.py
"""

import bz2
import collections
import gzip
import hashlib
import html
import io
import json
import lzma
import os
import re
import sys
import tarfile
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from gen import contract as C  # noqa: E402
from gen import people as P  # noqa: E402
from gen.share import generate  # noqa: E402

CONTRACT = {"email", "phone", C.DOB, C.SERVICE, C.POSTAL, C.SIN}


def decode(data):
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def items(root):
    """(source, raw bytes) of every file and archive member, recursively."""
    def expand(name, data):
        if name.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for m in z.namelist():
                    yield from expand(name + "!" + m, z.read(m))
        elif name.endswith(".tar.gz"):
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as t:
                for m in t.getmembers():
                    yield from expand(name + "!" + m.name,
                                      t.extractfile(m).read())
        elif name.endswith((".gz", ".bz2", ".xz")):
            base, ext = os.path.splitext(name)
            dec = {".gz": gzip.decompress, ".bz2": bz2.decompress,
                   ".xz": lzma.decompress}[ext]
            yield from expand(name + "!" + os.path.basename(base), dec(data))
        else:
            yield name, data
    for d, _dirs, files in os.walk(root):
        for f in files:
            path = os.path.join(d, f)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            with open(path, "rb") as fh:
                yield from expand(rel, fh.read())


def readable(src, text):
    """The values as a reader sees them: unescaped HL7, XML, SQL, JSON."""
    if src.endswith(".hl7"):
        text = (text.replace("\\F\\", "|").replace("\\S\\", "^")
                .replace("\\T\\", "&").replace("\\R\\", "~")
                .replace("\\E\\", "\\"))
    if src.endswith(".xml"):
        text = html.unescape(text)
    if src.endswith(".sql"):
        text = text.replace("\\'", "'").replace("\\\\", "\\")
    if src.endswith(".csv") or src.endswith(".tsv"):
        text = text.replace('""', '"')
    return text


EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\."
                   r"[A-Za-z]{2,24}(?![\w])")
PHONE = re.compile(r"(?<![\w+])(?:\+1 |1-)?(?:\(\d{3}\) |\d{3}[-. ])\d{3}"
                   r"[-. ]\d{4}(?![\w])")
POSTAL = re.compile(r"(?<![\w])[ABCEGHJKLMNPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d"
                    r"[ABCEGHJ-NPRSTV-Z]\d(?![\w])")
MON = ("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|"
       "march|april|june|july|august|september|october|november|december")
FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|" \
     "novembre|décembre"
DATE = re.compile(
    rf"(?<![\w])(?:(?P<y1>\d{{4}})[-/](?P<m1>\d{{2}})[-/](?P<d1>\d{{2}})"
    rf"|(?P<a2>\d{{2}})[/.-](?P<b2>\d{{2}})[/.-](?P<y2>\d{{4}})"
    rf"|(?P<mn3>{MON}) (?P<d3>\d{{1,2}}),? (?P<y3>\d{{4}})"
    rf"|(?P<d4>\d{{1,2}}) (?P<mn4>{MON}|{FR}) (?P<y4>\d{{4}}))(?![\w])",
    re.IGNORECASE)
NINE = re.compile(r"(?<![\w])\d{3}[ -]?\d{3}[ -]?\d{3}(?![\w])")
TEN = re.compile(r"(?<![\w])\d{10}(?![\w])")


def _month(name):
    name = name.lower()
    for i, (en, fr) in enumerate(zip(P.MONTHS_EN, P.MONTHS_FR)):
        if name in (en.lower(), en[:3].lower(), fr):
            return i + 1
    raise ValueError(name)


def date_iso(m):
    import datetime
    g = m.groupdict()
    if g["y1"]:
        y, mo, d = g["y1"], g["m1"], g["d1"]
    elif g["y2"]:
        a, b = int(g["a2"]), int(g["b2"])
        d, mo = (b, a) if b > 12 else (a, b)
        y = g["y2"]
    elif g["y3"]:
        y, mo, d = g["y3"], _month(g["mn3"]), g["d3"]
    else:
        y, mo, d = g["y4"], _month(g["mn4"]), g["d4"]
    try:
        return datetime.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


class GeneratorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "share")
        cls.truth_path = os.path.join(cls.tmp.name, "truth.jsonl")
        cls.summary, cls.truth_obj = generate(cls.out, 11, 40, 0,
                                              cls.truth_path, log=None)
        with open(cls.truth_path, encoding="utf-8") as f:
            cls.truth = [json.loads(ln) for ln in f]
        cls.items = dict(items(cls.out))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_deterministic(self):
        def digest(root, truth):
            h = hashlib.sha256()
            for d, _dirs, files in sorted(os.walk(root)):
                for f in sorted(files):
                    p = os.path.join(d, f)
                    h.update(os.path.relpath(p, root).encode())
                    with open(p, "rb") as fh:
                        h.update(fh.read())
            with open(truth, "rb") as fh:
                h.update(fh.read())
            return h.hexdigest()
        with tempfile.TemporaryDirectory() as t:
            generate(os.path.join(t, "s"), 11, 40, 0, os.path.join(t, "t"))
            self.assertEqual(digest(self.out, self.truth_path),
                             digest(os.path.join(t, "s"),
                                    os.path.join(t, "t")))
            generate(os.path.join(t, "s2"), 12, 40, 0, os.path.join(t, "t2"))
            self.assertNotEqual(digest(self.out, self.truth_path),
                                digest(os.path.join(t, "s2"),
                                       os.path.join(t, "t2")))

    def test_example_up_to_date(self):
        root = os.path.dirname(HERE)
        ex = os.path.join(root, "examples", "share")
        if not os.path.isdir(ex):
            self.skipTest("no examples/share")
        with tempfile.TemporaryDirectory() as t:
            generate(os.path.join(t, "s"), 7, 40, 0, os.path.join(t, "t"))
            self.assertEqual(dict(items(ex)),
                             dict(items(os.path.join(t, "s"))))
            with open(os.path.join(t, "t"), "rb") as a, \
                    open(os.path.join(root, "examples", "truth.jsonl"),
                         "rb") as b:
                self.assertEqual(a.read(), b.read())

    def test_every_format(self):
        for fmt in ("csv", "hl7", "json", "ndjson", "xml", "sql", "text",
                    "archive", "compressed", "binary", "empty"):
            self.assertIn(fmt, self.summary)
        names = set(self.items)
        for suffix in (".tsv", ".hl7", ".ndjson", ".xml", ".sql",
                       "old_backup.zip!nested/notes_archive.zip!",
                       ".csv.gz!patients_2022.csv", ".tar.gz!"):
            self.assertTrue(any(suffix in n for n in names), suffix)
        raw = {n: d for n, d in self.items.items()}
        self.assertTrue(any(d.startswith(b"\xff\xfe") for d in raw.values()))
        self.assertTrue(any(d.startswith(b"\xef\xbb\xbf")
                            for d in raw.values()))
        self.assertTrue(any("Côté".encode("cp1252") in d or
                            "é".encode("cp1252") in d and
                            not _is_utf8(d) for d in raw.values()))
        hl7 = [d for n, d in raw.items() if n.endswith(".hl7")]
        self.assertTrue(any(b"\\F\\" in d or b"\\S\\" in d for d in hl7))
        self.assertTrue(any(b"\r" not in d for d in hl7))
        self.assertTrue(any(b"COPY public." in d for d in raw.values()))
        self.assertTrue(any(b"INSERT INTO `visits` (" in d
                            for d in raw.values()))

    def test_truth_fields(self):
        for t in self.truth:
            self.assertEqual(set(t), {"source", "category", "kind", "value",
                                      "normalized", "patient", "context",
                                      "role"})
            self.assertEqual(t["category"], C.category_of(t["kind"]))
            self.assertIn(t["context"], ("field", "text"))
            self.assertIn(t["role"], ("patient", "staff", "related", None))
            if t["kind"] in ("name", "staff_name", "related_name"):
                self.assertIsNotNone(t["role"], t)
            if t["role"] == "staff":
                self.assertIsNone(t["patient"], t)
            if t["kind"] == "phone":
                self.assertRegex(t["normalized"],
                                 r"^\+1[2-9]\d{2}[2-9]\d{6}(;ext=\d+)?$")
            if t["kind"] in (C.DOB, C.SERVICE):
                self.assertRegex(t["normalized"], r"^\d{4}-\d{2}-\d{2}$")
            if t["kind"] == C.POSTAL:
                self.assertRegex(t["normalized"], r"^[A-Z]\d[A-Z] \d[A-Z]\d$")
            if t["kind"] == "email":
                self.assertEqual(t["normalized"], t["normalized"].lower())
        kinds = collections.Counter(t["kind"] for t in self.truth)
        for k in CONTRACT:
            self.assertGreater(kinds[k], 0, k)

    def test_hard_cases(self):
        pats = self.truth_obj_patients()
        by_key = {}
        for p in pats:
            by_key.setdefault((p.last, p.dob), []).append(p)
        twins = [g for g in by_key.values() if len(g) == 2 and
                 g[0].first != g[1].first and g[0].address == g[1].address]
        self.assertTrue(twins)
        self.assertTrue(all(a.hn != b.hn for a, b in twins))
        names = {}
        for p in pats:
            names.setdefault((p.first, p.last), []).append(p)
        jr_sr = [g for g in names.values() if len(g) == 2 and
                 abs(g[0].dob.year - g[1].dob.year) >= 20]
        self.assertTrue(jr_sr)
        self.assertTrue(any(p.old_last and p.old_last != p.last for p in pats))
        self.assertTrue(any(p.old_home for p in pats))
        self.assertTrue(any(not p.hn for p in pats))

    def test_check_digits(self):
        for t in self.truth:
            if t["kind"].startswith("sin"):
                self.assertTrue(C.sin_ok(t["normalized"]), t)
        for p in self.truth_obj_patients():
            if p.sin:
                self.assertTrue(C.sin_ok(p.sin))
            if p.hn:  # some patients have none (people.add_hard_cases)
                self.assertTrue(P.health_number_ok(p.hn, p.prov),
                                (p.hn, p.prov))
            for _k, d, _e in p.phones:
                self.assertIn(d[:3], P.PROVINCES[p.prov][2])
                self.assertNotEqual(d[3:6], "555")
                self.assertNotEqual(d[4:6], "11")
                self.assertIn(d[3], "23456789")
            self.assertIn(p.postal[0], P.PROVINCES[p.prov][1])

    def truth_obj_patients(self):
        import random
        return P.make_patients(random.Random(5), 300)

    def test_values_occur(self):
        for t in self.truth:
            text = readable(t["source"], decode(self.items[t["source"]]))
            self.assertIn(t["value"], text, str(t)[:300])

    def test_decoys_absent(self):
        found = {(t["source"], t["value"]) for t in self.truth
                 if t["kind"] in CONTRACT}
        by_cat = collections.defaultdict(set)
        for t in self.truth:
            by_cat[(t["source"], t["category"])].add(t["value"].lower())
        self.assertTrue(self.truth_obj.decoys)
        for src, value, why, cat in self.truth_obj.decoys:
            self.assertIn(value, readable(src, decode(self.items[src])))
            if cat is None:
                self.assertNotIn((src, value), found, why)
                continue
            v = value.lower()
            for t in by_cat[(src, cat)]:
                self.assertFalse(v in t or t in v, (src, value, why))

    def test_weak_label_decoys(self):
        """Billing words under weak labels, in a table and in JSON fields,
        with no truth."""
        from gen.share import WEAK_LABEL_DECOYS
        decoys = collections.defaultdict(set)
        for src, value, why, cat in self.truth_obj.decoys:
            if why.startswith("billing word under"):
                decoys[src].add((cat, value))
        self.assertEqual(sorted(decoys), ["billing/payments_2024-02.csv",
                                          "billing/refunds.json"])
        header = decode(self.items["billing/payments_2024-02.csv"]) \
            .splitlines()[0].split(",")
        refunds = json.loads(self.items["billing/refunds.json"])["refunds"]
        for label, cat, values in WEAK_LABEL_DECOYS:
            self.assertIn(label, header)
            self.assertIn(label.lower(), refunds[0])
            for src in decoys:
                self.assertTrue({v for c, v in decoys[src] if c == cat})
        # The refund log has no PHI at all (the billing export's decoys
        # overlap no truth of their category: test_decoys_absent).
        for t in self.truth:
            self.assertNotEqual(t["source"], "billing/refunds.json")

    def test_every_category_in_fields_and_text(self):
        """Every DESIGN.md category has truth in labelled fields and in free
        text, and decoys exist for the non-contract categories."""
        seen = collections.defaultdict(set)
        for t in self.truth:
            seen[t["category"]].add(t["context"])
        for cat in ("name", "address", "date_of_birth", "height", "weight",
                    "phone", "email", "service_date", "service_location",
                    "diagnosis", "medication", "medical_record_number",
                    "patient_number", "health_insurance_number", "signature",
                    "lab_result", "medical_history", "sin", "payment_card",
                    "government_id"):
            self.assertEqual(seen[cat], {"field", "text"}, cat)
        roles = collections.Counter((t["kind"], t["role"], t["context"])
                                    for t in self.truth)
        for key in (("name", "patient", "field"), ("name", "patient", "text"),
                    ("staff_name", "staff", "field"),
                    ("staff_name", "staff", "text"),
                    ("related_name", "related", "field"),
                    ("related_name", "related", "text")):
            self.assertGreater(roles[key], 0, key)
        decoy_cats = {d[3] for d in self.truth_obj.decoys}
        for cat in ("name", "health_insurance_number", "payment_card",
                    "phone", "diagnosis", "weight", "government_id"):
            self.assertIn(cat, decoy_cats)

    def test_identifier_check_digits(self):
        """Cards are Luhn-valid; health numbers pass their province's rule;
        card and health-number decoys fail theirs."""
        for t in self.truth:
            if t["kind"] == "payment_card":
                self.assertTrue(C.luhn_ok(t["normalized"]), t)
                self.assertIn(len(t["normalized"]), (15, 16))
        for src, value, why, cat in self.truth_obj.decoys:
            digits = re.sub(r"[ -]", "", value)
            if cat == "payment_card" and digits.isdigit():
                self.assertFalse(C.luhn_ok(digits), value)
            if cat == "health_insurance_number" and len(digits) == 10:
                self.assertFalse(C.luhn_ok(digits) and digits[0] != "9",
                                 value)
                if digits[0] == "9":
                    self.assertNotEqual(C.bc_phn_check(digits[:9]),
                                        digits[9], value)

    def test_no_context_patterns(self):
        """Emails, formatted phones and upper-case postal codes are found
        without context: every one in every item is in the truth."""
        by_src = collections.defaultdict(collections.Counter)
        for t in self.truth:
            if t["kind"] in ("email", "phone", C.POSTAL):
                if t["kind"] == "phone" and t["value"].isdigit():
                    continue
                if t["kind"] == C.POSTAL and not t["value"][0].isupper():
                    continue
                by_src[t["source"]][t["kind"]] += 1
        for src, data in self.items.items():
            if data.startswith(b"\x89PNG"):
                continue
            text = readable(src, decode(data))
            got = collections.Counter()
            got["email"] = len(EMAIL.findall(text))
            got["phone"] = len(PHONE.findall(text))
            got[C.POSTAL] = len(POSTAL.findall(text))
            self.assertEqual(+got, +by_src.get(src, collections.Counter()),
                             src)

    def test_free_text_oracle(self):
        """Every date, SIN and bare phone candidate in free-text files
        matches the truth, per the contract's nearby-word rule."""
        for src, data in self.items.items():
            if not re.search(r"\.txt$", src) or "contacts" in src:
                continue
            text = decode(data)
            b = text.encode("utf-8")
            want = collections.Counter(
                (t["kind"], t["normalized"]) for t in self.truth
                if t["source"] == src and t["kind"] in (C.DOB, C.SERVICE,
                                                         C.SIN, "phone")
                and (t["kind"] != "phone" or t["value"].isdigit()))
            got = collections.Counter()

            def decide(family, m):
                pos = len(text[:m.start()].encode("utf-8"))
                ks = {C.decide(family, set(), r)
                      for r in C.context_readings(b, pos)}
                self.assertEqual(len(ks), 1, (src, m.group()))
                return ks.pop()

            for m in DATE.finditer(text):
                iso = date_iso(m)
                k = decide("date", m)
                if iso and k:
                    got[(k, iso)] += 1
            for m in NINE.finditer(text):
                s = re.sub(r"[ -]", "", m.group())
                if C.sin_ok(s) and decide("sin", m):
                    got[(C.SIN, s)] += 1
            for m in TEN.finditer(text):
                if decide("phone", m):
                    got[("phone", "+1" + m.group())] += 1
            self.assertEqual(got, want, src)

    def test_label_context(self):
        self.assertEqual(C.label_kinds("Date of Birth"), {C.DOB})
        self.assertEqual(C.label_kinds("entry.resource.birthDate"), {C.DOB})
        self.assertEqual(C.label_kinds("period.start"), set())
        self.assertEqual(C.label_kinds("Tel."), {C.PHONE})
        self.assertEqual(C.label_kinds("Report Printed"), set())
        self.assertEqual(C.label_kinds("PID-19", hl7=True), {C.SIN})


def _is_utf8(d):
    try:
        d.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


if __name__ == "__main__":
    unittest.main()
