#!/usr/bin/env python3
"""Writes the small document fixtures of tests/data/documents/.

Synthetic people only. Deterministic: running it twice gives the same bytes,
so the committed fixtures can be checked against it. Needs python3-reportlab
and python3-pil (Debian 12) for PDFs; the other formats use the standard
library only.

    python3 tools/make_document_fixtures.py [OUT_DIR]
"""
import io
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
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


def main():
    os.makedirs(OUT, exist_ok=True)
    pdfs()


if __name__ == "__main__":
    main()
