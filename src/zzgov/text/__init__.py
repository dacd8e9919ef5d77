"""Text layer shared by every parser: decoding, lines, and cleaned views with offset maps."""

from zzgov.text.clean import Clean, clean, fold_char, fold
from zzgov.text.decode import DecodeError, decode_bytes
from zzgov.text.lines import Line, split_lines

__all__ = ["Clean", "clean", "fold", "fold_char", "DecodeError", "decode_bytes", "Line", "split_lines"]
