"""Background documents and council minutes: kept under a generated name in a private directory that
no URL serves; the permission-checked download view hands them out. Only PDF and OpenDocument or
Word files, told apart by their content, not their name."""

import os
import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT, read at use so tests can point it elsewhere."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; use the download view.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def _detect(file) -> str | None:
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names and archive.read("mimetype").strip() == TYPES["odt"].encode():
                    return "odt"
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
        finally:
            file.seek(0)
    return None


def check(file) -> tuple[str, str, str]:
    """(the person's file name, the stored name, the content type), or a ValidationError."""
    name = os.path.basename((file.name or "").strip())[:200]
    if not name or any(not char.isprintable() for char in name):
        raise ValidationError(_("The file name is not allowed. Rename the file and try again."), code="name")
    if file.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if file.size > MAX_BYTES:
        raise ValidationError(_("The file is too large: at most 20 MB."), code="size")
    kind = _detect(file)
    if kind is None:
        raise ValidationError(_("Upload a PDF, Word (.docx) or OpenDocument (.odt) file."), code="type")
    return name, f"{uuid.uuid4().hex}.{kind}", TYPES[kind]
