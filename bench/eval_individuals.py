#!/usr/bin/env python3
"""Accuracy of the individuals breachscope finds, on generated shares.

    python3 bench/eval_individuals.py [--binary build/breachscope]
        [--seeds 7,11] [--patients 200] [--threads N] [--keep DIR]
        [--show N]

For each seed: generates a share with its truth (tools/generate_share.py,
with the whole Bulk FHIR export: Condition and MedicationRequest resources
naming their patient only by reference),
scans it, runs `resolve`, exports individuals and findings, and prints

- persons in truth (patients with at least one value found by detection)
  and persons found (true patients some individual stands for);
- false merges: individuals standing for two or more true patients;
- false splits: true patients spread over several individuals (and the
  individuals in excess, "extra letters");
- fragments: individuals with no name (a record holding only a record
  number or a phone): part of some patient, counted apart because the
  export cannot say whose;
- related people: named individuals whose every name word the truth has in
  a related person's name (next of kin, emergency contact);
- unrecognised: named individuals that are neither (a patient's record
  too thin to tell whose: a name without birth date or health number, not
  linked to the patient's other records; in effect a false split);
- hard cases (rebuilt from the seed): twins and father/son pairs merged,
  married, moved, nicknamed and health-number-less patients split;
- per-person categories: share of persons whose categories (union over
  their individuals) equal the truth's, and category precision / recall.

Which true patients an individual stands for: patient P when the
individual holds one of P's health numbers, or P's birth date together with
two words of P's names (given, nickname, family, any spelling the truth
has). The truth's categories of P: the categories of P's truth values
(role patient) that detection found (a finding of the same source and
category whose normalized value equals or contains the truth's, case and
spaces folded), so detection misses do not count against resolution.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fold(s):
    return "".join(str(s).lower().split())


def words(s):
    out, w = [], ""
    for c in str(s).lower():
        if c.isalnum():
            w += c
        elif w:
            out.append(w)
            w = ""
    if w:
        out.append(w)
    return out


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def found_truth(truth, findings):
    """Truth lines (patient, role patient) that some finding matched."""
    by_src = collections.defaultdict(list)
    for f in findings:
        by_src[(f["source"], f["category"])].append(
            (fold(f["normalized"]), fold(f["value"])))
    out = []
    for t in truth:
        if t.get("role") != "patient" or not t.get("patient"):
            continue
        if t["kind"].endswith("_nocontext"):
            continue
        tv, tn = fold(t["value"]), fold(t["normalized"])
        for fn, fv in by_src.get((t["source"], t["category"]), []):
            if tn == fn or tn in fn or tv in fv or (fn and fn in tn):
                out.append(t)
                break
    return out


def identities(truth):
    """patient -> {hn: set, dob: set, names: set of words}"""
    ids = collections.defaultdict(lambda: {"hn": set(), "dob": set(),
                                           "names": set()})
    for t in truth:
        p = t.get("patient")
        if not p or t.get("role") != "patient":
            continue
        if t["kind"] == "health_number":
            ids[p]["hn"].add("".join(c for c in t["normalized"].split(":")[-1]
                                     if c.isalnum()).upper())
        elif t["kind"] == "date_of_birth":
            ids[p]["dob"].add(t["normalized"])
        elif t["kind"] == "name":
            ids[p]["names"].update(words(t["normalized"]))
    return ids


def stands_for(ind, ids, dob_index, hn_index):
    hns = {"".join(c for c in h["number"] if c.isalnum()).upper()
           for h in ind["health_numbers"]}
    name_words = set()
    for n in ind["names"]:
        name_words.update(words(n))
    out = set()
    for h in hns:
        out.update(hn_index.get(h, ()))
    for d in ind["dates_of_birth"]:
        for p in dob_index.get(d, ()):
            if len(name_words & ids[p]["names"]) >= 2:
                out.add(p)
    return out


def hard_cases(seed, n, of_patient):
    """The generator's hard cases (tools/gen/people.py add_hard_cases),
    rebuilt from the seed: pairs that must stay apart, people who must stay
    one."""
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import random
    from gen import people
    pats = people.make_patients(random.Random(seed), n)
    ids = lambda p: {i["individual_id"] for i in of_patient.get(p.pid, ())}
    apart = {"twins": [], "father and son": []}
    for i, a in enumerate(pats):
        for b in pats[i + 1:]:
            if a.last == b.last and a.dob == b.dob and a.first != b.first \
                    and a.address == b.address:
                apart["twins"].append((a, b))
            if a.first == b.first and a.last == b.last and \
                    abs(a.dob.year - b.dob.year) >= 20 and a.address == b.address:
                apart["father and son"].append((a, b))
    for what, pairs in apart.items():
        merged = sum(1 for a, b in pairs if ids(a) & ids(b))
        print(f"hard: {what:<15} {len(pairs)} pairs, {merged} merged")
    one = {"married name": [p for p in pats if p.old_last],
           "moved": [p for p in pats if p.old_home],
           "no health number": [p for p in pats if not p.hn],
           "nickname": [p for p in pats if p.nick]}
    for what, ps in one.items():
        split = sum(1 for p in ps if len(ids(p)) > 1)
        print(f"hard: {what:<15} {len(ps)} patients, {split} split")


def evaluate(args, seed, work):
    share = os.path.join(work, f"share_{seed}")
    truth_path = os.path.join(work, f"truth_{seed}.jsonl")
    case = os.path.join(work, f"case_{seed}")
    run([sys.executable, os.path.join(ROOT, "tools", "generate_share.py"),
         "--out", share, "--seed", str(seed), "--patients", str(args.patients),
         "--truth", truth_path, "--bulk-fhir"])
    threads = ["--threads", str(args.threads)] if args.threads else []
    run([args.binary, "scan", share, "--case", case, "--quiet"] + threads)
    t0 = time.time()
    resolved = run([args.binary, "resolve", "--case", case] + threads).stdout
    seconds = time.time() - t0
    ind_path = os.path.join(work, f"individuals_{seed}.jsonl")
    fnd_path = os.path.join(work, f"findings_{seed}.jsonl")
    run([args.binary, "export", "individuals", "--case", case, "-o", ind_path])
    run([args.binary, "export", "findings", "--case", case, "-o", fnd_path])
    truth = read_jsonl(truth_path)
    individuals = read_jsonl(ind_path)
    findings = read_jsonl(fnd_path)

    ids = identities(truth)
    dob_index, hn_index = collections.defaultdict(set), collections.defaultdict(set)
    for p, i in ids.items():
        for d in i["dob"]:
            dob_index[d].add(p)
        for h in i["hn"]:
            hn_index[h].add(p)
    expected = collections.defaultdict(set)
    for t in found_truth(truth, findings):
        expected[t["patient"]].add(t["category"])

    of_patient = collections.defaultdict(list)
    merges, fragments, others = [], [], []
    for ind in individuals:
        ps = stands_for(ind, ids, dob_index, hn_index)
        if not ps and not ind["names"]:
            fragments.append(ind)
        elif not ps:
            others.append(ind)
        elif len(ps) > 1:
            merges.append((ind, sorted(ps)))
        for p in ps:
            of_patient[p].append(ind)
    # HL7 and tables write a related person's names in parts.
    related_words = set()
    for t in truth:
        if t["kind"] == "related_name":
            related_words.update(words(t["value"]))
    related = [i for i in others
               if all(set(words(n)) <= related_words for n in i["names"])]
    unknown = [i for i in others if i not in related]
    persons = sorted(expected)
    found = [p for p in persons if of_patient.get(p)]
    splits = [p for p in persons if len(of_patient.get(p, ())) > 1]
    extra = sum(len(of_patient[p]) - 1 for p in splits)

    exact, tp, fp, fn = 0, 0, 0, 0
    for p in persons:
        got = set()
        for ind in of_patient.get(p, ()):
            got.update(ind["categories"])
        want = expected[p]
        exact += got == want
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)

    print(f"== seed {seed}, {args.patients} patients: {len(individuals)} "
          f"individuals, resolve {seconds:.2f} s")
    for line in resolved.strip().splitlines():
        print("   " + line)
    print(f"persons in truth   {len(persons)}")
    print(f"persons found      {len(found)}")
    print(f"false merges       {len(merges)} individuals "
          f"({sum(len(m[1]) for m in merges)} true patients in them)")
    print(f"false splits       {len(splits)} patients "
          f"({extra} individuals in excess)")
    print(f"fragments          {len(fragments)} individuals with no name "
          f"(part of some patient the export cannot tell)")
    print(f"related people     {len(related)} individuals (next of kin, "
          f"emergency contacts: a name the truth has as related)")
    print(f"unrecognised       {len(unknown)} named individuals that are "
          f"neither (a patient's record too thin to tell whose)")
    n = max(1, len(persons))
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    print(f"categories exact   {exact}/{len(persons)} persons ({exact / n:.3f}); "
          f"precision {prec:.3f} recall {rec:.3f}")
    hard_cases(seed, args.patients, of_patient)
    for ind, ps in merges[:args.show]:
        print(f"   merge: individual {ind['individual_id']} holds {', '.join(ps)}")
    for p in splits[:args.show]:
        print(f"   split: {p} in individuals "
              f"{', '.join(str(i['individual_id']) for i in of_patient[p])}")
    return {"persons": len(persons), "found": len(found), "merges": len(merges),
            "splits": len(splits), "fragments": len(fragments)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "breachscope"))
    ap.add_argument("--seeds", default="7,11")
    ap.add_argument("--patients", type=int, default=200)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--keep", help="keep shares, cases and exports here")
    ap.add_argument("--show", type=int, default=5,
                    help="merges and splits listed (patient ids only)")
    args = ap.parse_args()
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        work = args.keep
        for seed in args.seeds.split(","):
            evaluate(args, int(seed), work)
        return
    with tempfile.TemporaryDirectory() as work:
        for seed in args.seeds.split(","):
            evaluate(args, int(seed), work)


if __name__ == "__main__":
    main()
