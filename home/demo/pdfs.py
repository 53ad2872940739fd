"""Small real PDF files for demo documents, written locally with fpdf2 (no download).

fpdf2 embeds a TrueType font, so the Vietnamese text is real text that pypdf reads back (the
demo documents are found by words of their files). Without DejaVu Sans on the machine the
text is written without diacritics in a core font, still searchable.
"""

import logging
from pathlib import Path

from fpdf import FPDF

from cms.vietnamese import strip_diacritics

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# fontTools reports every table it subsets at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)


def document_pdf(heading: str, number: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF: the issuer's header, the number, the heading and the lines."""
    pdf = FPDF(format="A4")
    pdf.set_title(heading)
    pdf.add_page()
    if Path(FONT).exists():
        pdf.add_font("DejaVu", fname=FONT)
        pdf.set_font("DejaVu", size=12)
        write = str
    else:  # pragma: no cover - every supported machine has DejaVu
        pdf.set_font("Helvetica", size=12)

        def write(text: str) -> str:
            return strip_diacritics(text).replace("đ", "d").replace("Đ", "D")

    pdf.cell(0, 8, write(f"Số: {number}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 8, write(heading.upper()), align="C")
    pdf.ln(4)
    for line in lines:
        pdf.multi_cell(0, 7, write(line))
        pdf.ln(2)
    return bytes(pdf.output())
