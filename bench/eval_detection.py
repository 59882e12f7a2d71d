#!/usr/bin/env python3
"""Labelled evaluation of the detectors on a generated share.

    python3 bench/eval_detection.py [--seed N] [--patients N]
        [--binary build/breachscope] [--threads N] [--targets]
        [--show-errors N] [--include-nocontext] [--keep DIR]
        [--no-facility-records]

The share includes, unless --no-facility-records, four facilities whose
record numbers have shapes of their own (tools/gen/facility.py): labelled
in a chart index, unlabelled in letters and a transfer list, found there
only through shapes learned from the labelled ones.

Generates a synthetic share with its truth (tools/generate_share.py) into a
temporary folder, scans it with the binary, exports the findings (JSON Lines,
README's export contract) and prints, per category and per context (field:
a labelled unit such as a CSV/SQL column, HL7 field, JSON/XML key; text:
free text), precision, recall, F1 and the counts (truth: occurrences;
found: findings counted, nested duplicates left out; TP: truth occurrences
found; FP: findings matching nothing; FN: truth missed); recall per truth
kind; how names were attributed (truth role against the finding's role);
"staff counted as patients"; hits on the generator's decoys (per category
a decoy stands for: look-alike numbers, and billing words under weak labels
such as `Reason` or `Result`, which a finding there is a false positive of
in precision too); and whether the
six exact kinds (email, phone, date_of_birth, service_date, postal_code,
sin) equal the foundation detectors' findings exactly.

Matching rule. A truth occurrence and a finding match when they have the
same source, the same category, and either their normalized values are equal
or one value contains the other, both after case and space folding (lower
case, all white space removed). Matching runs in three passes over the
findings in the export's order (item, then position in the item: offset or
row and column), each finding looking at the truth occurrences of its
source and category in the truth file's order (the truth has no offsets; it
is written in the order the generator writes values):
  1. one to one: each finding takes the first still unmatched truth
     occurrence it matches;
  2. cover: a finding that contains further unmatched truth values (a full
     address line holding street, city and postal code; "Jane Q. Smith"
     holding given and family names) marks each of them found too, as many
     occurrences of a value as the finding holds; a finding with no match
     from pass 1 becomes a match this way;
  3. nested duplicate: a finding still unmatched that overlaps a matched
     finding of the same source and category (text offsets overlap, or the
     same unit and one value contains the other: the postal code inside the
     address line that was also reported whole) counts neither way.
Recall counts truth occurrences found; precision counts findings, so a
finding covering three truth values is one true positive. A finding that
matches nothing, including any finding of a category that has no truth in
its source, is a false positive; a truth occurrence that nothing matches
is a false negative.

Truth of kinds ending in `_nocontext` (PHI the detection contract does not
find: a date with no context word, a bare phone number under a label with no
phone context) is left out unless --include-nocontext; findings matching it
are then neither true nor false positives.

Contexts. A truth occurrence has its context in the truth file. A finding's
context is read from its location: `offset N` is text, and so is a labelled
unit that holds free text (a `Notes` column, an HL7 NTE comment); anything
else (row and column, record and field, JSON/XML path) is a field.

--targets exits 1 when a category misses the targets: labelled fields
recall >= 0.98 and precision >= 0.97 (every category with truth in fields);
names in free text recall >= 0.95 and precision >= 0.90; no staff name
found as a patient's. It prints each miss.

Normal output has counts only. --show-errors N prints up to N missed and N
unexpected values per category (synthetic values).
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

from gen.share import generate  # noqa: E402

CATEGORIES = ["name", "address", "date_of_birth", "height", "weight", "phone",
              "email", "service_date", "service_location", "diagnosis",
              "medication", "medical_record_number", "patient_number",
              "health_insurance_number", "signature", "lab_result",
              "medical_history", "sin", "payment_card", "government_id"]
EXACT_KINDS = {"email": "email", "phone": "phone",
               "date_of_birth": "date_of_birth",
               "service_date": "service_date", "postal_code": "address",
               "sin": "sin"}
FOUNDATION_DETECTORS = {"email", "phone_nanp", "date", "postal_code_ca", "sin"}
CONTRACT_CATEGORIES = {"email", "phone", "date_of_birth", "service_date",
                       "address", "sin"}
TARGETS = {"field": (0.98, 0.97)}          # recall, precision
NAME_TEXT_TARGET = (0.95, 0.90)
TEXT_LABEL = re.compile(r"\b(notes?|NTE-3)\b", re.IGNORECASE)
WS = re.compile(r"\s+")


def fold(s):
    return WS.sub("", str(s or "")).casefold()


def finding_context(location):
    loc = location or ""
    if loc.startswith("offset") or TEXT_LABEL.search(loc):
        return "text"
    return "field"


def values_match(t, f):
    if t["_n"] and t["_n"] == f["_n"]:
        return True
    a, b = t["_v"], f["_v"]
    if not a or not b:
        return False
    return a == b or a in b or b in a


def covered(t, f):
    """How many occurrences of truth t's value finding f holds (0 if none)."""
    for v in (t["_n"], t["_v"]):
        if v and f["_n"] and v in f["_n"]:
            return f["_n"].count(v)
        if v and f["_v"] and v in f["_v"]:
            return f["_v"].count(v)
    return 0


def span(f):
    """(unit, start, end) of a finding: text offsets when the location is
    `offset N`, else the location string with no offsets."""
    loc = f.get("location") or ""
    m = re.fullmatch(r"offset (\d+)", loc)
    if m:
        start = int(m.group(1))
        return ("", start, start + len((f.get("value") or "").encode()))
    return (loc, None, None)


def overlaps(f, g):
    (u, a, b), (v, c, d) = span(f), span(g)
    if u != v:
        return False
    if a is not None:
        return a < d and c < b
    return bool(f["_v"] and g["_v"]) and (f["_v"] in g["_v"] or
                                          g["_v"] in f["_v"])


def match(truth, findings):
    """Matching per (source, category), see the module docstring. Sets
    t['_hit'] to the finding, f['_hit'] to its first truth occurrence and
    f['_dup'] on nested duplicates."""
    pools = collections.defaultdict(list)
    ignored = collections.defaultdict(list)
    for t in truth:
        key = (t["source"], t["category"])
        (ignored if t.get("_ignored") else pools)[key].append(t)
    for f in findings:  # 1. one to one
        key = (f["source"], f["category"])
        for t in pools.get(key, ()):
            if t["_hit"] is None and values_match(t, f):
                t["_hit"], f["_hit"] = f, t
                break
        else:
            for t in ignored.get(key, ()):
                if t["_hit"] is None and values_match(t, f):
                    t["_hit"], f["_hit"] = f, t
                    f["_ignored"] = True
                    break
    for f in findings:  # 2. cover
        taken = collections.Counter()
        for t in pools.get((f["source"], f["category"]), ()):
            if t["_hit"] is not None:
                continue
            n = covered(t, f)
            if n > taken[t["_n"] or t["_v"]]:
                taken[t["_n"] or t["_v"]] += 1
                t["_hit"] = f
                if f["_hit"] is None:
                    f["_hit"] = t
    matched = collections.defaultdict(list)
    for f in findings:
        if f["_hit"] is not None and not f.get("_ignored"):
            matched[(f["source"], f["category"])].append(f)
    for f in findings:  # 3. nested duplicates
        if f["_hit"] is None:
            for g in matched.get((f["source"], f["category"]), ()):
                if overlaps(f, g):
                    f["_hit"], f["_dup"] = g["_hit"], True
                    break


def prf(tp, fp, fn, mf):
    """Precision over findings (mf matched, fp false), recall over truth
    occurrences (tp found, fn missed), F1."""
    p = mf / (mf + fp) if mf + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and
                                               r is not None else None)
    return p, r, f1


def fmt(x):
    return "   -  " if x is None else f"{x:6.3f}"


def run(cmd, **kw):
    res = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if res.returncode != 0:
        sys.exit(f"{' '.join(cmd[:3])} ... failed ({res.returncode}):\n"
                 f"{res.stderr[-2000:]}")
    return res.stdout


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--patients", type=int, default=100)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build",
                                                      "breachscope"))
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--targets", action="store_true",
                    help="exit 1 when a category misses the targets")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print up to N missed and unexpected values per "
                    "category (synthetic)")
    ap.add_argument("--include-nocontext", action="store_true",
                    help="count *_nocontext truth as PHI to find")
    ap.add_argument("--keep", metavar="DIR",
                    help="write share, truth, case and findings here")
    ap.add_argument("--no-facility-records", action="store_true",
                    help="leave out the facilities whose record numbers have "
                    "shapes of their own (tools/gen/facility.py), which are "
                    "in by default")
    a = ap.parse_args(argv)
    if not os.access(a.binary, os.X_OK):
        sys.exit(f"no binary at {a.binary} (build it, or pass --binary)")

    tmp = None
    if a.keep:
        work = a.keep
        os.makedirs(work, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="eval-")
        work = tmp.name
    share = os.path.join(work, "share")
    truth_path = os.path.join(work, "truth.jsonl")
    case = os.path.join(work, "case")
    if os.path.exists(case):
        sys.exit(f"{case} exists: pass an empty --keep folder")
    _summary, tobj = generate(share, a.seed, a.patients, 0, truth_path,
                              log=None,
                              facility_records=not a.no_facility_records)
    decoys = tobj.decoys
    cmd = [a.binary, "scan", share, "--case", case, "--quiet"]
    if a.threads:
        cmd += ["--threads", str(a.threads)]
    run(cmd)
    out = run([a.binary, "export", "findings", "--case", case, "--format",
               "jsonl"])
    if a.keep:
        with open(os.path.join(work, "findings.jsonl"), "w") as f:
            f.write(out)
    findings = [json.loads(ln) for ln in out.splitlines() if ln.strip()]
    with open(truth_path, encoding="utf-8") as f:
        truth = [json.loads(ln) for ln in f if ln.strip()]
    report = evaluate(truth, findings, decoys, a)
    if tmp:
        tmp.cleanup()
    return report


def evaluate(truth, findings, decoys, a):
    for t in truth:
        t["_hit"] = None
        t["_n"], t["_v"] = fold(t["normalized"]), fold(t["value"])
        t["_ignored"] = t["kind"].endswith("_nocontext") and \
            not a.include_nocontext
    for f in findings:
        f["_hit"] = None
        f["_n"], f["_v"] = fold(f.get("normalized")), fold(f.get("value"))
        f["_ctx"] = finding_context(f.get("location"))
    match(truth, findings)

    # counts[(category, context)] = [tp, fp, fn, matched findings];
    # context "all" too. tp and fn count truth occurrences (recall), matched
    # findings and fp count findings (precision).
    counts = collections.defaultdict(lambda: [0, 0, 0, 0])
    for t in truth:
        if t["_ignored"]:
            continue
        for c in ("all", t["context"]):
            if t["_hit"] is not None:
                counts[(t["category"], c)][0] += 1
            else:
                counts[(t["category"], c)][2] += 1
    for f in findings:
        if f.get("_dup") or f.get("_ignored"):
            continue
        if f["_hit"] is None:
            for c in ("all", f["_ctx"]):
                counts[(f["category"], c)][1] += 1
        else:
            for c in ("all", f["_hit"]["context"]):
                counts[(f["category"], c)][3] += 1

    cats = [c for c in CATEGORIES if any((c, x) in counts
                                         for x in ("all",))]
    cats += sorted({k[0] for k in counts} - set(CATEGORIES))
    print(f"findings {len(findings)}, truth occurrences "
          f"{sum(1 for t in truth if not t['_ignored'])} "
          f"({sum(1 for t in truth if t['_ignored'])} *_nocontext left out)")
    print()
    head = (f"{'category':<25}{'ctx':<6}{'truth':>7}{'found':>7}{'TP':>7}"
            f"{'FP':>7}{'FN':>7}{'prec':>8}{'recall':>8}{'F1':>8}")
    print(head)
    print("-" * len(head))
    tot = [0, 0, 0, 0]
    for cat in cats:
        for ctx in ("all", "field", "text"):
            if (cat, ctx) not in counts:
                continue
            tp, fp, fn, mf = counts[(cat, ctx)]
            if ctx == "all":
                tot = [x + y for x, y in zip(tot, (tp, fp, fn, mf))]
            p, r, f1 = prf(tp, fp, fn, mf)
            print(f"{cat if ctx == 'all' else '':<25}{ctx:<6}{tp + fn:>7}"
                  f"{mf + fp:>7}{tp:>7}{fp:>7}{fn:>7}  {fmt(p)}  {fmt(r)}"
                  f"  {fmt(f1)}")
    p, r, f1 = prf(*tot)
    print("-" * len(head))
    print(f"{'all categories':<25}{'all':<6}{tot[0] + tot[2]:>7}"
          f"{tot[3] + tot[1]:>7}{tot[0]:>7}{tot[1]:>7}{tot[2]:>7}  {fmt(p)}"
          f"  {fmt(r)}  {fmt(f1)}")

    # Recall per truth kind.
    print()
    print("recall per truth kind (kind, context: found/truth)")
    kinds = collections.defaultdict(lambda: [0, 0])
    for t in truth:
        if t["_ignored"]:
            continue
        k = kinds[(t["category"], t["kind"], t["context"])]
        k[1] += 1
        k[0] += t["_hit"] is not None
    for (cat, kind, ctx), (hit, n) in sorted(kinds.items()):
        print(f"  {cat:<25}{kind:<18}{ctx:<6}{hit:>6}/{n:<6}"
              f"{hit / n:7.3f}")

    # Names: truth role against the finding's role.
    print()
    print("names found, truth role -> finding role")
    roles = collections.Counter()
    staff_as_patient = 0
    for t in truth:
        if t["category"] != "name" or t["_hit"] is None or t["_ignored"]:
            continue
        got = t["_hit"].get("role") or "unknown"
        roles[(t["role"], got)] += 1
        if t["kind"] == "staff_name" and got == "patient":
            staff_as_patient += 1
    for (want, got), n in sorted(roles.items(), key=lambda x: str(x)):
        print(f"  {str(want):<10}-> {got:<10}{n:>6}")
    print(f"staff counted as patients: {staff_as_patient}")

    # Decoys.
    print()
    hits = collections.Counter()
    per_cat = collections.Counter()
    by_src = collections.defaultdict(list)
    for f in findings:
        by_src[f["source"]].append(f)
    for src, value, why, cat in decoys:
        cats_ok = CONTRACT_CATEGORIES if cat is None else {cat}
        per_cat[cat or "contract"] += 1
        v = fold(value)
        for f in by_src.get(src, ()):
            if f["category"] in cats_ok and f["_hit"] is None and \
                    f["_v"] and (f["_v"] == v or f["_v"] in v or
                                 v in f["_v"]):
                hits[cat or "contract"] += 1
                break
    print("decoys found (category: found/decoys)")
    for cat in sorted(per_cat):
        print(f"  {cat:<25}{hits[cat]:>6}/{per_cat[cat]}")

    # The six exact kinds.
    print()
    want = collections.Counter()
    for t in truth:
        if t["kind"] in EXACT_KINDS:
            want[(t["source"], EXACT_KINDS[t["kind"]], t["normalized"],
                  t["kind"])] += 1
    got = collections.Counter()
    for f in findings:
        if f.get("detector") in FOUNDATION_DETECTORS:
            got[(f["source"], f["category"], f.get("normalized"))] += 1
    want3 = collections.Counter()
    kind_of = {}
    for (s, c, n, k), x in want.items():
        want3[(s, c, n)] += x
        kind_of[(s, c, n)] = k
    missed = want3 - got
    extra = got - want3
    print("exact kinds (foundation detectors against truth)")
    exact_ok = True
    for kind, cat in EXACT_KINDS.items():
        n = sum(x for (s, c, nn, k), x in want.items() if k == kind)
        m = sum(x for key, x in missed.items() if kind_of.get(key) == kind)
        ok = m == 0
        exact_ok &= ok
        print(f"  {kind:<15}{n:>6} truth, {m} missed  "
              f"{'exact' if ok else 'NOT EXACT'}")
    n_extra = sum(extra.values())
    exact_ok &= n_extra == 0
    print(f"  unexpected foundation findings: {n_extra}  "
          f"{'exact' if exact_ok else 'NOT EXACT'}")

    if a.show_errors:
        show_errors(truth, findings, a.show_errors)

    if a.targets:
        misses = []
        for cat in cats:
            tp, fp, fn, mf = counts.get((cat, "field"), (0, 0, 0, 0))
            if tp + fn:
                p, r, _ = prf(tp, fp, fn, mf)
                rt, pt = TARGETS["field"]
                if r < rt:
                    misses.append(f"{cat} field recall {r:.3f} < {rt}")
                if p is not None and p < pt:
                    misses.append(f"{cat} field precision {p:.3f} < {pt}")
        tp, fp, fn, mf = counts.get(("name", "text"), (0, 0, 0, 0))
        if tp + fn:
            p, r, _ = prf(tp, fp, fn, mf)
            rt, pt = NAME_TEXT_TARGET
            if r < rt:
                misses.append(f"name text recall {r:.3f} < {rt}")
            if p is not None and p < pt:
                misses.append(f"name text precision {p:.3f} < {pt}")
        if staff_as_patient:
            misses.append(f"staff counted as patients: {staff_as_patient}")
        print()
        if misses:
            print(f"targets missed ({len(misses)}):")
            for m in misses:
                print("  " + m)
            return 1
        print("targets met")
    return 0


def show_errors(truth, findings, n):
    print()
    print("errors (synthetic values)")
    fns = collections.defaultdict(list)
    for t in truth:
        if t["_hit"] is None and not t["_ignored"]:
            fns[t["category"]].append(t)
    fps = collections.defaultdict(list)
    for f in findings:
        if f["_hit"] is None:
            fps[f["category"]].append(f)
    for cat in sorted(set(fns) | set(fps)):
        print(f"== {cat}")
        for t in fns[cat][:n]:
            print(f"  missed   {t['kind']:<16}{t['context']:<6}"
                  f"{t['source']}: {t['value']!r}")
        for f in fps[cat][:n]:
            print(f"  extra    {f.get('detector', ''):<22}"
                  f"{f['source']} @ {f.get('location')}: {f.get('value')!r}"
                  f" ({f.get('role')})")


if __name__ == "__main__":
    sys.exit(main())
