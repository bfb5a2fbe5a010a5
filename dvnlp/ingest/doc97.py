"""Word 97–2003 ``.doc`` bytes: the TCVN3 ``ư`` that Word stores as an optional hyphen.

TCVN3 (``.VnTime``) writes ``ư`` as byte 0xAD, Latin-1's soft hyphen. A ``.doc`` writer may
store that character as Word's *optional hyphen*, character 0x1F of the text stream (LibreOffice
does), and ``antiword``/``catdoc`` rightly drop optional hyphens, so every ``ư`` of the document
vanishes (``Thường trực`` → ``Thng trc``). :func:`restore_tcvn3_soft_hyphens` rewrites those
0x1F characters to 0xAD in place — same length, so the compound file stays valid — before the
tool runs; the tool then prints U+00AD, which the TCVN3 conversion reads as ``ư``.

It does so only when the document's font table names a TCVN3 font (``.VnTime``, ``.VnArial``…):
in any other document 0x1F is a genuine optional hyphen. The caller removes the U+00AD that are
left unconverted (genuine optional hyphens of non-TCVN3 paragraphs).

The reader follows the OLE2 compound file (header, FAT, mini FAT, directory) and the Word 97
FIB → piece table (CLX) → text pieces (8-bit "compressed" or UTF-16). Anything unexpected
(Word 6/95, encrypted, damaged) gives ``None``: the file is then passed to the tool unchanged.
"""
from __future__ import annotations

import struct

from dvnlp.ingest.legacy import TCVN3, legacy_font_encoding

__all__ = ["font_names", "restore_tcvn3_soft_hyphens"]

_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_WORD97_NFIB = 0x00C1
_OPTIONAL_HYPHEN = 0x1F
_SOFT_HYPHEN = 0xAD


class _Malformed(Exception):
    """The compound file or the Word structures are not as expected."""


class _Compound:
    """Read-only map of an OLE2 compound file: where each byte of a stream lies in the file."""

    def __init__(self, data: bytes | bytearray) -> None:
        if len(data) < 512 or data[:8] != _MAGIC:
            raise _Malformed("no OLE2 header")
        self.data = data
        self.sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        self.mini_sector = 1 << struct.unpack_from("<H", data, 0x20)[0]
        if self.sector not in (512, 4096) or self.mini_sector != 64:
            raise _Malformed("odd sector size")
        fat_sectors, first_dir = struct.unpack_from("<II", data, 0x2C)
        self.mini_cutoff, first_minifat, _, first_difat, difat_count = struct.unpack_from("<IIIII", data, 0x38)
        difat = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _END]
        per_sector = self.sector // 4
        current, guard = first_difat, 0
        while current < _END and guard <= difat_count:
            block = struct.unpack_from(f"<{per_sector}I", self._sector(current))
            difat.extend(s for s in block[:-1] if s < _END)
            current, guard = block[-1], guard + 1
        self.fat: list[int] = []
        for sector in difat[:fat_sectors]:
            self.fat.extend(struct.unpack_from(f"<{per_sector}I", self._sector(sector)))
        directory = b"".join(self._sector(s) for s in self._chain(first_dir))
        self.entries: dict[str, tuple[int, int]] = {}
        self.root: tuple[int, int] | None = None
        for offset in range(0, len(directory) - 127, 128):
            length, kind = struct.unpack_from("<HB", directory, offset + 64)
            if kind not in (1, 2, 5) or not 2 <= length <= 64:
                continue
            name = directory[offset:offset + length - 2].decode("utf-16-le", "replace")
            start, size = struct.unpack_from("<II", directory, offset + 116)
            if kind == 5:
                self.root = (start, size)
            elif kind == 2:
                self.entries.setdefault(name, (start, size))
        minifat = b"".join(self._sector(s) for s in self._chain(first_minifat))
        self.minifat = list(struct.unpack_from(f"<{len(minifat) // 4}I", minifat))

    def _sector(self, number: int) -> bytes:
        start = (number + 1) * self.sector
        if start + self.sector > len(self.data):
            raise _Malformed("sector past the end of the file")
        return bytes(self.data[start:start + self.sector])

    def _chain(self, first: int, table: list[int] | None = None) -> list[int]:
        table = self.fat if table is None else table
        chain: list[int] = []
        current = first
        while current not in (_END, _FREE):
            if current >= len(table) or len(chain) > len(table):
                raise _Malformed("broken sector chain")
            chain.append(current)
            current = table[current]
        return chain

    def spans(self, name: str) -> list[tuple[int, int]]:
        """File ``(offset, length)`` of each piece of stream ``name``, in stream order."""
        if name not in self.entries:
            raise _Malformed(f"no {name} stream")
        start, size = self.entries[name]
        if size >= self.mini_cutoff:
            return self._cut([((s + 1) * self.sector, self.sector) for s in self._chain(start)], size)
        if self.root is None:
            raise _Malformed("no root entry")
        container = self._cut([((s + 1) * self.sector, self.sector) for s in self._chain(self.root[0])],
                              self.root[1])
        spans = []
        for mini in self._chain(start, self.minifat):
            offset = mini * self.mini_sector
            index, within = divmod(offset, self.sector)
            if index >= len(container):
                raise _Malformed("mini sector past the mini stream")
            spans.append((container[index][0] + within, self.mini_sector))
        return self._cut(spans, size)

    @staticmethod
    def _cut(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
        cut, left = [], size
        for offset, length in spans:
            if left <= 0:
                break
            cut.append((offset, min(length, left)))
            left -= length
        if left > 0:
            raise _Malformed("stream shorter than its size")
        return cut

    def read(self, name: str) -> bytes:
        return b"".join(bytes(self.data[offset:offset + length]) for offset, length in self.spans(name))


def _file_offset(spans: list[tuple[int, int]], position: int) -> int:
    for offset, length in spans:
        if position < length:
            return offset + position
        position -= length
    raise _Malformed("position past the end of the stream")


def _fib(word: bytes) -> tuple[str, list[tuple[int, int]]]:
    """Table stream name and the (fc, lcb) pairs of a Word 97+ FIB."""
    if len(word) < 0x200:
        raise _Malformed("FIB too short")
    ident, nfib = struct.unpack_from("<HH", word, 0)
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if ident != 0xA5EC or nfib < _WORD97_NFIB or flags & 0x0100:  # not Word 97+, or encrypted
        raise _Malformed("not an unencrypted Word 97+ document")
    table = "1Table" if flags & 0x0200 else "0Table"
    position = 32
    csw = struct.unpack_from("<H", word, position)[0]
    position += 2 + 2 * csw
    cslw = struct.unpack_from("<H", word, position)[0]
    position += 2 + 4 * cslw
    pairs_count = struct.unpack_from("<H", word, position)[0]
    position += 2
    if position + 8 * pairs_count > len(word) or pairs_count < 34:
        raise _Malformed("FIB too short")
    pairs = [struct.unpack_from("<II", word, position + 8 * i) for i in range(pairs_count)]
    return table, pairs


def _pieces(table: bytes, fc: int, lcb: int) -> list[tuple[int, int, bool]]:
    """``(stream offset, characters, compressed)`` of each text piece, from the CLX."""
    clx = table[fc:fc + lcb]
    if len(clx) != lcb or lcb == 0:
        raise _Malformed("CLX outside the table stream")
    position = 0
    while position < len(clx) and clx[position] == 0x01:  # Prc: skip its grpprl
        position += 3 + struct.unpack_from("<H", clx, position + 1)[0]
    if position + 5 > len(clx) or clx[position] != 0x02:
        raise _Malformed("no piece table")
    size = struct.unpack_from("<I", clx, position + 1)[0]
    plc = clx[position + 5:position + 5 + size]
    count = (size - 4) // 12
    if count <= 0 or len(plc) != size or (size - 4) % 12:
        raise _Malformed("bad piece table")
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces = []
    for i in range(count):
        fc_piece = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)[0]
        compressed = bool(fc_piece & 0x40000000)
        offset = (fc_piece & 0x3FFFFFFF) // 2 if compressed else fc_piece
        pieces.append((offset, max(0, cps[i + 1] - cps[i]), compressed))
    return pieces


def font_names(data: bytes) -> list[str]:
    """Names in the font table (SttbfFfn) of a Word 97+ ``.doc``; empty when unreadable."""
    try:
        compound = _Compound(data)
        table_name, pairs = _fib(compound.read("WordDocument"))
        return _font_names(compound.read(table_name), *pairs[15])
    except (_Malformed, struct.error, IndexError):
        return []


def _font_names(table: bytes, fc: int, lcb: int) -> list[str]:
    sttb = table[fc:fc + lcb]
    if len(sttb) < 4:
        return []
    count = struct.unpack_from("<H", sttb, 0)[0]
    names, position = [], 4
    for _ in range(count):
        if position >= len(sttb):
            break
        size = sttb[position]
        ffn = sttb[position + 1:position + 1 + size]
        raw = ffn[39:]  # ffid, wWeight, chs, ixchSzAlt, panose (10), fs (24), then xszFfn
        name = raw[:len(raw) - len(raw) % 2].decode("utf-16-le", "replace").split("\x00", 1)[0]
        if name:
            names.append(name)
        position += 1 + size
    return names


def restore_tcvn3_soft_hyphens(data: bytes) -> tuple[bytes, int] | None:
    """``(patched .doc bytes, characters rewritten)`` when a TCVN3-font document holds optional
    hyphens (0x1F) in its text; ``None`` when there is nothing to rewrite or the file is not a
    readable Word 97+ document."""
    try:
        compound = _Compound(data)
        table_name, pairs = _fib(compound.read("WordDocument"))
        table = compound.read(table_name)
        if not any(legacy_font_encoding(name)[0] == TCVN3 for name in _font_names(table, *pairs[15])):
            return None
        pieces = _pieces(table, *pairs[33])
        spans = compound.spans("WordDocument")
        patched = bytearray(data)
        count = 0
        for offset, characters, compressed in pieces:
            width = 1 if compressed else 2
            for index in range(characters):
                position = _file_offset(spans, offset + index * width)
                if compressed and patched[position] == _OPTIONAL_HYPHEN:
                    patched[position] = _SOFT_HYPHEN
                    count += 1
                elif not compressed:
                    high = _file_offset(spans, offset + index * width + 1)
                    if patched[position] == _OPTIONAL_HYPHEN and patched[high] == 0:
                        patched[position] = _SOFT_HYPHEN
                        count += 1
    except (_Malformed, struct.error, IndexError):
        return None
    return (bytes(patched), count) if count else None
