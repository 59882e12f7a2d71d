#!/usr/bin/env python3
"""Writes the small document fixtures of tests/data/documents/.

Synthetic people only. Deterministic: running it twice gives the same bytes,
so the committed fixtures can be checked against it. Needs python3-reportlab
and python3-pil (Debian 12) for PDFs; the other formats use the standard
library only.

    python3 tools/make_document_fixtures.py [OUT_DIR]
    python3 tools/make_document_fixtures.py --bench PAGES OUT_DIR

--bench writes PAGES pages of synthetic lab reports as 40 text PDFs, for
bench/document_pages.sh; --bench-scans the same pages as scans (images
without a text layer, read by OCR).
"""
import io
import os
import sys

OUT = sys.argv[-1] if len(sys.argv) in (2, 4) else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "documents")


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


# --- PDF --------------------------------------------------------------------

def signature_image():
    """A small scribble, like a scanned signature."""
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (120, 40), "white")
    draw = ImageDraw.Draw(img)
    draw.line([(5, 30), (25, 8), (40, 32), (60, 10), (80, 30), (110, 12)],
              fill="black", width=3)
    return img


def lab_report_pdf(encrypt=None):
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1, encrypt=encrypt)
    c.setFont("Helvetica", 11)
    lines = [
        "Prairie Lab Services - Laboratory Report",
        "Patient: Marie Tremblay",
        "Date of birth: 1984-03-12",
        "Phone: (306) 555-0142",
        "E-mail: marie.tremblay@example.org",
    ]
    y = 740
    for line in lines:
        c.drawString(72, y, line)
        y -= 18
    c.drawString(72, 300, "Signature:")
    c.drawImage(ImageReader(signature_image()), 140, 290, width=120, height=40)
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(72, 740, "Results reviewed. Contact the clinic at clinic.desk@example.com.")
    form = c.acroForm
    c.drawString(72, 700, "Referring physician:")
    form.textfield(name="ReferringPhysician", value="Dr. Paul Gagnon",
                   x=200, y=690, width=200, height=20)
    c.drawString(72, 660, "Patient e-mail:")
    form.textfield(name="PatientEmail", value="m.tremblay@example.net",
                   x=200, y=650, width=200, height=20)
    c.showPage()
    c.save()
    return buf.getvalue()


def pdfs():
    from reportlab.lib.pdfencrypt import StandardEncryption
    report = lab_report_pdf()
    write("lab_report.pdf", report)
    write("lab_report_truncated.pdf", report[: len(report) // 3])
    write("corrupt.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8)
    # Owner password only: anyone may open it, so must the reader.
    write("owner_only.pdf", lab_report_pdf(
        StandardEncryption("", ownerPassword="owner-secret", canPrint=0)))
    write("locked.pdf", lab_report_pdf(
        StandardEncryption("user-secret", ownerPassword="owner-secret")))


# --- Office Open XML and OpenDocument ------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zip_bytes(members):
    """A zip with fixed timestamps, members in the given order."""
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, compress in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 2, 3, 4, 5))
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            z.writestr(info, data)
    return buf.getvalue()


def w_paragraph(*runs):
    return "<w:p>" + "".join(
        '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % r for r in runs) + "</w:p>"


def docx():
    body = (w_paragraph("Referral letter") +
            w_paragraph("Patient: ", "Jean Lavoie") +
            w_paragraph("Date of birth: 1962-11-05") +
            "<w:tbl><w:tr><w:tc>" + w_paragraph("Phone") + "</w:tc><w:tc>" +
            w_paragraph("306-555-0177") + "</w:tc></w:tr></w:tbl>" +
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
            ' HYPERLINK "http://ignored.example.com" </w:instrText></w:r></w:p>')
    document = '<?xml version="1.0"?><w:document %s><w:body>%s</w:body></w:document>' % (W, body)
    footer = '<?xml version="1.0"?><w:ftr %s>%s</w:ftr>' % (
        W, w_paragraph("Questions: jean.lavoie@example.org"))
    comments = '<?xml version="1.0"?><w:comments %s><w:comment w:id="0">%s</w:comment></w:comments>' % (
        W, w_paragraph("Call him at 306-555-0199"))
    types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    return zip_bytes([
        ("[Content_Types].xml", types, True),
        ("word/document.xml", document, True),
        ("word/footer1.xml", footer, True),
        ("word/comments.xml", comments, True),
    ])


def xlsx():
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    workbook = ('<?xml version="1.0"?><workbook %s %s><sheets>'
                '<sheet name="Patients" sheetId="1" r:id="rId1"/></sheets></workbook>') % (ns, rel)
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>')
    strings = ["Name", "DOB", "Email", "Anne Roy", "anne.roy@example.com",
               "Luc Fortin", "luc.fortin@example.com"]
    shared = '<?xml version="1.0"?><sst %s>%s</sst>' % (
        ns, "".join("<si><t>%s</t></si>" % s for s in strings))
    styles = ('<?xml version="1.0"?><styleSheet %s><cellXfs count="2"><xf numFmtId="0"/>'
              '<xf numFmtId="14"/></cellXfs></styleSheet>') % ns

    def row(r, name, dob, email):
        return ('<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" s="1"><v>%d</v></c>'
                '<c r="C%d" t="s"><v>%d</v></c></row>') % (r, r, name, r, dob, r, email)
    sheet = ('<?xml version="1.0"?><worksheet %s><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
             '<c r="C1" t="s"><v>2</v></c></row>%s%s</sheetData></worksheet>') % (
        ns, row(2, 3, 28406, 4), row(3, 5, 30753, 6))  # 1977-10-08, 1984-03-12
    return zip_bytes([
        ("[Content_Types].xml", "<Types/>", True),
        ("xl/workbook.xml", workbook, True),
        ("xl/_rels/workbook.xml.rels", rels, True),
        ("xl/sharedStrings.xml", shared, True),
        ("xl/styles.xml", styles, True),
        ("xl/worksheets/sheet1.xml", sheet, True),
    ])


def pptx():
    a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    slide = ('<?xml version="1.0"?><p:sld xmlns:p="p" %s><p:cSld><p:spTree><p:sp><p:txBody>'
             '<a:p><a:r><a:t>Case review: Sophie Martin</a:t></a:r></a:p>'
             '<a:p><a:r><a:t>Contact sophie.martin@example.ca</a:t></a:r></a:p>'
             '</p:txBody></p:sp></p:spTree></p:cSld></p:sld>') % a
    return zip_bytes([("[Content_Types].xml", "<Types/>", True),
                      ("ppt/slides/slide1.xml", slide, True)])


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def odf(mimetype, body, styles=None):
    content = ('<?xml version="1.0"?><office:document-content %s><office:body>%s'
               '</office:body></office:document-content>') % (ODF_NS, body)
    members = [("mimetype", mimetype, False), ("content.xml", content, True)]
    if styles:
        members.append(("styles.xml", '<?xml version="1.0"?><office:document-styles %s>'
                        '<office:master-styles>%s</office:master-styles>'
                        '</office:document-styles>' % (ODF_NS, styles), True))
    return zip_bytes(members)


def odt():
    body = ('<office:text><text:h>Consultation</text:h>'
            '<text:p>Patient: <text:span>Claire</text:span><text:s/>Bouchard</text:p>'
            '<text:p>Phone: 306-555-0123</text:p></office:text>')
    styles = ('<style:master-page><style:footer><text:p>claire.bouchard@example.org'
              '</text:p></style:footer></style:master-page>')
    return odf("application/vnd.oasis.opendocument.text", body, styles)


def ods():
    def cell(text, date=None):
        if date:
            return ('<table:table-cell office:value-type="date" office:date-value="%s">'
                    '<text:p>%s</text:p></table:table-cell>') % (date, text)
        return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % text
    rows = ("<table:table-row>%s</table:table-row>" % (cell("Name") + cell("DOB") + cell("Email")) +
            "<table:table-row>%s</table:table-row>" % (
                cell("Paul Girard") + cell("12/03/1990", "1990-03-12") + cell("paul.girard@example.com")) +
            '<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
            'table:number-columns-repeated="1024"/></table:table-row>')
    body = '<office:spreadsheet><table:table table:name="Clinic">%s</table:table></office:spreadsheet>' % rows
    return odf("application/vnd.oasis.opendocument.spreadsheet", body)


def office():
    for name, data in (("referral.docx", docx()), ("patients.xlsx", xlsx()),
                       ("case_review.pptx", pptx()), ("consult.odt", odt()),
                       ("clinic.ods", ods())):
        write(name, data)
        stem, ext = name.rsplit(".", 1)
        write("%s_truncated.%s" % (stem, ext), data[: len(data) // 2])
    # Well-formed zip, malformed main part.
    write("broken_xml.docx", zip_bytes([
        ("[Content_Types].xml", "<Types/>", True),
        ("word/document.xml", "<w:document %s><w:body><w:p>unclosed" % W, True)]))


# --- E-mail -----------------------------------------------------------------

def b64(data):
    import base64
    enc = base64.b64encode(data).decode()
    return "\n".join(enc[i:i + 76] for i in range(0, len(enc), 76))


LAB_CSV = b"name,health_card,email\nNadia Poirier,123456789,nadia.poirier@example.com\n"


def results_email(message_id, attachment):
    """A message with a text and an HTML body and one attachment."""
    return ("""From: "Dr. Paul Gagnon" <p.gagnon@clinic.example.org>
To: =?utf-8?q?Ren=C3=A9e_Ouellet?= <renee.ouellet@example.com>
Cc: Front Desk <desk@clinic.example.org>, Billing <billing@clinic.example.org>
Subject: Your results
Date: Tue, 02 Jan 2024 10:00:00 -0600
Message-ID: <%s@clinic.example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Dear Renée, call us at 306-555-0166.

--alt
Content-Type: text/html; charset=utf-8

<html><body><p>Dear Ren&eacute;e, call us at <b>306-555-0166</b>.</p></body></html>

--alt--

--outer
Content-Type: text/csv; name="lab.csv"
Content-Disposition: attachment; filename="lab.csv"
Content-Transfer-Encoding: base64

%s

--outer--
""" % (message_id, b64(attachment))).replace("\n", "\r\n")


def emails():
    eml = results_email("m1", LAB_CSV)
    write("results.eml", eml.encode())
    # Cut inside the bodies: the headers are whole.
    write("results_truncated.eml", eml.encode()[: eml.index("Content-Type: text/plain")])
    second = """From: Nadia Poirier <nadia.poirier@example.com>
To: Lab Results <desk@clinic.example.org>
Subject: Appointment
Date: Wed, 03 Jan 2024 09:00:00 -0600

Please move my appointment. My phone is 306-555-0188.
"""
    mbox = ("From p.gagnon@clinic.example.org Tue Jan  2 10:00:00 2024\n" +
            results_email("m2", LAB_CSV).replace("\r\n", "\n") +
            "\nFrom nadia.poirier@example.com Wed Jan  3 09:00:00 2024\n" + second)
    write("inbox.mbox", mbox.encode())


# --- Legacy Office 97-2003 (OLE2 compound files) ------------------------------

def compound_file(streams):
    """An OLE2 compound file (version 3, 512-byte sectors) holding `streams`
    ({name: bytes}) in its root storage. Streams are padded to the 4096-byte
    mini-stream cutoff so that every one lives in regular sectors."""
    import struct
    free, end, fat_mark = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    data, fat, starts = b"", [], {}
    for name in names:
        body = streams[name].ljust(max(4096, -(-len(streams[name]) // 512) * 512), b"\0")
        starts[name] = len(fat)
        count = len(body) // 512
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [end]
        data += body

    def entry(name, kind, child, right, start, size):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) +
                struct.pack("<III", free, right, child) + bytes(16) + bytes(4) + bytes(16) +
                struct.pack("<IQ", start, size))
    # Root, then the streams as a chain of right siblings in tree order.
    directory = entry("Root Entry", 5, 1 if names else free, free, end, 0)
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else free
        size = max(4096, len(streams[name]))  # the padding is part of the stream
        directory += entry(name, 2, free, right, starts[name], size)
    directory = directory.ljust(-(-len(directory) // 512) * 512, b"\0")
    dir_start = len(fat)
    dir_count = len(directory) // 512
    fat += [dir_start + i + 1 for i in range(dir_count - 1)] + [end]
    fat_sectors = -(-(len(fat) + 1) // 128)
    fat_start = len(fat)
    fat += [fat_mark] * fat_sectors
    fat += [free] * (fat_sectors * 128 - len(fat))
    difat = [fat_start + i for i in range(fat_sectors)] + [free] * (109 - fat_sectors)
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16) +
              struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6) +
              struct.pack("<IIIIIIIII", 0, fat_sectors, dir_start, 0, 4096, end, 0, end, 0) +
              struct.pack("<109I", *difat))
    return header + data + directory + struct.pack("<%dI" % len(fat), *fat)


def word97(pieces, ccp_text, flags=0x0200):
    """A Word 97 WordDocument and 1Table stream: a FIB, then `pieces` of
    text ((text, compressed) pairs) and the piece table pointing at them.
    The first `ccp_text` characters are the main text."""
    import struct
    text, pcds, cps, cp = b"", [], [0], 0
    base = 0x400
    for chars, compressed in pieces:
        fc = base + len(text)
        if compressed:
            text += chars.encode("cp1252")
            pcds.append(struct.pack("<HIH", 0, (fc * 2) | 0x40000000, 0))
        else:
            text += chars.encode("utf-16-le")
            pcds.append(struct.pack("<HIH", 0, fc, 0))
        cp += len(chars)
        cps.append(cp)
    plc = struct.pack("<%dI" % len(cps), *cps) + b"".join(pcds)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    lw = [0] * 22
    lw[3] = ccp_text
    lw[5] = cp - ccp_text  # the rest: headers and footers
    fclcb = [0] * (93 * 2)
    fclcb[66], fclcb[67] = 0, len(clx)  # fcClx, lcbClx
    fib = (struct.pack("<HHHHHHHIBBHHHII", 0xA5EC, 0xC1, 0, 0x0409, 0, flags, 0xBF, 0, 0, 0,
                       0, 0, 0, 0, 0)[:0x20].ljust(0x20, b"\0") +
           struct.pack("<H", 14) + bytes(28) + struct.pack("<H", 22) +
           struct.pack("<22I", *lw) + struct.pack("<H", 93) +
           struct.pack("<186I", *fclcb) + struct.pack("<H", 0))
    return {"WordDocument": fib.ljust(base, b"\0") + text, "1Table": clx}


def doc_files():
    body = ("Referral letter\r"
            "Patient: Jean Lavoie, Genève clinic\r"
            "Date of birth: 1962-11-05\r"
            "Phone\x07306-555-0177\x07\x07\r")
    field = ("Mail \x13 HYPERLINK \"mailto:ignored@example.com\" \x14"
             "jean.lavoie@example.org\x15 today\r")
    footer = "Questions: 306-555-0199 \u2014 Dr. Ana Roy\r"
    streams = word97([(body, True), (field + footer, False)], len(body) + len(field))
    whole = compound_file(streams)
    write("referral.doc", whole)
    write("referral_truncated.doc", whole[: len(whole) // 2])
    locked = word97([(body, True)], len(body), flags=0x0200 | 0x0100)
    write("locked.doc", compound_file(locked))
    write("slides.ppt", compound_file({"PowerPoint Document": b"\0" * 64,
                                       "Current User": b"\0" * 16}))


def biff_record(kind, data):
    import struct
    return struct.pack("<HH", kind, len(data)) + data


def xls_workbook(encrypted=False):
    """A BIFF8 Workbook stream: one worksheet "Patients" (header row, two
    patients, birth dates as serial numbers under a date format). The shared
    strings continue into a CONTINUE record in the middle of a string,
    switching to 16-bit characters there."""
    import struct
    bof = lambda kind: biff_record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0, 1997, 0, 6))
    strings = ["Name", "DOB", "Email", "Anne Roy", "anne.roy@example.com",
               "Luc Fortin", "luc.fortin@example.com"]
    sst = struct.pack("<II", len(strings), len(strings))
    for text in strings[:-1]:
        sst += struct.pack("<HB", len(text), 0) + text.encode("latin-1")
    last = strings[-1]
    sst += struct.pack("<HB", len(last), 0) + last[:5].encode("latin-1")
    cont = b"\x01" + last[5:].encode("utf-16-le")
    xf = lambda fmt: biff_record(0x00E0, struct.pack("<HH", 0, fmt) + bytes(16))
    head = bof(0x0005)
    if encrypted:
        head += biff_record(0x002F, bytes(54))
    name = b"Patients"

    def globals_(sheet_at):
        return (head + xf(0) + xf(14) +
                biff_record(0x0085, struct.pack("<IBBBB", sheet_at, 0, 0, len(name), 0) + name) +
                biff_record(0x00FC, sst) + biff_record(0x003C, cont) + biff_record(0x000A, b""))
    sheet_at = len(globals_(0))
    label = lambda r, c, i: biff_record(0x00FD, struct.pack("<HHHI", r, c, 0, i))
    sheet = (bof(0x0010) +
             label(0, 0, 0) + label(0, 1, 1) + label(0, 2, 2) +
             label(1, 0, 3) + biff_record(0x0203, struct.pack("<HHHd", 1, 1, 1, 28406.0)) +
             label(1, 2, 4) +
             label(2, 0, 5) + biff_record(0x027E, struct.pack("<HHHI", 2, 1, 1, (30753 << 2) | 2)) +
             label(2, 2, 6) + biff_record(0x000A, b""))
    return globals_(sheet_at) + sheet


def xls_files():
    whole = compound_file({"Workbook": xls_workbook()})
    write("patients.xls", whole)
    write("patients_truncated.xls", whole[: len(whole) * 2 // 3])
    write("locked.xls", compound_file({"Workbook": xls_workbook(encrypted=True)}))


# --- DICOM ------------------------------------------------------------------

def dicom_element(group, element, vr, value):
    """One explicit-VR little-endian element, value padded to even length."""
    import struct
    if len(value) % 2:
        value += b"\0" if vr in ("UI", "OB") else b" "
    head = struct.pack("<HH", group, element) + vr.encode()
    if vr in ("OB", "OW", "UN", "SQ", "UT"):
        return head + b"\0\0" + struct.pack("<I", len(value)) + value
    return head + struct.pack("<H", len(value)) + value


def dicom():
    import struct
    meta = dicom_element(0x0002, 0x0010, "UI", b"1.2.840.10008.1.2.1")
    meta = dicom_element(0x0002, 0x0000, "UL", struct.pack("<I", len(meta))) + meta
    data = b"".join([
        dicom_element(0x0008, 0x0020, "DA", b"20240105"),
        dicom_element(0x0008, 0x0021, "DA", b"20240105"),
        dicom_element(0x0008, 0x0022, "DA", b"20240106"),
        dicom_element(0x0008, 0x0080, "LO", b"Regina Imaging Clinic"),
        dicom_element(0x0008, 0x0090, "PN", b"Gagnon^Paul^^Dr."),
        dicom_element(0x0010, 0x0010, "PN", b"Tremblay^Marie"),
        dicom_element(0x0010, 0x0020, "LO", b"MRN-448812"),
        dicom_element(0x0010, 0x0030, "DA", b"19840312"),
        dicom_element(0x0010, 0x0040, "CS", b"F"),
        dicom_element(0x7FE0, 0x0010, "OB", bytes(range(64))),
    ])
    whole = b"\0" * 128 + b"DICM" + meta + data
    write("chest.dcm", whole)
    write("chest_truncated.dcm", whole[: 132 + len(meta) + 40])
    # A value that declares 2 GB where 16 bytes follow: must be refused,
    # never allocated.
    huge = (dicom_element(0x0008, 0x0020, "DA", b"20240105")
            + struct.pack("<HH", 0x0009, 0x1010) + b"OB\0\0"
            + struct.pack("<I", 0x80000000) + bytes(16))
    write("chest_huge_length.dcm", b"\0" * 128 + b"DICM" + meta + huge)


# --- Scans (OCR) -------------------------------------------------------------

def text_image(lines):
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 28)
    img = Image.new("L", (900, 60 + 44 * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((30, 30 + 44 * i), line, fill=0, font=font)
    return img


def scans():
    img = text_image(["Requisition", "Patient: Marie Tremblay", "Phone: (306) 555-0142",
                      "marie.tremblay@example.org"])
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    write("requisition.png", buf.getvalue())
    pages = [text_image(["Fax page one", "Call 306-555-0110"]).convert("1"),
             text_image(["Fax page two", "luc.fortin@example.com"]).convert("1")]
    buf = io.BytesIO()
    pages[0].save(buf, "TIFF", compression="group4", save_all=True, append_images=pages[1:])
    write("fax.tiff", buf.getvalue())
    # A scanned requisition as a PDF page without a text layer.
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.drawImage(ImageReader(img), 36, 500, width=540, height=540 * img.height / img.width)
    c.showPage()
    c.save()
    write("scanned.pdf", buf.getvalue())


def bench_pdfs(pages, scanned=False):
    """Synthetic report pages: 40 lines of patient details and narrative;
    scanned: the same pages as images without a text layer (for OCR)."""
    import random
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas
    rng = random.Random(7)
    given = ["Marie", "Jean", "Claire", "Luc", "Anne", "Paul", "Nadia", "Sophie"]
    family = ["Tremblay", "Gagnon", "Roy", "Bouchard", "Fortin", "Girard", "Poirier"]
    files = 40
    for file_idx in range(files):
        c = canvas.Canvas(os.path.join(OUT, "report_%02d.pdf" % file_idx), pagesize=letter,
                          invariant=1)
        for _ in range(pages // files + (1 if file_idx < pages % files else 0)):
            c.setFont("Helvetica", 9)
            y = 760
            name = "%s %s" % (rng.choice(given), rng.choice(family))
            lines = ["Patient: %s" % name,
                     "Date of birth: %04d-%02d-%02d" % (rng.randint(1930, 2015), rng.randint(1, 12),
                                                        rng.randint(1, 28)),
                     "Phone: (306) 555-%04d" % rng.randint(0, 9999),
                     "E-mail: %s@example.org" % name.lower().replace(" ", ".")]
            while len(lines) < 40:
                lines.append("Seen for follow-up; results within normal limits, "
                             "glucose %.1f mmol/L, weight %d kg. Next visit in %d weeks." % (
                                 rng.uniform(4, 9), rng.randint(50, 110), rng.randint(1, 12)))
            if scanned:
                from reportlab.lib.utils import ImageReader
                img = scan_page(lines)
                c.drawImage(ImageReader(img), 0, 0, width=612, height=792)
            else:
                for line in lines:
                    c.drawString(50, y, line)
                    y -= 17
            c.showPage()
        c.save()


def scan_page(lines):
    """A letter page at 200 dpi, 1-bit, as a fax machine or scanner writes."""
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 25)
    img = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((140, 140 + 47 * i), line, fill=0, font=font)
    return img.convert("1")


def main():
    if len(sys.argv) == 4 and sys.argv[1] in ("--bench", "--bench-scans"):
        os.makedirs(OUT, exist_ok=True)
        bench_pdfs(int(sys.argv[2]), scanned=sys.argv[1] == "--bench-scans")
        return
    os.makedirs(OUT, exist_ok=True)
    pdfs()
    office()
    emails()
    doc_files()
    xls_files()
    dicom()
    scans()


if __name__ == "__main__":
    main()
