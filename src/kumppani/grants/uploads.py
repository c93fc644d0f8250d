"""Attachments of grant applications: what may be uploaded, and where it is kept.

The type of a file is read from its content (its first bytes, and for the zip-based office
formats the member that only that format has), never from its name, so a program renamed
`budget.pdf` is refused. Files are stored under a generated name in a private directory
that no URL serves: only the permission-checked download view hands them out.
"""

import os
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files kept under settings.PRIVATE_MEDIA_ROOT, read at use so tests can point it elsewhere."""

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


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    label: str
    # Extensions a person may have given the file for this content (".jpg" and ".jpeg" …).
    names: tuple[str, ...]


PDF = FileType("application/pdf", "pdf", "PDF", ("pdf",))
PNG = FileType("image/png", "png", "PNG", ("png",))
JPEG = FileType("image/jpeg", "jpg", "JPEG", ("jpg", "jpeg"))
# Word 97–2003 and Excel 97–2003 share one container format; telling them apart needs a full
# parser, so either name is accepted for it.
OLE = FileType("application/msword", "doc", "Word / Excel 97–2003", ("doc", "xls"))
DOCX = FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word", ("docx",))
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel", ("xlsx",))
PPTX = FileType(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "PowerPoint", ("pptx",)
)
ODT = FileType("application/vnd.oasis.opendocument.text", "odt", "OpenDocument", ("odt",))
ODS = FileType("application/vnd.oasis.opendocument.spreadsheet", "ods", "OpenDocument", ("ods",))

ALLOWED_NAMES = sorted({name for kind in (PDF, PNG, JPEG, OLE, DOCX, XLSX, PPTX, ODT, ODS) for name in kind.names})
ACCEPT = ",".join(f".{name}" for name in ALLOWED_NAMES)  # for <input type=file accept=…>
_OOXML_MEMBERS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
_ODF_MIMETYPES = {ODT.content_type.encode(): ODT, ODS.content_type.encode(): ODS}


def detect(file) -> FileType | None:
    """The type of the uploaded file by its content, or None when it is none of the allowed ones."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    return _ODF_MIMETYPES.get(archive.read("mimetype").strip())
                return next((kind for member, kind in _OOXML_MEMBERS.items() if member in names), None)
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
        finally:
            file.seek(0)
    return None


def display_name(name: str) -> str:
    """The person's own file name, checked: no folders, no hidden or control characters."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("The file has no name."), code="name")
    if "/" in name or "\\" in name or ".." in name or name.startswith(".") or ":" in name:
        raise ValidationError(
            _(
                "The file name “%(name)s” is not allowed: a name must not contain folders or “..”. Rename the file and try again."
            ),
            code="name",
            params={"name": name[:80]},
        )
    if any(not char.isprintable() for char in name):
        raise ValidationError(_("The file name contains characters that are not allowed."), code="name")
    return name[:200]


@dataclass(frozen=True)
class CheckedUpload:
    file_type: FileType
    original_name: str
    stored_name: str
    size: int

    @property
    def content_type(self) -> str:
        if self.file_type is OLE and self.stored_name.endswith(".xls"):
            return "application/vnd.ms-excel"
        return self.file_type.content_type


def check(file, *, name: str | None = None) -> CheckedUpload:
    """Refuse the file unless its name is safe, its size within the limit and its content an
    allowed type that agrees with its name. Returns what to store; changes nothing."""
    original = display_name(file.name if name is None else name)
    limit = settings.GRANT_ATTACHMENT_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file “%(name)s” is too large (%(size)s). The largest allowed size is %(limit)s."),
            code="size",
            params={"name": original, "size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    if file.size == 0:
        raise ValidationError(_("The file “%(name)s” is empty."), code="empty", params={"name": original})
    file_type = detect(file)
    if file_type is None:
        raise ValidationError(
            _(
                "The file “%(name)s” is not a PDF, an office document or an image (JPEG, PNG). "
                "Save it as PDF and try again."
            ),
            code="type",
            params={"name": original},
        )
    extension = os.path.splitext(original)[1].lower().lstrip(".")
    if extension not in file_type.names:
        raise ValidationError(
            _("The file “%(name)s” is named as a .%(extension)s file, but its content is %(label)s."),
            code="type",
            params={"name": original, "extension": extension or "?", "label": file_type.label},
        )
    stored = f"{uuid.uuid4().hex}.{extension}"
    return CheckedUpload(file_type=file_type, original_name=original, stored_name=stored, size=file.size)
