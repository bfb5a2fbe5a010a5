"""Reading a CRFsuite model file (the format of underthesea's word-segmentation model) without CRFsuite.

The file is an ``lCRF``/``FOMC`` header, a ``FEAT`` chunk of ``(type, src, dst, weight)`` records and CQDB
dictionaries of labels and attributes (layout as written by CRFsuite's ``crf1dm.c``). Reading it gives
:mod:`dvnlp.segment.crf` the attribute strings the model knows and the weights it decodes with.
"""
from __future__ import annotations

import struct
from pathlib import Path
from typing import NamedTuple


class CRFModelFile(NamedTuple):
    """What a CRFsuite model file holds: attribute and label strings, state weights ``(attribute, label)``
    and transition weights ``(label, label)``."""

    attributes: list[str]
    labels: list[str]
    state: dict[int, list[float]]
    transitions: list[list[float]]


def _cqdb(data: bytes, off: int, n: int, path: Path) -> list[str]:
    cq_magic, _sz, _flag, _order, n_ids, bwd_offset = struct.unpack_from("<4sIIIII", data, off)
    if cq_magic != b"CQDB" or n_ids != n:
        raise ValueError(f"{path}: unexpected dictionary")
    out = []
    for i in range(n_ids):
        (rec,) = struct.unpack_from("<I", data, off + bwd_offset + 4 * i)
        _id, ksize = struct.unpack_from("<II", data, off + rec)
        start = off + rec + 8
        out.append(data[start : start + ksize - 1].decode("utf-8"))
    return out


def read_crfsuite_model(path: Path) -> CRFModelFile:
    """Read a CRFsuite model file (``lCRF``/``FOMC`` header, a ``FEAT`` chunk of ``(type, src, dst, weight)``
    records — type 0 a state feature attribute → label, type 1 a transition label → label — and CQDB
    dictionaries of labels and attributes)."""
    data = path.read_bytes()
    if len(data) < 48:
        raise ValueError(f"{path}: not a CRFsuite model file")
    magic, _size, kind, _ver, _nf, n_labels, n_attrs, off_feats, off_labels, off_attrs = struct.unpack_from(
        "<4sI4sIIIIIII", data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite model file")
    attributes = _cqdb(data, off_attrs, n_attrs, path)
    labels = _cqdb(data, off_labels, n_labels, path)
    chunk, _csize, n_feats = struct.unpack_from("<4sII", data, off_feats)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: unexpected feature chunk")
    state: dict[int, list[float]] = {}
    transitions = [[0.0] * n_labels for _ in range(n_labels)]
    for ftype, src, dst, weight in struct.iter_unpack("<IIId", data[off_feats + 12 : off_feats + 12 + 20 * n_feats]):
        if ftype == 0:
            state.setdefault(src, [0.0] * n_labels)[dst] += weight
        else:
            transitions[src][dst] += weight
    return CRFModelFile(attributes, labels, state, transitions)


def read_crfsuite_attributes(path: Path) -> list[str]:
    """The attribute strings of a CRFsuite model file."""
    return read_crfsuite_model(path).attributes
