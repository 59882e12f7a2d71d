#!/usr/bin/env python3
"""Writes a large synthetic corpus for throughput benchmarks, fast.

    make_corpus.py --out DIR --size-mb N [--mode dense|sparse|mixed] [--seed S]
    make_corpus.py --out DIR --single-csv-mb N      # one big CSV file
    make_corpus.py --out DIR --single-csv-mb N --wide  # ... a wide export
    make_corpus.py --out DIR --zip-members N        # one zip, N small members

Speed comes from generating a small pool of real files once (the share
generator's sites: CSV, HL7, FHIR JSON, NDJSON, SQL dumps, notes) and then
repeating permuted copies of them until the size is reached, so gigabytes
take minutes, not hours. Each format goes into its own top-level folder
(`csv/`, `hl7/`, `json/`, `ndjson/`, `sql/`, `text/`, `archive/` when dense;
`logs/`, `code/`, `binary/` when sparse) so that run.sh can report per
format. Dense = clinical exports where nearly every record holds PHI; sparse =
application logs, source code and binaries with a PHI value every few
hundred kilobytes. `mixed` writes both, half the size each, or
`--dense-percent P` of it dense (real shares are mostly not PHI).

`--wide` makes the single CSV a wide billing export: a unique patient id
and record number per row, name and date of birth, then 64 columns that are
not PHI (two invoice lines). 4 PHI values per 330-byte row instead of a
finding per 12 bytes, so
a multi-gigabyte table's case fits on a workstation's disk, while every row
still brings a new record number to learn shapes from.

Everything is synthetic and deterministic for a given seed. No truth file:
this corpus measures speed, the evaluation scripts measure accuracy.
"""

import argparse
import gzip
import io
import os
import random
import sys
import tarfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))

from gen import people as P  # noqa: E402
from gen.share import Ctx, build  # noqa: E402
from gen.truth import Truth  # noqa: E402

MB = 1 << 20
FILE_MB = 32           # size of one big line-oriented file
SMALL_FILES_PER_DIR = 1000
DENSE_SHARES = {"csv": 0.30, "hl7": 0.15, "json": 0.05, "ndjson": 0.10,
                "sql": 0.15, "text": 0.15, "archive": 0.10}
SPARSE_SHARES = {"logs": 0.45, "code": 0.30, "binary": 0.25}


# ---- the pool --------------------------------------------------------------

def make_pool(seed, sites=2, patients=1500):
    """Real share files by format: {format: [bytes, ...]}."""
    pool = {}
    for site in range(sites):
        rng = random.Random(seed * 7919 + site)
        pats = P.make_patients(rng, patients, start_id=(site + 1) * 100000)
        ctx = Ctx(rng, Truth(enabled=False), pats)
        for rel, data, fmt in build(ctx, prefix=f"s{site}/"):
            if fmt == "csv" and (rel.endswith("utf16.csv") or
                                 "latin1" in rel):
                fmt = "csv_other"  # encodings: kept, but as small files
            elif "gl_export" in rel:
                fmt = "csv_nophi"  # ledger numbers only: not dense PHI
            pool.setdefault(fmt, []).append(data)
    return pool


def phi_pool(seed, n=2000):
    """Short PHI-bearing lines for sparse files (with their context word)."""
    rng = random.Random(seed)
    pats = P.make_patients(rng, n // 4 + 1, start_id=900000)
    lines = []
    for p in pats:
        phone = P.rand_phone_digits(rng, ["306", "416", "604"])
        lines.append(f"contact email {p.first.lower()}.{p.last.lower()}"
                     f"@example.org")
        lines.append(f"patient {p.first} {p.last} phone ({phone[:3]}) "
                     f"{phone[3:6]}-{phone[6:]}")
        lines.append(f"DOB: {p.dob.isoformat()} postal code {p.postal}")
        if p.hn:
            lines.append(f"health card number {p.hn}")
    return lines


# ---- writers ---------------------------------------------------------------

class Writer:
    def __init__(self, out, budget):
        self.out, self.budget, self.written, self.files = out, budget, 0, 0

    def left(self):
        return self.budget - self.written

    def put(self, rel, data):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        self.written += len(data)
        self.files += 1


def split_header(data):
    cut = data.find(b"\n") + 1
    return data[:cut], data[cut:].splitlines(keepends=True)


def permutations(rng, lines, k=4):
    """A few shuffled copies of `lines`, joined (cheap to repeat)."""
    out = []
    for _ in range(k):
        copy = list(lines)
        rng.shuffle(copy)
        out.append(b"".join(copy))
    return out


def big_line_files(w, rng, fmt, sources, keep_header):
    """Files of about FILE_MB: one header, then shuffled bodies repeated."""
    blocks, headers = [], []
    for data in sources:
        header, body = split_header(data) if keep_header else (b"", [data])
        if keep_header and len(body) < 2:
            continue
        headers.append(header)
        blocks.append(permutations(rng, body) if keep_header else [data])
    i = 0
    while w.left() > 0:
        pick = rng.randrange(len(blocks))
        target = min(FILE_MB * MB, w.left())
        parts, size = [headers[pick]], len(headers[pick])
        while size < target:
            block = rng.choice(blocks[pick])
            parts.append(block)
            size += len(block)
        w.put(f"{fmt}/{fmt}_{i:05d}.{ext_of(fmt)}", b"".join(parts))
        i += 1


def ext_of(fmt):
    return {"csv": "csv", "hl7": "hl7", "ndjson": "ndjson", "sql": "sql",
            "logs": "log"}.get(fmt, "dat")


def small_files(w, rng, fmt, sources, ext, per_file=1):
    """Many small files, each `per_file` pool files concatenated."""
    i = 0
    while w.left() > 0:
        data = b"\n".join(rng.choice(sources) for _ in range(per_file))
        w.put(f"{fmt}/d{i // SMALL_FILES_PER_DIR:04d}/{fmt}_{i:07d}.{ext}",
              data)
        i += 1


def archives(w, rng, pool):
    """Zips and tar.gz files of notes, CSV and HL7 members."""
    members = pool["text"] + pool["hl7"] + pool["csv"][:4]
    i = 0
    while w.left() > 0:
        picked = [(f"m{j:04d}.{'txt' if j % 3 else 'csv'}", rng.choice(members))
                  for j in range(rng.randint(20, 200))]
        w.put(f"archive/a{i:05d}.zip" if i % 3 else
              f"archive/a{i:05d}.tar.gz",
              zip_of(picked) if i % 3 else targz_of(picked))
        i += 1


def zip_of(members, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method, compresslevel=1) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, (2024, 3, 1, 9, 0, 0)), data,
                       compress_type=method)
    return buf.getvalue()


def targz_of(members):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size, ti.mtime = len(data), 1709283600
            t.addfile(ti, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), compresslevel=1, mtime=0)


# ---- sparse material -------------------------------------------------------

def log_block(rng, phi, lines=20000, phi_every=4000):
    """Web and application log lines; one PHI line every `phi_every`."""
    paths = ["/api/v2/orders", "/static/app.js", "/login", "/health",
             "/api/v2/search?q=widget", "/images/logo.png", "/metrics"]
    levels = ["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"]
    out = []
    for n in range(lines):
        ts = (f"2024-03-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
              f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}."
              f"{rng.randint(0, 999):03d}Z")
        if n % phi_every == phi_every - 1:
            out.append(f"{ts} INFO  intake: {rng.choice(phi)}\n")
        elif n % 2:
            ip = ".".join(str(rng.randint(1, 254)) for _ in range(4))
            out.append(f'{ip} - - [{ts}] "GET {rng.choice(paths)} HTTP/1.1" '
                       f"{rng.choice([200, 200, 304, 404, 500])} "
                       f"{rng.randint(100, 90000)} \"-\" \"Mozilla/5.0\"\n")
        else:
            out.append(f"{ts} {rng.choice(levels):5s} worker-"
                       f"{rng.randint(1, 16)} request_id="
                       f"{rng.getrandbits(64):016x} took "
                       f"{rng.randint(1, 900)}ms cache_hit="
                       f"{rng.choice(['true', 'false'])}\n")
    return "".join(out).encode()


def code_sources():
    """The project's own source files: real code, no PHI."""
    root = os.path.join(HERE, "..", "..", "src")
    out = []
    for dirpath, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith((".cc", ".h")):
                with open(os.path.join(dirpath, name), "rb") as f:
                    out.append(f.read())
    return out


def binary_block(rng, code, phi, size=4 * MB):
    """Machine-code-like bytes: random runs, zero padding, string tables
    (code identifiers) and, rarely, a PHI string."""
    parts, total = [], 0
    while total < size:
        kind = rng.random()
        if kind < 0.55:
            part = rng.randbytes(rng.randint(512, 16384))
        elif kind < 0.75:
            part = bytes(rng.randint(256, 8192))
        elif kind < 0.995:
            text = rng.choice(code)
            start = rng.randrange(max(1, len(text) - 2048))
            part = text[start:start + 2048].replace(b"\n", b"\0")
        else:
            part = b"\0" + rng.choice(phi).encode() + b"\0"
        parts.append(part)
        total += len(part)
    return b"".join(parts)


def write_sparse(w, rng, seed, shares):
    phi = phi_pool(seed)
    code = code_sources()
    budget, amount = w.budget, w.budget - w.written
    w.budget = w.written + int(amount * shares["logs"])
    logs = [log_block(rng, phi) for _ in range(4)]
    i = 0
    while w.left() > 0:
        target = min(FILE_MB * MB, w.left())
        parts, size = [], 0
        while size < target:
            parts.append(rng.choice(logs))
            size += len(parts[-1])
        w.put(f"logs/app_{i:05d}.log", b"".join(parts))
        i += 1
    w.budget = w.written + int(amount * shares["code"])
    # Code: one PHI line in a comment now and then (a test fixture).
    seeded = [c + f"// fixture: {rng.choice(phi)}\n".encode()
              for c in code[:20]] + code
    small_files(w, rng, "code", seeded, "cc", per_file=8)
    w.budget = budget
    blocks = [binary_block(rng, code, phi) for _ in range(4)]
    i = 0
    while w.left() > 0:
        n = rng.randint(1, 16)
        w.put(f"binary/lib_{i:05d}.so",
              b"\x7fELF\x02\x01\x01" + b"".join(
                  rng.choice(blocks) for _ in range(n))[:w.left()])
        i += 1


def write_dense(w, rng, pool, shares):
    budget, start = w.budget, w.written
    spent = 0.0
    for fmt, share in shares.items():
        spent += share
        w.budget = start + int(budget * spent) if spent < 0.999 else \
            start + budget
        if fmt in ("csv", "sql", "hl7", "ndjson"):
            big_line_files(w, rng, fmt, pool[fmt], keep_header=(fmt == "csv"))
        elif fmt == "json":
            small_files(w, rng, "json", pool["json"], "json")
        elif fmt == "text":
            small_files(w, rng, "text", pool["text"], "txt")
        else:
            archives(w, rng, pool)
    w.budget = start + budget


WIDE_HEADER = ("Patient ID,MRN,Last Name,DOB,Invoice Status,Amount,Tax,Currency,"
               "Batch,Terminal,Cost Centre,GL Account,Tender,Posted By,Channel,"
               "Region,Fee Schedule,Discount,Quantity,Approved,Service Code,"
               "Units,Rate,Adjustment,Reason,Payer Type,Plan Tier,Copay,"
               "Deductible,Write Off,Balance,Aging Bucket,Statement Cycle,"
               "Dunning Level,Collector,Export Flag\n")
WIDE_TAILS = [
    "PAID,{a}.{c:02d},{t}.{c:02d},CAD,B{b:04d},T{t:02d},4410,5100-200,VISA,"
    "system,web,west,FS-2024,0.00,{q},Y,SVC-{q}{t:02d},{q},{a}.00,0.00,"
    "none,private,gold,20.00,0.00,0.00,0.00,current,C{q},0,queue,N",
    "OPEN,{a}.{c:02d},0.00,CAD,B{b:04d},T{t:02d},4420,5100-210,DEBIT,"
    "batch,counter,east,FS-2023,5.00,{q},N,SVC-{t:02d}{q},{q},{a}.50,"
    "-5.00,promo,public,silver,0.00,50.00,0.00,{a}.50,30-59,C{q},1,desk,Y",
    "VOID,0.00,0.00,USD,B{b:04d},T{t:02d},4430,5200-100,CASH,nightly,"
    "mail,north,FS-2024,0.00,{q},N,SVC-00{q},0,0.00,0.00,void,self,"
    "bronze,0.00,0.00,0.00,0.00,closed,C{q},0,none,N",
]


def write_wide_csv(w, rng, pool, size):
    """One wide export: unique ids per row, few PHI columns, many others."""
    body = split_header(pool["csv"][0])[1]
    people = []  # (last name, date of birth) from the patient table
    for line in body:
        cols = line.decode().rstrip("\n").split(",")
        if len(cols) > 4 and cols[3] and cols[4]:
            people.append(f"{cols[3]},{cols[4]}")
    # Each row's other columns: two invoice lines (64 columns), as wide
    # exports are.
    lines = [t.format(a=rng.randint(10, 999), c=rng.randint(0, 99),
                      t=rng.randint(1, 40), b=rng.randint(0, 9999),
                      q=rng.randint(1, 9))
             for t in WIDE_TAILS for _ in range(50)]
    tails = [rng.choice(lines) + "," + rng.choice(lines) for _ in range(150)]
    names = WIDE_HEADER.rstrip("\n").split(",")
    header = ",".join(names[:4] + [f"{n} {line}" for line in (1, 2)
                                   for n in names[4:]]) + "\n"
    n, written = 0, len(header)
    with open(os.path.join(w.out, "csv", "wide_export.csv"), "wb") as f:
        f.write(header.encode())
        while written < size:
            rows = []
            for _ in range(2000):
                rows.append(f"P{n:09d},{10000000 + n % 90000000},"
                            f"{people[n % len(people)]},"
                            f"{tails[(n * 7) % len(tails)]}\n")
                n += 1
            chunk = "".join(rows).encode()
            f.write(chunk)
            written += len(chunk)
    w.files += 1
    w.written += written


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size-mb", type=int, default=0)
    ap.add_argument("--mode", choices=["dense", "sparse", "mixed"],
                    default="dense")
    ap.add_argument("--single-csv-mb", type=int, default=0,
                    help="write one CSV file of this size instead")
    ap.add_argument("--zip-members", type=int, default=0,
                    help="write one zip with this many members instead")
    ap.add_argument("--wide", action="store_true",
                    help="with --single-csv-mb: a wide export, few PHI columns")
    ap.add_argument("--dense-percent", type=int, default=50,
                    help="with --mode mixed: the dense share of the size")
    a = ap.parse_args(argv)
    t0 = time.time()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    if a.single_csv_mb and a.wide:
        w = Writer(a.out, a.single_csv_mb * MB)
        os.makedirs(os.path.join(a.out, "csv"), exist_ok=True)
        write_wide_csv(w, rng, make_pool(a.seed, sites=1),
                       a.single_csv_mb * MB)
    elif a.single_csv_mb:
        global FILE_MB
        FILE_MB = a.single_csv_mb
        w = Writer(a.out, a.single_csv_mb * MB)
        pool = make_pool(a.seed, sites=1)
        big_line_files(w, rng, "csv", pool["csv"][:1], keep_header=True)
    elif a.zip_members:
        pool = make_pool(a.seed, sites=1)
        small = pool["text"] + pool["csv_other"]
        members = [(f"d{j // 1000:03d}/note_{j:06d}.txt", rng.choice(small))
                   for j in range(a.zip_members)]
        w = Writer(a.out, 0)
        w.put("zip/members.zip", zip_of(members))
    else:
        if a.size_mb <= 0:
            ap.error("give --size-mb, --single-csv-mb or --zip-members")
        total = a.size_mb * MB
        dense = total if a.mode == "dense" else \
            (total * a.dense_percent // 100 if a.mode == "mixed" else 0)
        w = Writer(a.out, dense)
        if dense:
            write_dense(w, rng, make_pool(a.seed), DENSE_SHARES)
        if total - dense:
            w.budget = w.written + total - dense
            write_sparse(w, rng, a.seed, SPARSE_SHARES)
    print(f"wrote {w.files} files, {w.written / MB:.0f} MiB in "
          f"{time.time() - t0:.1f} s to {a.out}")


if __name__ == "__main__":
    main()
