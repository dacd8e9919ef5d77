"""Bytes -> text in the encodings Chinese government files really come in.

Order of trust: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), then strict UTF-8, then
UTF-16 without a BOM (Word exports), then GB18030 (a superset of GBK and GB2312).  Files
arrive damaged, so two lenient steps follow: a file cut off inside a multibyte character, or
one with a few damaged bytes in otherwise clean UTF-8 / GB18030, is decoded with U+FFFD in
place of the bad bytes and a warning saying so.

Web pages, Word files and PDFs are recognised by their content and handed to zzgov.formats,
which extracts their text (the text spans then point into) and says where it came from
(`format`, `extractor`, PDF page offsets, table cells).  What stays unreadable (an old binary
.doc, an encrypted or image-only PDF, images, archives, many control bytes) and text in no
known encoding raise `DecodeError` with a one-line reason that says what to do.

The decoded text is what every span points into, so nothing else is changed here: CRLF and
CR line ends, NUL bytes and a trailing NUL padding stay as they are (parsers treat NUL as a
blank).

>>> decode_bytes("郑政办".encode("gb18030"))
('郑政办', 'gb18030')
>>> d = decode("郑政办".encode("utf-8")[:-1])
>>> d.text, d.encoding, len(d.warnings)
('郑政\\ufffd', 'utf-8', 1)
"""

from __future__ import annotations

import codecs
import threading
from dataclasses import dataclass


class DecodeError(ValueError):
    """The bytes are not a text document zzgov can read (empty, binary, unknown encoding)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # codec name, recorded in source.encoding
    warnings: tuple[str, ...] = ()  # damage repaired while decoding
    format: str = "text"  # "text", or the zzgov.formats format the text was extracted from
    extractor: str | None = None  # the library (and version) that extracted it
    pages: tuple[int, ...] = ()  # PDF: offset of each page's first character
    cells: tuple = ()  # zzgov.formats.Cell: table cells the text came from


# (BOM, codec used to decode, name recorded in source.encoding). UTF-32 before UTF-16:
# the UTF-32 LE BOM starts with the UTF-16 LE BOM.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# File signatures of the binary formats that land in the same folders as the texts.
# PDFs, ZIP packages (.docx) and OLE2 files (.doc) go to zzgov.formats first.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"{\\rtf", "an RTF document"),
)

# Control characters other than tab, line feed, form feed and carriage return. Text copied
# from PDFs may hold a few NULs; a file with many is binary (or UTF-16 without a BOM).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
# Every other byte, to delete with bytes.translate and count what is left (a C loop).
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_BINARY_CONTROL_SHARE = 0.10
_SNIFF_BYTES = 8192
_NUL_PADDING_WARN = 16  # a trailing run of this many NULs is worth a warning

# Lenient decoding: accept damage when this many good non-ASCII characters stand against
# each damaged byte sequence (GB18030 read as UTF-8 has far more bad than good sequences).
_GOOD_PER_BAD = 50
# UTF-16 without a BOM and without ASCII NULs: this share of the characters must be ones a
# Chinese document is made of.
_UTF16_PLAUSIBLE_SHARE = 0.9


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if not head:
        return True  # nothing but NULs
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls / len(head) > _BINARY_CONTROL_SHARE


def _utf16_without_bom(data: bytes) -> str | None:
    """Name the UTF-16 byte order when NULs sit at every other byte (ASCII-heavy Word text)."""
    head = data[:_SNIFF_BYTES]
    if len(head) < 4 or len(head) % 2:
        return None
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = len(head) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _plausible_char(c: str) -> bool:
    o = ord(c)
    return (
        0x20 <= o < 0x7F
        or c in "\t\n\r\x0c"
        or 0x4E00 <= o <= 0x9FFF  # CJK unified ideographs
        or 0x3000 <= o <= 0x303F  # CJK punctuation
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x2000 <= o <= 0x206F  # general punctuation: “ ” — …
        or 0x2150 <= o <= 0x24FF  # number forms, arrows, circled numbers ①
        or 0x2500 <= o <= 0x25FF  # box drawing, geometric shapes ■ ○
        or 0x3400 <= o <= 0x4DBF  # CJK extension A
        or 0xA0 <= o <= 0x24F  # Latin-1 and Latin extended
    )


def _utf16_cjk(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM whose text is mostly Chinese (few NULs to sniff): decode both
    byte orders strictly and keep the one made of the characters a document uses."""
    if len(data) < 16 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        if sum(map(_plausible_char, sample)) >= _UTF16_PLAUSIBLE_SHARE * len(sample) and "\n" in text:
            return text, codec
    return None


# --- lenient decoding: count the damage while replacing it ------------------------------

_state = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    errors = _state.errors
    errors.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("zzgov-count-replace", _count_and_replace)


@dataclass(frozen=True)
class _Lenient:
    text: str
    errors: list[tuple[int, int]]  # damaged byte ranges
    size: int  # bytes decoded

    @property
    def cut_at_end(self) -> bool:
        """The only damage is an incomplete character at the very end (a truncated file)."""
        return len(self.errors) == 1 and self.errors[0][1] == self.size and self.size - self.errors[0][0] <= 3

    def good_non_ascii(self) -> int:
        return sum(1 for c in self.text if ord(c) > 0x7F) - len(self.errors)


def _lenient(data: bytes, codec: str) -> _Lenient:
    _state.errors = []
    try:
        text = data.decode(codec, errors="zzgov-count-replace")
        return _Lenient(text, _state.errors, len(data))
    finally:
        _state.errors = []


def _repaired(lenient: _Lenient, name: str, extra: list[str]) -> Decoded:
    if lenient.cut_at_end:
        msg = (f"the file ends inside a {name} character (cut off?); "
               "the incomplete character was replaced with U+FFFD")
    else:
        n = len(lenient.errors)
        msg = (f"{n} damaged byte sequence{'s' if n > 1 else ''} could not be decoded as {name} "
               f"and {'were' if n > 1 else 'was'} replaced with U+FFFD (first at byte {lenient.errors[0][0]})")
    return Decoded(lenient.text, name, tuple(extra + [msg]))


def _acceptable(lenient: _Lenient) -> bool:
    return lenient.cut_at_end or lenient.good_non_ascii() >= _GOOD_PER_BAD * len(lenient.errors)


# --- entry points --------------------------------------------------------------------------


def decode(data: bytes) -> Decoded:
    """The text of a file's bytes: a web page, Word file or PDF extracted by zzgov.formats,
    anything else decoded as plain text; raises DecodeError with a one-line reason."""
    if not data:
        raise DecodeError("empty file")
    from zzgov.formats import FormatError, extract, sniff

    fmt = sniff(data)
    if fmt is None:
        return decode_text(data)
    try:
        got = extract(data, fmt)
    except FormatError as exc:
        raise DecodeError(str(exc)) from None
    return Decoded(got.text, got.encoding, got.warnings, got.format, got.extractor, got.pages, got.cells)


def decode_text(data: bytes) -> Decoded:
    """Decode the bytes of a plain text file; raises DecodeError with a one-line reason."""
    if not data:
        raise DecodeError("empty file")
    for sig, what in _SIGNATURES:
        if data.startswith(sig):
            hint = ("; run OCR on it first" if "image" in what
                    else "; save it as .docx or PDF" if "RTF" in what else "")
            raise DecodeError(f"binary file ({what}), not text{hint}")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data, bom, codec, name)

    warnings: list[str] = []
    body = data.rstrip(b"\x00")
    padding = len(data) - len(body)
    if padding >= _NUL_PADDING_WARN and body:
        warnings.append(f"the file ends with {padding} NUL bytes (padding from an interrupted copy?)")
    if _looks_binary(body):
        # UTF-16 without a BOM has NULs (ASCII) and control bytes (in CJK code units).
        utf16 = _utf16_without_bom(data)
        if utf16:
            try:
                return Decoded(data.decode(utf16), utf16)
            except UnicodeDecodeError:
                pass
        found = _utf16_cjk(data)
        if found:
            return Decoded(*found)
        raise DecodeError("binary file, not text")

    try:
        return Decoded(data.decode("utf-8"), "utf-8", tuple(warnings))
    except UnicodeDecodeError:
        pass
    as_utf8 = _lenient(data, "utf-8")
    if _acceptable(as_utf8):
        return _repaired(as_utf8, "utf-8", warnings)
    found = _utf16_cjk(data)
    if found:
        return Decoded(found[0], found[1], tuple(warnings))
    try:
        return Decoded(data.decode("gb18030"), "gb18030", tuple(warnings))
    except UnicodeDecodeError:
        pass
    as_gb = _lenient(data, "gb18030")
    if _acceptable(as_gb):
        return _repaired(as_gb, "gb18030", warnings)
    first = min(as_utf8.errors[0][0], as_gb.errors[0][0])
    raise DecodeError(f"not UTF-8, UTF-16 or GB18030 text (undecodable bytes from byte {first})")


def _decode_bom(data: bytes, bom: bytes, codec: str, name: str) -> Decoded:
    if len(data) == len(bom):
        raise DecodeError("empty file (only a byte-order mark)")
    try:
        return Decoded(data.decode(codec), name)
    except UnicodeDecodeError:
        pass
    lenient = _lenient(data, codec)
    good = len(lenient.text) - len(lenient.errors)
    if lenient.cut_at_end or good >= _GOOD_PER_BAD * len(lenient.errors):
        return _repaired(lenient, name, [])
    raise DecodeError(f"damaged {name} text at byte {lenient.errors[0][0]}")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises DecodeError with a one-line reason.

    `decode()` also returns the warnings about damage it repaired."""
    d = decode(data)
    return d.text, d.encoding


def file_name_text(name: str) -> str:
    """A file name as a record stores it: bytes of the name that were not UTF-8 (which Python
    holds as lone surrogates, see os.fsdecode, and which no JSON, YAML or UTF-8 output can
    carry) written as `\\xNN`, so the record keeps every byte and stays valid UTF-8.  Other
    lone surrogates become `\\udNNN`; a name that is valid UTF-8 comes back as it is.

    >>> file_name_text("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    >>> file_name_text("郑州.txt")
    '郑州.txt'
    """
    if name.isascii() or not any("\ud800" <= c <= "\udfff" for c in name):
        return name
    return "".join(
        (f"\\x{ord(c) - 0xDC00:02x}" if "\udc80" <= c <= "\udcff" else f"\\u{ord(c):04x}")
        if "\ud800" <= c <= "\udfff" else c
        for c in name
    )
