"""``dvnlp evaluate GOLD.jsonl``: precision, recall and F1 per fact type against a gold corpus.

The gold format is the shared dev set's (``corpora/gold/README.md``): ``officials`` match on
the normalized name, a gold title is found when a predicted title of that official shares at
least 80% of its syllables (token F1, abbreviations spelled out); ``documents`` on the
canonical symbol; ``counts`` on value, ``of`` and the unit's head noun; ``breakdowns`` on the
total and the multiset of part values; ``models`` on name (token F1 ≥ 0.8) and field;
``checks`` on kind.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from dvnlp.normalize import old_style_tones
from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import canonical_symbol

_MULT = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
ARITHMETIC = ("sum_mismatch", "ratio_exceeds_total", "percent_mismatch")


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFC", s or "").replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return old_style_tones(s).casefold()


def _syllables(s: str) -> list[str]:
    abbr = {e["abbr"].casefold(): _norm(e["expansion"]) for e in load_rules("abbreviations").entries}
    out: list[str] = []
    for w in re.findall(r"[\w']+", _norm(s)):
        out.extend(abbr.get(w, w).split())
    return out


def token_f1(a: str, b: str) -> float:
    x, y = set(_syllables(a)), set(_syllables(b))
    inter = len(x & y)
    if not inter:
        return 0.0
    p, r = inter / len(y), inter / len(x)
    return 2 * p * r / (p + r)


def _num(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _count_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    gv, pv = _num(g["value"]), _num(p.get("value"))
    if gv is None or pv is None:
        return False
    unit = _norm(g.get("unit"))
    words = unit.split()
    ok = abs(gv - pv) < 1e-6 or (bool(words) and words[0] in _MULT and abs(gv * _MULT[words[0]] - pv) < 1e-3)
    if not ok or (_num(g.get("of")) or None) != (_num(p.get("of")) or None):
        return False
    if unit == "%":
        return "%" in (p.get("unit") or "")
    if words:
        head = words[-1] if words[0] in _MULT else words[0]
        return head in _norm(p.get("unit")).split()
    return True


def _greedy(gold: list[Any], pred: list[Any], match: Callable[[Any, Any], bool]) -> tuple[int, int, int]:
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and match(g, p)), None)
        if hit is not None:
            used.add(hit)
    return len(used), len(pred) - len(used), len(gold) - len(used)


def _prf(c: Counter[str]) -> dict[str, float | int]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def score(gold: Iterable[dict[str, Any]], pred: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Scores of predicted reports (``{id: report dict}``) against gold records."""
    tot: dict[str, Counter[str]] = {k: Counter() for k in
                                    ("officials", "titles", "documents", "counts", "breakdowns", "models", "checks")}
    for g in gold:
        p = pred.get(str(g["id"]), {})
        po = p.get("officials") or []
        used: set[int] = set()
        for go in g.get("officials", []):
            hit = next((i for i, o in enumerate(po) if i not in used and _norm(o.get("name")) == _norm(go["name"])), None)
            if hit is None:
                tot["officials"]["fn"] += 1
                tot["titles"]["fn"] += len(go["titles"])
                continue
            used.add(hit)
            tot["officials"]["tp"] += 1
            for t in go["titles"]:
                tot["titles"]["tp" if any(token_f1(t, x) >= 0.8 for x in po[hit].get("titles") or []) else "fn"] += 1
        tot["officials"]["fp"] += len(po) - len(used)
        gd = Counter(canonical_symbol(s) for s in g.get("documents", []))
        pd = Counter(canonical_symbol(d["symbol"]) for d in p.get("documents") or [] if d.get("symbol"))
        tot["documents"].update(tp=sum((gd & pd).values()), fp=sum((pd - gd).values()), fn=sum((gd - pd).values()))
        for kind, match in (
            ("counts", _count_match),
            ("breakdowns", lambda a, b: _num(b.get("total")) == _num(a["total"]) and sorted(
                _num(x.get("value")) for x in b.get("parts") or []) == sorted(float(v) for v in a["parts"].values())),
            ("models", lambda a, b: token_f1(a["name"], b.get("name", "")) >= 0.8 and a["field"] == b.get("field")),
        ):
            found = p.get(kind) or []
            if kind == "breakdowns":  # this gold format holds breakdowns by field only ({field: value} parts)
                found = [b for b in found if b.get("by") in (None, "field")]
            tp, fp, fn = _greedy(g.get(kind, []), found, match)
            tot[kind].update(tp=tp, fp=fp, fn=fn)
        gk = Counter(g.get("checks", []))
        pk = Counter(c.get("kind") for c in p.get("checks") or [] if c.get("kind") in ARITHMETIC)
        tot["checks"].update(tp=sum((gk & pk).values()), fp=sum((pk - gk).values()), fn=sum((gk - pk).values()))
    out: dict[str, Any] = {k: _prf(v) for k, v in tot.items() if k != "titles"}
    t = tot["titles"]
    out["titles"] = {"recall": round(t["tp"] / max(1, t["tp"] + t["fn"]), 3), "tp": t["tp"], "fn": t["fn"]}
    return out


def evaluate(gold_path: str | Path, nlp: Any = None) -> dict[str, Any]:
    """Run dvnlp over the texts of ``gold_path`` and score the result."""
    from dvnlp.batch.local import process_document
    from dvnlp.ingest import RawDocument
    from dvnlp.pipeline import load

    nlp = nlp or load()
    gold = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    pred = {str(g["id"]): process_document(nlp, RawDocument(str(g["id"]), str(gold_path), g["text"])).to_dict()
            for g in gold}
    return score(gold, pred)
