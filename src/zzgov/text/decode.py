"""Bytes -> text in the encodings Chinese government files really come in.

Order of trust: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), then strict UTF-8, then
UTF-16 without a BOM (Word exports: every other byte NUL), then GB18030 (a superset of GBK
and GB2312).  The decoded text is what every span points into, so nothing else is changed
here: CRLF and CR line ends stay as they are.

>>> decode_bytes("郑政办".encode("gb18030"))
('郑政办', 'gb18030')
"""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """The bytes are not a text document zzgov can read (empty, binary, unknown encoding)."""


# (BOM, codec used to decode, name recorded in source.encoding). UTF-32 before UTF-16:
# the UTF-32 LE BOM starts with the UTF-16 LE BOM.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# Control characters other than tab, line feed, form feed and carriage return. Text copied
# from PDFs may hold a few NULs; a file with many is binary (or UTF-16 without a BOM).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
_BINARY_CONTROL_SHARE = 0.10
_SNIFF_BYTES = 8192


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / max(len(head), 1) > _BINARY_CONTROL_SHARE


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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises DecodeError with a one-line reason."""
    if not data:
        raise DecodeError("empty file")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"damaged {name} text at byte {exc.start}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _looks_binary(data):
            utf16 = _utf16_without_bom(data)
            if utf16:
                try:
                    return data.decode(utf16), utf16
                except UnicodeDecodeError:
                    pass
            raise DecodeError("binary file, not text")
        return text, "utf-8"
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        raise DecodeError("binary file, not text")
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not UTF-8, UTF-16 or GB18030 text (bad byte at {exc.start})") from None
