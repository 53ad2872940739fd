"""The text of uploaded PDF files, extracted once at upload and stored for search.

pypdf does it: pure Python (no system library to install on every app server), maintained
(monthly releases), and it reads the ToUnicode maps Vietnamese PDFs from Word and LibreOffice
carry, so "Đảng ủy" comes out as typed. pdfminer.six reads layout better, which search does
not need, and is several times slower. A scanned PDF has no text layer: it yields "" and is
found by its number and summary only. A broken or encrypted file yields "" too: an upload is
never refused for its text.
"""

import logging
import unicodedata

from django.db.models.signals import post_save

logger = logging.getLogger(__name__)

# Enough for search; a 300-page report is not read to its end on every upload.
MAX_PAGES = 50
MAX_CHARACTERS = 200_000


def extract_pdf_text(file) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        file.seek(0)
        reader = PdfReader(file)
        if reader.is_encrypted:
            return ""
        parts, length = [], 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text)
            if length >= MAX_CHARACTERS:
                break
    except (PyPdfError, ValueError, TypeError, KeyError, OSError, RecursionError) as error:
        logger.warning("No text from %s: %s", getattr(file, "name", "?"), error)
        return ""
    finally:
        file.seek(0)
    text = " ".join(" ".join(parts).split())[:MAX_CHARACTERS]
    return unicodedata.normalize("NFC", text)


def document_text(document) -> str:
    if document.file_extension.lower() != "pdf":
        return ""
    with document.file.open("rb") as file:
        return extract_pdf_text(file)


def store_document_text(sender, instance, created: bool = False, **kwargs) -> None:
    """post_save of a document: its file's text, extracted again on every save (a replaced
    file is saved through the same form)."""
    from media_library.models import DocumentText

    if kwargs.get("raw") or not instance.file:
        return
    DocumentText.objects.update_or_create(
        document=instance, defaults={"text": document_text(instance)}
    )


def connect(document_model) -> None:
    post_save.connect(store_document_text, sender=document_model, dispatch_uid="document_text")
