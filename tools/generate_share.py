#!/usr/bin/env python3
"""Generates a synthetic clinic file share with known truth.

    generate_share.py --out DIR --seed N [--patients N] [--size-mb N]
                      [--truth FILE] [--facility-records] [--bulk-fhir]

Everything is synthetic and deterministic: the same seed gives the same
bytes. The truth file (JSON Lines) has one line per occurrence of a value:
source (path relative to the share; archive members as outer.zip!inner),
category (DESIGN.md id), kind, value (as written, after decoding), normalized,
patient, context ("field": a labelled unit such as a CSV/SQL column, an HL7
field or a JSON/XML key; "text": free text) and role (patient, staff,
related, or null for the clinic's own details). Kinds email, phone,
date_of_birth, service_date, postal_code and sin are exactly what the
foundation detectors must find per src/detect/README.md; a kind ending in
`_nocontext` is PHI the contract does not find (no context word, or a form
it does not read); the other kinds (name, staff_name, related_name,
street_address, city, health_number, mrn, patient_number, diagnosis_code,
diagnosis_text, medication, din, lab_result, height, weight,
signature, medical_history, payment_card, drivers_licence, passport,
service_location, service_address) are for the other detectors. A test's
name alone (lab_test) is not PHI and is not written. Decoys have no truth:
values shaped like PHI that are not (invoice numbers with a health
number's length, order numbers shaped like phones) and, in the billing
export and a refund log (billing/refunds.json), billing words under labels
clinical records use too (Reason, Result, Notes, Department: weak labels,
src/detect/contract/fields.md); bench/eval_detection.py counts the decoys
found.
A summary of files per format goes to stdout.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen.share import generate  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="share directory to write")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--patients", type=int, default=40,
                    help="patients in the base share (default 40)")
    ap.add_argument("--size-mb", type=float, default=0,
                    help="add bulk sites until the share is about this big")
    ap.add_argument("--truth", help="truth file to write (JSON Lines)")
    ap.add_argument("--facility-records", action="store_true",
                    help="add facilities whose record numbers have shapes of "
                    "their own, labelled in a chart index and unlabelled in "
                    "letters and a transfer list (tools/gen/facility.py)")
    ap.add_argument("--bulk-fhir", action="store_true",
                    help="complete the Bulk FHIR export (fhir/export) with "
                    "Condition.ndjson and MedicationRequest.ndjson, tied to "
                    "its Patient.ndjson only by subject.reference")
    a = ap.parse_args(argv)
    t0 = time.time()
    summary, truth = generate(a.out, a.seed, a.patients, a.size_mb, a.truth,
                              facility_records=a.facility_records,
                              bulk_fhir=a.bulk_fhir)
    files = sum(v[0] for v in summary.values())
    size = sum(v[1] for v in summary.values())
    print(f"{'format':<12}{'files':>8}{'bytes':>14}")
    for fmt in sorted(summary):
        n, b = summary[fmt]
        print(f"{fmt:<12}{n:>8}{b:>14}")
    print(f"{'total':<12}{files:>8}{size:>14}")
    print(f"generated in {time.time() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
