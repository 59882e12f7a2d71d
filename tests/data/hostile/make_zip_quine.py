#!/usr/bin/env python3
"""Writes a zip quine: a zip whose one member, inflated, is the zip itself.

    make_zip_quine.py OUT.zip

The construction is Russ Cox's ("Zip Files All The Way Down", 2010): the
deflate stream is a self-reproducing program of two opcodes, Lx (a stored
block of x literal bytes) and Rx (a fixed-Huffman block copying the last x
bytes), arranged so that it prints the zip's header P, itself, and the
zip's trailer S. Every L and R that appears inside a literal must be 5
bytes; R20 fits as two copies of 10, R65 as one copy of 65 plus an empty
block, which is why the local header P is made exactly 60 bytes (a
30-character name). The CRC-32 of the member is the CRC of the file that
holds it: CRC-32 is affine over GF(2), so the fixed point is solved
directly, trying another timestamp when the system has no solution.
Used by tests/hostile_input_e2e_test.cc; deterministic.
"""
import struct
import sys
import zlib

NAME = b"quine_contains_itself_0000.zip"  # 30 bytes: P = 30 + 30 = 60


class Bits:
    """Deflate's bit order: fields LSB first, Huffman codes MSB first."""

    def __init__(self):
        self.bits = []

    def put(self, value, n):
        self.bits += [(value >> i) & 1 for i in range(n)]

    def code(self, value, n):
        self.bits += [(value >> (n - 1 - i)) & 1 for i in range(n)]

    def bytes(self):
        assert len(self.bits) % 8 == 0, len(self.bits)
        return bytes(sum(b << i for i, b in enumerate(self.bits[k:k + 8]))
                     for k in range(0, len(self.bits), 8))


def literal(n):
    """Lx: a stored block announcing n literal bytes (5 bytes)."""
    return struct.pack("<BHH", 0, n, n ^ 0xFFFF)


# (length symbol, base) and (distance code, base, extra bits) used below.
LENGTHS = {10: (264, 10, 0), 65: (276, 59, 3), 102: (279, 99, 4)}
DISTANCES = {20: (8, 17, 3), 65: (12, 65, 5), 102: (13, 97, 5)}


def copy(bits, length, distance):
    sym, base, extra = LENGTHS[length]
    bits.code(sym - 256, 7)  # symbols 256-279 have 7-bit codes 0..23
    bits.put(length - base, extra)
    code, dbase, dextra = DISTANCES[distance]
    bits.code(code, 5)
    bits.put(distance - dbase, dextra)


def repeat(n, final=False):
    """Rn: copy the last n bytes, as one fixed-Huffman block (byte aligned)."""
    bits = Bits()
    bits.put(1 if final else 0, 1)
    bits.put(1, 2)  # BTYPE 01: fixed Huffman
    if n == 20:
        copy(bits, 10, 20)
        copy(bits, 10, 20)
    else:
        copy(bits, n, n)
    bits.code(0, 7)  # end of block
    if n == 65:  # pad to 40 bits with an empty fixed block
        bits.put(0, 1)
        bits.put(1, 2)
        bits.code(0, 7)
    while len(bits.bits) % 8:
        bits.put(0, 1)
    return bits.bytes()


def build(crc, dostime, dosdate):
    p_len, s_len = 30 + len(NAME), 46 + len(NAME) + 22
    rs = repeat(102, final=True)
    assert len(rs) + s_len == 102
    l_p, r_p, l1, l4, l0 = literal(p_len + 5), repeat(p_len + 5), literal(5), literal(20), literal(0)
    r4, l_s = repeat(20), literal(len(rs) + s_len)
    assert len(r_p) == 5 and len(r4) == 5

    def assemble(p, s):
        return b"".join([
            l_p, p, l_p, r_p, l1, r_p, l1, l1, l4, r_p, l1, l1, l4, r4,
            l4, r4, l4, r4, l4, r4, l4, r4, l0, l0, l_s, r4, l0, l0,
            l_s, rs, s, rs])

    # Sizes do not depend on the header bytes, so measure with blanks.
    c_len = len(assemble(b"\0" * p_len, b"\0" * s_len))
    total = p_len + c_len + s_len
    p = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, dostime, dosdate,
                    crc, c_len, total, len(NAME), 0) + NAME
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8,
                          dostime, dosdate, crc, c_len, total, len(NAME), 0, 0,
                          0, 0, 0, 0) + NAME
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central),
                      p_len + c_len, 0)
    s = central + end
    assert len(p) == p_len and len(s) == s_len
    return p + assemble(p, s) + s


def solve_crc(dostime, dosdate):
    """The c with crc32(build(c)) == c, or None (GF(2) elimination)."""
    f0 = zlib.crc32(build(0, dostime, dosdate))
    cols = [zlib.crc32(build(1 << i, dostime, dosdate)) ^ f0 for i in range(32)]
    # Rows of (M + I) c = f0, each row a 32-bit mask plus its right side.
    rows = []
    for r in range(32):
        mask = sum((((cols[i] >> r) & 1) ^ (1 if i == r else 0)) << i for i in range(32))
        rows.append([mask, (f0 >> r) & 1])
    pivots = []
    for col in range(32):
        pivot = next((r for r in rows if r not in pivots and (r[0] >> col) & 1), None)
        if pivot is None:
            continue
        for r in rows:
            if r is not pivot and (r[0] >> col) & 1:
                r[0] ^= pivot[0]
                r[1] ^= pivot[1]
        pivots.append(pivot)
    if any(r[0] == 0 and r[1] for r in rows):
        return None
    c = 0
    for r in pivots:
        c |= r[1] << (r[0] & -r[0]).bit_length() - 1
    return c


def main():
    dosdate = (2010 - 1980) << 9 | 3 << 5 | 1
    for dostime in range(0, 1 << 16, 2):
        crc = solve_crc(dostime, dosdate)
        if crc is None:
            continue
        data = build(crc, dostime, dosdate)
        assert zlib.crc32(data) == crc
        p_len = 30 + len(NAME)
        c_len = len(data) - p_len - (46 + len(NAME) + 22)
        assert zlib.decompress(data[p_len:p_len + c_len], -15) == data
        with open(sys.argv[1], "wb") as out:
            out.write(data)
        return
    sys.exit("no CRC fixed point found")


if __name__ == "__main__":
    main()
