"""Facility record numbers: each facility writes its medical record numbers
in a shape of its own (`RVH-0042371`, `M00123456`, `24-118873`, and with a
space after the prefix, `RVH 0042371` or `M 00123456`), varied by seed. A facility's chart index labels them (the scan learns the shape
there); its letters and a transfer list with no record-number header carry
the same numbers unlabelled, beside order, invoice and requisition numbers
of a similar or the very same shape that must not become record numbers
(src/detect/contract/identifiers.md, "Learned shapes").

Drawn from a random stream of its own, so the rest of the share is the same
with or without these files."""

import random

from . import tables as T
from .truth import TextUnit, V

RULE = "-" * 48          # longer than the context window: isolates decoys


def _digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def _spaced(r):
    """A prefix, a space and digits: `RJH 0042371` or `M 00123456`, with
    decoys of another prefix (`LAB 0042371`, `L 00123456`). The prefix is
    drawn when the first number is made, after the other facilities', so
    theirs stay what they were before this one was added."""
    drawn = []

    def pick():
        if not drawn:
            drawn.append(r.choice([("RJH", 7), ("VGH", 7), ("M", 8),
                                   ("H", 8)]))
        return drawn[0]

    def make():
        prefix, n = pick()
        return f"{prefix} {_digits(r, n)}"

    def other():
        prefix, n = pick()
        return f"{'LAB' if len(prefix) == 3 else 'L'} {_digits(r, n)}"
    return make, other


def _shapes(r):
    """Four facilities: a literal prefix and dash, one letter and eight
    digits, a two-digit year and six digits, a prefix and a space."""
    prefix = r.choice(["RVH", "RGH", "SVC", "NBH"])
    letter = r.choice("MKH")
    spaced, spaced_other = _spaced(r)
    return [
        ("records/site_1", lambda: f"{prefix}-{_digits(r, 7)}",
         lambda: f"INV-{_digits(r, 7)}"),
        ("records/site_2", lambda: f"{letter}{_digits(r, 8)}",
         lambda: f"L{_digits(r, 8)}"),
        ("records/site_3", lambda: f"{r.randint(19, 24)}-{_digits(r, 6)}",
         lambda: f"{r.randint(19, 24)}-{_digits(r, 4)}"),
        ("records/site_4", spaced, spaced_other),
    ]


def _letter(ctx, src, r, mrn, p, same_shape, other_shape):
    """A records letter that names the patient by number only."""
    u = TextUnit(ctx.truth, src)
    u.line("Health records transfer")
    u.line("")
    u.add(r, lambda: ["Re: ", V("mrn", mrn, mrn, p.pid)],
          lambda: ["Your file ", V("mrn", mrn, mrn, p.pid),
                   " was copied to the new system."],
          lambda: ["Copied on request: ", V("mrn", mrn, mrn, p.pid)])
    u.line("Please keep this letter with your papers.")
    decoys = [
        lambda: ["Order ", V("decoy", same_shape(), None, None, "none",
                             "record number shape after 'Order'",
                             cat="medical_record_number"), " processed"],
        lambda: ["Invoice ", V("decoy", other_shape(), None, None, "none",
                               "invoice number", cat="medical_record_number")],
        lambda: ["Requisition ", V("decoy", same_shape(), None, None, "none",
                                   "record number shape after 'Requisition'",
                                   cat="medical_record_number")],
        lambda: ["Shelf ", V("decoy", other_shape(), None, None, "none",
                           "similar shape, another prefix or length",
                           cat="medical_record_number"), " sent to storage"],
    ]
    for mk in r.sample(decoys, 2):
        u.line(RULE)
        u.add(r, mk)
    return u.text().encode()


def _files(ctx, prefix, r):
    files = []
    for folder, make, other in _shapes(r):
        pats = r.sample(ctx.pats, min(len(ctx.pats), r.randint(6, 9)))
        numbers = {}
        for p in pats:
            n = make()
            while n in numbers.values():
                n = make()
            numbers[p.pid] = n
        mrn = T.other("mrn", lambda p, x: numbers[p.pid])
        status = T.plain(lambda p, x, rr: rr.choice(["active", "closed"]))
        src = f"{prefix}{folder}/chart_index.csv"
        files.append((src, T.csv_file(ctx, src, [
            T.Col("MRN", mrn), T.Col("Last Name", T.LAST),
            T.Col("First Name", T.FIRST), T.Col("Status", status)],
            [(p, None) for p in pats]), "csv"))
        # No header names the number: only the learned shape finds it.
        src = f"{prefix}{folder}/transfer_list.csv"
        moved = pats[:r.randint(2, len(pats))]
        files.append((src, T.csv_file(ctx, src, [
            T.Col("Key", mrn), T.Col("Status", status)],
            [(p, None) for p in moved]), "csv"))
        for i, p in enumerate(pats[:3], 1):
            src = f"{prefix}{folder}/letters/transfer_{i}.txt"
            files.append((src, _letter(ctx, src, r, numbers[p.pid], p, make,
                                       other), "text"))
    return files


def facility_files(ctx, prefix=""):
    """Returns [(relative path, bytes, format)]; ctx.rng is left as it was."""
    saved = ctx.rng
    ctx.rng = random.Random(hash(saved.getstate()[1]))
    try:
        return _files(ctx, prefix, ctx.rng)
    finally:
        ctx.rng = saved
