#!/usr/bin/env python3
"""Detection on Presidio's labelled synthetic sentences.

    python3 bench/eval_presidio.py [--binary build/breachscope]
        [--data bench/data/presidio_generated_small.json] [--threads N]
        [--show-errors N] [--keep DIR]

Writes each sentence of the data set (microsoft/presidio-research,
tests/data/generated_small.json, MIT; copied in bench/data/) as a text file
(UTF-8) into a temporary folder, scans the folder, exports the findings and
compares them with the labelled entity spans by character overlap.

Mapping of Presidio entity types to categories: PERSON -> name,
PHONE_NUMBER -> phone, EMAIL_ADDRESS -> email, ADDRESS, STREET_ADDRESS and
LOCATION -> address (LOCATION is mostly the city of an address), DATE_TIME ->
date_of_birth or service_date (either counts), CREDIT_CARD -> payment_card,
US_SSN -> sin, US_DRIVER_LICENSE -> government_id, MEDICAL_LICENSE ->
government_id. Other types (ORGANIZATION, TITLE, DOMAIN_NAME, IP_ADDRESS,
...) are unmapped: listed with their counts, not scored.

Spans. A finding's span is its character offset (from the location text
`offset N`, a byte offset into the file, turned into characters) plus the
length of its value; when the location has no offset, the first unused
occurrence of the value in the sentence is taken. An entity is found
(recall) when a finding of one of its categories overlaps its span. A
finding is correct (precision) when it overlaps an entity of a type mapped
to its category; a finding overlapping only unmapped entities is counted
apart, and one overlapping no entity at all is a false positive.

Prints, per entity type, entities and how many were found (recall), and per
category, findings and how many were correct (precision). Counts only;
--show-errors N prints up to N missed entities and false positives per
category (the data set's synthetic values).
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
DATA = os.path.join(ROOT, "bench", "data", "presidio_generated_small.json")

MAPPING = {
    "PERSON": {"name"},
    "PHONE_NUMBER": {"phone"},
    "EMAIL_ADDRESS": {"email"},
    "ADDRESS": {"address"},
    "STREET_ADDRESS": {"address"},
    "LOCATION": {"address"},
    "DATE_TIME": {"date_of_birth", "service_date"},
    "CREDIT_CARD": {"payment_card"},
    "US_SSN": {"sin"},
    "US_DRIVER_LICENSE": {"government_id"},
    "MEDICAL_LICENSE": {"government_id"},
}
OFFSET = re.compile(r"\boffset (\d+)")


def fmt(x):
    return "   -  " if x is None else f"{x:6.3f}"


def run(cmd):
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"{' '.join(cmd[:3])} ... failed ({res.returncode}):\n"
                 f"{res.stderr[-2000:]}")
    return res.stdout


def finding_span(f, text, used):
    value = f.get("value") or ""
    m = OFFSET.search(f.get("location") or "")
    if m:
        raw = text.encode("utf-8")
        off = int(m.group(1))
        start = len(raw[:off].decode("utf-8", errors="ignore"))
        return start, start + max(1, len(value))
    i = text.find(value)
    while i >= 0 and (i, i + len(value)) in used:
        i = text.find(value, i + 1)
    if i < 0 or not value:
        return None
    used.add((i, i + len(value)))
    return i, i + len(value)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "build",
                                                      "breachscope"))
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--show-errors", type=int, default=0, metavar="N")
    ap.add_argument("--keep", metavar="DIR")
    a = ap.parse_args(argv)
    if not os.access(a.binary, os.X_OK):
        sys.exit(f"no binary at {a.binary} (build it, or pass --binary)")
    with open(a.data, encoding="utf-8") as f:
        samples = json.load(f)

    tmp = None
    if a.keep:
        work = a.keep
        os.makedirs(work, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="presidio-")
        work = tmp.name
    root = os.path.join(work, "sentences")
    case = os.path.join(work, "case")
    if os.path.exists(case):
        sys.exit(f"{case} exists: pass an empty --keep folder")
    os.makedirs(root, exist_ok=True)
    names = []
    for i, s in enumerate(samples):
        name = f"sentence_{i:04d}.txt"
        names.append(name)
        with open(os.path.join(root, name), "w", encoding="utf-8",
                  newline="") as f:
            f.write(s["full_text"])
    cmd = [a.binary, "scan", root, "--case", case, "--quiet"]
    if a.threads:
        cmd += ["--threads", str(a.threads)]
    run(cmd)
    out = run([a.binary, "export", "findings", "--case", case, "--format",
               "jsonl"])
    findings = collections.defaultdict(list)
    for ln in out.splitlines():
        if ln.strip():
            f = json.loads(ln)
            findings[f["source"]].append(f)
    if tmp:
        tmp.cleanup()

    ent_n = collections.Counter()
    ent_hit = collections.Counter()
    unmapped = collections.Counter()
    cat_n = collections.Counter()
    cat_ok = collections.Counter()
    cat_unmapped = collections.Counter()
    cat_nospan = collections.Counter()
    misses = collections.defaultdict(list)
    false_pos = collections.defaultdict(list)
    for i, s in enumerate(samples):
        text = s["full_text"]
        spans = s["spans"]
        fs = []
        used = set()
        for f in findings.get(names[i], ()):
            sp = finding_span(f, text, used)
            fs.append((f, sp))
        overl = lambda a, b: a is not None and a[0] < b[1] and b[0] < a[1]
        for e in spans:
            t = e["entity_type"]
            es = (e["start_position"], e["end_position"])
            if t not in MAPPING:
                unmapped[t] += 1
                continue
            ent_n[t] += 1
            if any(f["category"] in MAPPING[t] and overl(sp, es)
                   for f, sp in fs):
                ent_hit[t] += 1
            else:
                misses[t].append(e["entity_value"])
        for f, sp in fs:
            c = f["category"]
            cat_n[c] += 1
            if sp is None:
                cat_nospan[c] += 1
                continue
            hits = [e for e in spans
                    if overl(sp, (e["start_position"], e["end_position"]))]
            if any(c in MAPPING.get(e["entity_type"], ()) for e in hits):
                cat_ok[c] += 1
            elif hits:
                cat_unmapped[c] += 1
                false_pos[c].append(f"{f.get('value')!r} on "
                                    f"{hits[0]['entity_type']}")
            else:
                false_pos[c].append(repr(f.get("value")))

    print(f"{len(samples)} sentences, "
          f"{sum(ent_n.values())} mapped entities, "
          f"{sum(cat_n.values())} findings")
    print()
    print(f"{'entity type':<20}{'category':<30}{'entities':>9}{'found':>7}"
          f"{'recall':>8}")
    for t in sorted(ent_n, key=lambda t: -ent_n[t]):
        r = ent_hit[t] / ent_n[t] if ent_n[t] else None
        print(f"{t:<20}{'|'.join(sorted(MAPPING[t])):<30}{ent_n[t]:>9}"
              f"{ent_hit[t]:>7}  {fmt(r)}")
    tot_n, tot_hit = sum(ent_n.values()), sum(ent_hit.values())
    print(f"{'all mapped':<50}{tot_n:>9}{tot_hit:>7}  "
          f"{fmt(tot_hit / tot_n if tot_n else None)}")
    print()
    print(f"{'category':<25}{'findings':>9}{'correct':>8}{'other ent':>10}"
          f"{'no ent':>8}{'precision':>10}")
    for c in sorted(cat_n):
        wrong = cat_n[c] - cat_ok[c]
        p = cat_ok[c] / cat_n[c] if cat_n[c] else None
        print(f"{c:<25}{cat_n[c]:>9}{cat_ok[c]:>8}{cat_unmapped[c]:>10}"
              f"{wrong - cat_unmapped[c]:>8}    {fmt(p)}")
    if not cat_n:
        print("  (no findings)")
    nospan = sum(cat_nospan.values())
    if nospan:
        print(f"findings whose span could not be placed: {nospan}")
    print()
    print("unmapped entity types (not scored): " +
          (", ".join(f"{t} {n}" for t, n in unmapped.most_common())
           or "none"))
    if a.show_errors:
        print()
        print("errors (synthetic values)")
        for t in sorted(misses):
            for v in misses[t][:a.show_errors]:
                print(f"  missed {t:<18}{v!r}")
        for c in sorted(false_pos):
            for v in false_pos[c][:a.show_errors]:
                print(f"  extra  {c:<18}{v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
