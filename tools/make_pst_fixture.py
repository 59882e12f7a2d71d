#!/usr/bin/env python3
"""Writes a small Outlook mailbox (Unicode PST) for the PST reader's tests.

No PST file is copied from anywhere: this writer builds one from the public
[MS-PST] specification, the smallest structure Outlook's own files share:

  NDB  the 564-byte Unicode header (CRCs, root BREFs), one AMap and one PMap
       page, the node B-tree (NBT) and block B-tree (BBT) as 512-byte pages
       (a leaf level and index levels as needed), data blocks with their
       trailers, and subnode (SLBLOCK) blocks for a message's recipients,
       attachments table and attachment objects. Blocks are not encrypted
       (bCryptMethod NDB_CRYPT_NONE).
  LTP  heap-on-node, BTree-on-heap, property contexts (PC) and table
       contexts (TC) with row index, row matrix and cell-existence bitmaps.
  Messaging  message store, name-to-id map, root folder, two folders (Inbox
       and Inbox/Referrals) with their hierarchy, contents and associated
       contents tables, three messages of synthetic patients (plain and HTML
       bodies, To and Cc recipients), one attachment (a small CSV file) and
       one attached message (in the referral, with its own recipients).

Every node and block fits in one block (no XBLOCKs), which is what a small
fixture needs; the writer asserts it rather than writing something wrong.

Usage: make_pst_fixture.py tests/data/pst   writes mail.pst and
mail_truncated.pst (the same file cut in its node B-tree) there; the output
is the same bytes on every run. Check it with libpff's own tools (Debian
package pff-tools): `pffinfo mail.pst`, `pffexport -m all -t out mail.pst`.
All names, numbers and addresses are invented (example.org/.com domains,
555 phone numbers).
"""

import datetime
import os
import struct
import sys
import zlib

# ---------------------------------------------------------------- NDB layer

PAGE = 512
BLOCK_ALIGN = 64
MAX_BLOCK_DATA = 8176
MAX_HEAP_ALLOC = 3580

PTYPE_BBT, PTYPE_NBT, PTYPE_PMAP, PTYPE_AMAP = 0x80, 0x81, 0x83, 0x84
AMAP_OFFSET = 0x4400
PMAP_OFFSET = 0x4600
FIRST_FREE = 0x4800


def crc(data):
    """[MS-PST] 5.3: CRC-32 table, initial value 0 and no final inversion."""
    return zlib.crc32(data, 0xFFFFFFFF) ^ 0xFFFFFFFF


def sig(ib, bid):
    """[MS-PST] 5.5 ComputeSig: page and block signature from offset and id."""
    ib ^= bid
    return ((ib >> 16) ^ ib) & 0xFFFF


def align(n, to):
    return (n + to - 1) // to * to


class Ndb:
    """Collects blocks and nodes, then lays out the file."""

    def __init__(self):
        self.next_bid = 4          # data block ids step by 4 (bit 1: internal)
        self.next_page_bid = 0x10000
        self.blocks = []           # (bid, data)
        self.nodes = {}            # nid -> (bid_data, bid_sub, nid_parent)

    def add_block(self, data, internal=False):
        assert len(data) <= MAX_BLOCK_DATA, "block too large for one block"
        bid = self.next_bid | (2 if internal else 0)
        self.next_bid += 4
        self.blocks.append((bid, bytes(data)))
        return bid

    def add_subnodes(self, entries):
        """An SLBLOCK (level 0) of (nid, bid_data, bid_sub) entries."""
        entries = sorted(entries)
        data = struct.pack("<BBHI", 0x02, 0, len(entries), 0)
        for nid, bid_data, bid_sub in entries:
            data += struct.pack("<QQQ", nid, bid_data, bid_sub)
        return self.add_block(data, internal=True)

    def add_node(self, nid, data, parent=0, subnodes=None):
        bid_sub = self.add_subnodes(subnodes) if subnodes else 0
        self.nodes[nid] = (self.add_block(data), bid_sub, parent)

    # ---- layout

    def _tree_pages(self, leaf_entries, leaf_size, ptype):
        """Splits sorted (key, packed entry) rows into B-tree pages.
        Returns pages as (level, [(key, packed)], entry size), leaves first."""
        levels = []
        rows, size, level = leaf_entries, leaf_size, 0
        while True:
            per_page = 488 // size
            chunks = [rows[i:i + per_page] for i in range(0, len(rows), per_page)]
            levels.append((level, chunks, size))
            if len(chunks) == 1:
                return levels
            # The next level up points at these pages; keys are their first key.
            rows = [(chunk[0][0], None) for chunk in chunks]
            size, level = 24, level + 1

    def write(self, header_extra):
        node_rows = []
        for nid in sorted(self.nodes):
            bid_data, bid_sub, parent = self.nodes[nid]
            node_rows.append((nid, struct.pack("<QQQII", nid, bid_data, bid_sub, parent, 0)))
        # Blocks go after the pages; their offsets must be known for the BBT,
        # so the page count is computed first from the entry counts.
        nbt_levels = self._tree_pages(node_rows, 32, PTYPE_NBT)
        bbt_levels = self._tree_pages([(b, None) for b, _ in sorted(self.blocks)], 24, PTYPE_BBT)
        n_pages = sum(len(c) for _, c, _ in nbt_levels) + sum(len(c) for _, c, _ in bbt_levels)
        ib = FIRST_FREE + n_pages * PAGE
        block_at = {}
        for bid, data in self.blocks:
            block_at[bid] = ib
            ib += align(len(data) + 16, BLOCK_ALIGN)
        eof = align(ib, PAGE)
        out = bytearray(eof)
        for bid, data in self.blocks:
            at = block_at[bid]
            out[at:at + len(data)] = data
            end = at + align(len(data) + 16, BLOCK_ALIGN)
            out[end - 16:end] = struct.pack("<HHIQ", len(data), sig(at, bid), crc(data), bid)

        page_ib = [FIRST_FREE]

        def write_tree(levels, ptype, leaf_payload):
            prev = None  # BREFs of the level below: [(key, bid, ib)]
            for level, chunks, size in levels:
                this = []
                for i, chunk in enumerate(chunks):
                    if level == 0:
                        payload = [leaf_payload(row) for row in chunk]
                    else:
                        below = prev[i * (488 // 24):(i + 1) * (488 // 24)]
                        payload = [struct.pack("<QQQ", k, b, o) for k, b, o in below]
                    at = page_ib[0]
                    page_ib[0] += PAGE
                    bid = self.next_page_bid
                    self.next_page_bid += 4
                    body = b"".join(payload).ljust(488, b"\0")
                    body += struct.pack("<BBBBI", len(payload), 488 // size, size, level, 0)
                    out[at:at + 496] = body
                    out[at + 496:at + 512] = struct.pack("<BBHIQ", ptype, ptype, sig(at, bid), crc(body), bid)
                    this.append((chunk[0][0], bid, at))
                prev = this
            return prev[0]

        def bbt_leaf(row):
            bid = row[0]
            data = dict(self.blocks)[bid]
            return struct.pack("<QQHHI", bid, block_at[bid], len(data), 1, 0)

        nbt_root = write_tree(nbt_levels, PTYPE_NBT, lambda row: row[1])
        bbt_root = write_tree(bbt_levels, PTYPE_BBT, bbt_leaf)
        self._write_maps(out, eof)
        self._write_header(out, eof, nbt_root, bbt_root, header_extra)
        return bytes(out)

    def _write_maps(self, out, eof):
        # AMap: one bit per 64 bytes from the AMap page on; everything up to
        # the end of the file is in use (the writer leaves no holes).
        used_slots = (eof - AMAP_OFFSET) // 64
        bitmap = bytearray(496)
        for slot in range(min(used_slots, 496 * 8)):
            bitmap[slot // 8] |= 0x80 >> (slot % 8)
        self.amap_free = (496 * 8 - used_slots) * 64
        out[AMAP_OFFSET:AMAP_OFFSET + 496] = bitmap
        out[AMAP_OFFSET + 496:AMAP_OFFSET + 512] = struct.pack(
            "<BBHIQ", PTYPE_AMAP, PTYPE_AMAP, 0, crc(bytes(bitmap)), AMAP_OFFSET)
        pmap = b"\xff" * 496  # deprecated; all pages "free" as Outlook writes it
        out[PMAP_OFFSET:PMAP_OFFSET + 496] = pmap
        out[PMAP_OFFSET + 496:PMAP_OFFSET + 512] = struct.pack(
            "<BBHIQ", PTYPE_PMAP, PTYPE_PMAP, 0, crc(pmap), PMAP_OFFSET)

    def _write_header(self, out, eof, nbt_root, bbt_root, rgnid):
        root = struct.pack("<IQQQQQQQQBBH", 0, eof, AMAP_OFFSET, self.amap_free, 0,
                           nbt_root[1], nbt_root[2], bbt_root[1], bbt_root[2], 0x02, 0, 0)
        assert len(root) == 72
        h = bytearray(564)
        h[0:4] = b"!BDN"
        struct.pack_into("<HHHBBII", h, 8, 0x4D53, 23, 19, 1, 1, 0, 0)
        struct.pack_into("<QQI", h, 24, 0, self.next_page_bid, 1)
        for i, value in enumerate(rgnid):
            struct.pack_into("<I", h, 44 + 4 * i, value)
        h[180:252] = root
        h[256:384] = b"\xff" * 128  # rgbFM, deprecated
        h[384:512] = b"\xff" * 128  # rgbFP, deprecated
        h[512] = 0x80               # bSentinel
        h[513] = 0x00               # bCryptMethod: none
        struct.pack_into("<Q", h, 516, self.next_bid)
        struct.pack_into("<I", h, 4, crc(bytes(h[8:8 + 471])))
        struct.pack_into("<I", h, 524, crc(bytes(h[8:8 + 516])))
        out[0:564] = h


# ---------------------------------------------------------------- LTP layer

PT_I16, PT_I32, PT_BOOL, PT_I64 = 0x0002, 0x0003, 0x000B, 0x0014
PT_STR, PT_TIME, PT_BIN, PT_OBJ = 0x001F, 0x0040, 0x0102, 0x000D


class Heap:
    """A heap-on-node in one block: HNHDR, allocations, HNPAGEMAP."""

    def __init__(self, client_sig):
        self.client_sig = client_sig
        self.allocs = []

    def alloc(self, data):
        assert 0 < len(data) <= MAX_HEAP_ALLOC, "heap item needs a subnode"
        self.allocs.append(bytes(data))
        return len(self.allocs) << 5  # HID: index 1-based, block 0, type HID

    def build(self, user_root):
        body = bytearray()
        offsets = []
        at = 12
        for data in self.allocs:
            offsets.append(at)
            body += data
            at += len(data)
        offsets.append(at)
        pad = at % 2
        ib_map = at + pad
        page_map = struct.pack("<HH", len(self.allocs), 0) + b"".join(struct.pack("<H", o) for o in offsets)
        hdr = struct.pack("<HBBI4s", ib_map, 0xEC, self.client_sig, user_root, b"\0" * 4)
        return hdr + bytes(body) + b"\0" * pad + page_map


def bth(heap, key_size, data_size, records):
    """A one-level BTree-on-heap; `records` are (key bytes, data bytes)."""
    records = sorted(records, key=lambda r: int.from_bytes(r[0], "little"))
    root = heap.alloc(b"".join(k + d for k, d in records)) if records else 0
    return heap.alloc(struct.pack("<BBBBI", 0xB5, key_size, data_size, 0, root))


def encode(heap, ptype, value):
    """The 4-byte value or HNID of a property (PC) or a cell (TC)."""
    if ptype == PT_STR:
        return struct.pack("<I", heap.alloc(value.encode("utf-16-le")))
    if ptype == PT_BIN:
        return struct.pack("<I", heap.alloc(value))
    if ptype == PT_OBJ:  # the subnode holding the object, and its size
        return struct.pack("<I", heap.alloc(struct.pack("<II", *value)))
    if ptype in (PT_I64, PT_TIME):
        return struct.pack("<q", value)
    if ptype == PT_I32:
        return struct.pack("<i", value)
    if ptype == PT_I16:
        return struct.pack("<h", value)
    if ptype == PT_BOOL:
        return struct.pack("<B", 1 if value else 0)
    raise ValueError(hex(ptype))


def property_context(props):
    """props: [(prop id, type, value)] -> node data of a PC."""
    heap = Heap(0xBC)
    records = []
    for pid, ptype, value in props:
        if ptype in (PT_STR, PT_BIN) and not value:
            continue  # an empty value is an absent property
        if ptype in (PT_I64, PT_TIME):
            cell = struct.pack("<I", heap.alloc(encode(heap, ptype, value)))
        else:
            cell = encode(heap, ptype, value).ljust(4, b"\0")
        records.append((struct.pack("<H", pid), struct.pack("<H", ptype) + cell))
    return heap.build(bth(heap, 2, 6, records))


ROW_ID, ROW_VER = 0x67F20003, 0x67F30003


def cell_size(ptype):
    return {PT_I64: 8, PT_TIME: 8, PT_I16: 2, PT_BOOL: 1}.get(ptype, 4)


def table_context(tags, rows):
    """tags: property tags (id << 16 | type) besides the row id and version;
    rows: [(row id, {tag: value})] -> node data of a TC."""
    heap = Heap(0x7C)
    tags = [ROW_ID, ROW_VER] + [t for t in tags if t not in (ROW_ID, ROW_VER)]
    # Cells are grouped by width (8 and 4, then 2, then 1 byte); row id and
    # version first, as [MS-PST] 2.3.4.4.1 requires.
    by_width = sorted(tags[2:], key=lambda t: -cell_size(t & 0xFFFF))
    layout, at = {}, 0
    for i, tag in enumerate(tags[:2] + by_width):
        layout[tag] = (at, cell_size(tag & 0xFFFF), i)
        at += cell_size(tag & 0xFFFF)
    ends = []
    at = 0
    for width in ((8, 4), (2,), (1,)):
        at += sum(cell_size(t & 0xFFFF) for t in tags if cell_size(t & 0xFFFF) in width)
        ends.append(at)
    ceb = (len(tags) + 7) // 8
    row_size = at + ceb
    matrix = bytearray()
    index = []
    for n, (row_id, values) in enumerate(rows):
        row = bytearray(row_size)
        values = dict(values)
        values[ROW_ID] = row_id
        values[ROW_VER] = n + 1
        for tag, value in values.items():
            ib, cb, bit = layout[tag]
            row[ib:ib + cb] = encode(heap, tag & 0xFFFF, value)[:cb]
            row[at + bit // 8] |= 0x80 >> (bit % 8)
        matrix += row
        index.append((struct.pack("<I", row_id), struct.pack("<I", n)))
    row_index = bth(heap, 4, 4, index)
    rows_hid = heap.alloc(bytes(matrix)) if rows else 0
    info = struct.pack("<BB4HIII", 0x7C, len(tags), ends[0], ends[1], ends[2], row_size,
                       row_index, rows_hid, 0)
    for tag in sorted(tags):
        ib, cb, bit = layout[tag]
        info += struct.pack("<IHBB", tag, ib, cb, bit)
    return heap.build(heap.alloc(info))


# ---------------------------------------------------------- messaging layer

NID_MESSAGE_STORE, NID_NAME_TO_ID_MAP, NID_ROOT_FOLDER = 0x21, 0x61, 0x122
NID_ATTACHMENT_TABLE, NID_RECIPIENT_TABLE = 0x671, 0x692
NT_FOLDER, NT_MESSAGE, NT_ATTACHMENT = 0x02, 0x04, 0x05
NT_HIERARCHY, NT_CONTENTS, NT_ASSOC = 0x0D, 0x0E, 0x0F

STORE_UID = bytes(range(0x10, 0x20))


def nid(index, ntype):
    return index << 5 | ntype


def filetime(text):
    when = datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.timezone.utc)
    epoch = datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc)
    return int((when - epoch).total_seconds()) * 10_000_000


def entry_id(node):
    return b"\0" * 4 + STORE_UID + struct.pack("<I", node)


HIERARCHY_TAGS = [0x3001001F, 0x36020003, 0x36030003, 0x360A000B]
CONTENTS_TAGS = [0x001A001F, 0x0037001F, 0x0042001F, 0x0E060040, 0x0E070003, 0x0E080003, 0x0E170003]
RECIPIENT_TAGS = [0x0C150003, 0x0FFE0003, 0x3001001F, 0x3002001F, 0x3003001F, 0x39000003, 0x39FE001F]
ATTACHMENT_TAGS = [0x0E200003, 0x3704001F, 0x37050003, 0x370B0003]


class Store:
    def __init__(self):
        self.ndb = Ndb()
        self.next_index = {NT_FOLDER: 0x400, NT_MESSAGE: 0x10000, NT_ATTACHMENT: 0x400}

    def new_nid(self, ntype):
        self.next_index[ntype] += 1
        return nid(self.next_index[ntype], ntype)

    def folder(self, node, parent, name, subfolders, messages):
        """subfolders: [(nid, name, message count, has subfolders)];
        messages: [(nid, contents-row values)]."""
        self.ndb.add_node(node, property_context([
            (0x3001, PT_STR, name),
            (0x3602, PT_I32, len(messages)),
            (0x3603, PT_I32, 0),
            (0x360A, PT_BOOL, bool(subfolders)),
            (0x3613, PT_STR, "IPF.Note"),
        ]), parent)
        index = node >> 5
        self.ndb.add_node(nid(index, NT_HIERARCHY), table_context(HIERARCHY_TAGS, [
            (sub, {0x3001001F: sub_name, 0x36020003: count, 0x36030003: 0, 0x360A000B: has_sub})
            for sub, sub_name, count, has_sub in subfolders]))
        self.ndb.add_node(nid(index, NT_CONTENTS), table_context(CONTENTS_TAGS, messages))
        self.ndb.add_node(nid(index, NT_ASSOC), table_context([0x001A001F], []))

    def message(self, node, folder, m):
        data, subnodes = self.message_object(m)
        self.ndb.add_node(node, data, folder, subnodes)
        return (node, {0x001A001F: "IPM.Note", 0x0037001F: m["subject"], 0x0042001F: m["from"][0],
                       0x0E060040: filetime(m["delivered"]), 0x0E070003: 0x01,
                       0x0E080003: 1024, 0x0E170003: 0})

    def message_object(self, m):
        """A message's property context and its subnodes (recipients table,
        attachments table, attachment objects), for a folder's message or
        an attached one."""
        props = [
            (0x001A, PT_STR, "IPM.Note"),
            (0x0037, PT_STR, m["subject"]),
            (0x0039, PT_TIME, filetime(m["sent"])),
            (0x0042, PT_STR, m["from"][0]),
            (0x0065, PT_STR, m["from"][1]),
            (0x0064, PT_STR, "SMTP"),
            (0x0C1A, PT_STR, m["from"][0]),
            (0x0C1E, PT_STR, "SMTP"),
            (0x0C1F, PT_STR, m["from"][1]),
            (0x0E03, PT_STR, "; ".join(n for n, _, t in m["recipients"] if t == 2)),
            (0x0E04, PT_STR, "; ".join(n for n, _, t in m["recipients"] if t == 1)),
            (0x0E06, PT_TIME, filetime(m["delivered"])),
            (0x0E07, PT_I32, 0x01 | (0x10 if m.get("attachment") or m.get("attached") else 0)),
            (0x0E17, PT_I32, 0),
            (0x3007, PT_TIME, filetime(m["delivered"])),
            (0x3008, PT_TIME, filetime(m["delivered"])),
            (0x3FDE, PT_I32, 65001),
        ]
        if "body" in m:
            props.append((0x1000, PT_STR, m["body"]))
        if "html" in m:
            props.append((0x1013, PT_BIN, m["html"].encode("utf-8")))
        props.sort()
        subnodes = []
        recipients = table_context(RECIPIENT_TAGS, [
            (n, {0x0C150003: kind, 0x0FFE0003: 6, 0x3001001F: name, 0x3002001F: "SMTP",
                 0x3003001F: address, 0x39000003: 0, 0x39FE001F: address})
            for n, (name, address, kind) in enumerate(m["recipients"])])
        subnodes.append((NID_RECIPIENT_TABLE, self.ndb.add_block(recipients), 0))
        rows = []
        if m.get("attachment"):
            filename, data = m["attachment"]
            attach_nid = self.new_nid(NT_ATTACHMENT)
            attachment = property_context(sorted([
                (0x0E20, PT_I32, len(data)),
                (0x3001, PT_STR, filename),
                (0x3701, PT_BIN, data),
                (0x3703, PT_STR, os.path.splitext(filename)[1]),
                (0x3704, PT_STR, filename),
                (0x3705, PT_I32, 1),  # afByValue
                (0x3707, PT_STR, filename),
                (0x370B, PT_I32, -1),
                (0x370E, PT_STR, "text/csv"),
            ]))
            subnodes.append((attach_nid, self.ndb.add_block(attachment), 0))
            rows.append((attach_nid, {0x0E200003: len(data), 0x3704001F: filename,
                                      0x37050003: 1, 0x370B0003: -1}))
        if m.get("attached"):
            # An attached message (afEmbeddedMessage): the attachment's
            # PidTagAttachDataObject names a subnode of the attachment that
            # holds the message, whose own tables are its subnodes in turn.
            inner = m["attached"]
            inner_data, inner_subnodes = self.message_object(inner)
            inner_nid = self.new_nid(NT_MESSAGE)
            attach_nid = self.new_nid(NT_ATTACHMENT)
            attachment = property_context(sorted([
                (0x0E20, PT_I32, len(inner_data)),
                (0x3001, PT_STR, inner["subject"]),
                (0x3701, PT_OBJ, (inner_nid, len(inner_data))),
                (0x3705, PT_I32, 5),  # afEmbeddedMessage
                (0x370B, PT_I32, -1),
            ]))
            inner_entry = (inner_nid, self.ndb.add_block(inner_data), self.ndb.add_subnodes(inner_subnodes))
            subnodes.append((attach_nid, self.ndb.add_block(attachment), self.ndb.add_subnodes([inner_entry])))
            rows.append((attach_nid, {0x0E200003: len(inner_data), 0x37050003: 5, 0x370B0003: -1}))
        subnodes.append((NID_ATTACHMENT_TABLE, self.ndb.add_block(table_context(ATTACHMENT_TAGS, rows)), 0))
        return property_context(props), subnodes

    def message_store(self, ipm_subtree):
        self.ndb.add_node(NID_MESSAGE_STORE, property_context([
            (0x0FF9, PT_BIN, STORE_UID),
            (0x3001, PT_STR, "Personal Folders"),
            (0x35E0, PT_BIN, entry_id(ipm_subtree)),
        ]))
        # One named property (PSETID_Common, LID 0x8501), so that the map's
        # three streams are not empty.
        guid = bytes.fromhex("0820060000000000c000000000000046")
        self.ndb.add_node(NID_NAME_TO_ID_MAP, property_context([
            (0x0001, PT_I32, 251),
            (0x0002, PT_BIN, guid),
            (0x0003, PT_BIN, struct.pack("<IHH", 0x8501, 3 << 1, 0)),
            (0x0004, PT_BIN, b"\0\0\0\0"),
        ]))


CSV = ("name,date_of_birth,email,health_number\r\n"
       "Nadia Poirier,1979-06-21,nadia.poirier@example.com,482 193 756\r\n").encode()

MESSAGES = {
    "Inbox": [
        {
            "subject": "Lab results for Renee Ouellet",
            "from": ("Dr. Paul Gagnon", "p.gagnon@clinic.example.org"),
            "recipients": [("Renee Ouellet", "renee.ouellet@example.com", 1),
                           ("Clinic Desk", "desk@clinic.example.org", 2)],
            "sent": "2024-03-04T14:29:00", "delivered": "2024-03-04T14:30:00",
            "body": ("Dear Renee Ouellet,\r\nYour Saskatchewan HSN 731 204 865 is on file. "
                     "Your ferritin result is ready; please call 306-555-0166.\r\n"),
        },
        {
            "subject": "Bloodwork for Nadia Poirier",
            "from": ("Nadia Poirier", "nadia.poirier@example.com"),
            "recipients": [("Clinic Desk", "desk@clinic.example.org", 1)],
            "sent": "2024-03-05T09:14:00", "delivered": "2024-03-05T09:15:00",
            "html": ("<html><body><p>Hello,</p><p>My bloodwork is attached. "
                     "You can reach me at 306-555-0188.</p></body></html>"),
            "attachment": ("lab.csv", CSV),
        },
    ],
    "Referrals": [
        {
            "subject": "Referral: Marc Lavoie",
            "from": ("Dr. Claire Bouchard", "claire.bouchard@example.org"),
            "recipients": [("Dr. Paul Gagnon", "p.gagnon@clinic.example.org", 1)],
            "sent": "2024-03-06T11:00:00", "delivered": "2024-03-06T11:02:00",
            "body": ("Please see Marc Lavoie, born 1962-11-05, for a cardiology consult. "
                     "Phone 306-555-0177.\r\n"),
            "attached": {
                "subject": "Requisition for Marc Lavoie",
                "from": ("Regina Lab Desk", "lab.desk@example.org"),
                "recipients": [("Dr. Claire Bouchard", "claire.bouchard@example.org", 1)],
                "sent": "2024-03-01T08:00:00", "delivered": "2024-03-01T08:01:00",
                "body": "Marc Lavoie's requisition: lipid panel. Reach him at 306-555-0144.\r\n",
            },
        },
    ],
}


def build():
    store = Store()
    inbox = store.new_nid(NT_FOLDER)
    referrals = store.new_nid(NT_FOLDER)
    inbox_rows = [store.message(store.new_nid(NT_MESSAGE), inbox, m) for m in MESSAGES["Inbox"]]
    referral_rows = [store.message(store.new_nid(NT_MESSAGE), referrals, m) for m in MESSAGES["Referrals"]]
    # The root folder is its own parent, as in Outlook's files.
    store.folder(NID_ROOT_FOLDER, NID_ROOT_FOLDER, "", [(inbox, "Inbox", 2, True)], [])
    store.folder(inbox, NID_ROOT_FOLDER, "Inbox", [(referrals, "Referrals", 1, False)], inbox_rows)
    store.folder(referrals, inbox, "Referrals", [], referral_rows)
    store.message_store(NID_ROOT_FOLDER)
    # rgnid: the next free node index of each node type.
    rgnid = [0x400] * 32
    rgnid[NT_FOLDER] = store.next_index[NT_FOLDER] + 1
    rgnid[NT_MESSAGE] = store.next_index[NT_MESSAGE] + 1
    return store.ndb.write(rgnid)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_pst_fixture.py OUT_DIR")
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    pst = build()
    with open(os.path.join(out_dir, "mail.pst"), "wb") as f:
        f.write(pst)
    # Cut inside the node B-tree's pages: the header is whole, the tree not.
    with open(os.path.join(out_dir, "mail_truncated.pst"), "wb") as f:
        f.write(pst[:FIRST_FREE + 200])


if __name__ == "__main__":
    main()
