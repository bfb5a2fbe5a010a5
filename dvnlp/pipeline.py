"""``load()``: the one place that fixes the stage order and the spaCy config.

The pipeline is an ordinary spaCy ``Language`` (language ``vi``) whose tokenizer is
``dvnlp.Tokenizer.v1`` and whose components are dvnlp's registered factories, so it can be
inspected with ``nlp.pipe_names``, saved with ``nlp.to_disk`` and reloaded with ``spacy.load``.
"""
from __future__ import annotations

import importlib

from spacy.language import Language

#: stage order: every component reads what the ones before it wrote. The module of each factory
#: is its ``spacy_factories`` entry point in ``pyproject.toml`` (the list is not repeated here).
COMPONENTS: tuple[str, ...] = (
    "dvnlp_sentences",
    "dvnlp_lexicon",
    "dvnlp_doc_refs",
    "dvnlp_dates",
    "dvnlp_counts",
    "dvnlp_orgs_places",
    "dvnlp_officials",
    "dvnlp_breakdowns",
    "dvnlp_models",
)


def factory_modules() -> dict[str, str]:
    """Component name → the module that registers its factory (from the package's entry points)."""
    from importlib.metadata import entry_points

    found = {ep.name: ep.value.split(":")[0] for ep in entry_points(group="spacy_factories")
             if ep.name in COMPONENTS}
    missing = [name for name in COMPONENTS if name not in found]
    if missing:  # a source tree that was never installed: the modules follow the naming convention
        found.update({name: f"dvnlp.components.{name.removeprefix('dvnlp_')}" for name in missing})
    return found


#: the longest text (characters) the pipeline accepts; batch inputs are capped at 50 MB anyway
MAX_LENGTH = 60_000_000


def config() -> dict:
    """The spaCy config overrides dvnlp uses (tokenizer only; components are added by name)."""
    return {"nlp": {"tokenizer": {"@tokenizers": "dvnlp.Tokenizer.v1", "normalize_input": True}}}


def load(*, exclude: tuple[str, ...] = (), component_config: dict[str, dict] | None = None) -> Language:
    """Build the dvnlp pipeline: ``nlp = dvnlp.load(); doc = nlp(text)``.

    ``exclude`` drops components by name (for speed when only some facts are needed);
    ``component_config`` overrides settings by component name, e.g.
    ``{"dvnlp_counts": {"on_error": "raise"}}``.
    """
    import spacy

    importlib.import_module("dvnlp.segment.tokenizer")  # registers dvnlp.Tokenizer.v1
    nlp = spacy.blank("vi", config=config())
    modules = factory_modules()
    for name in COMPONENTS:
        if name in exclude:
            continue
        importlib.import_module(modules[name])  # registers the factory
        nlp.add_pipe(name, config=dict(component_config or {}).get(name, {}))
    nlp.initialize()
    # no parser or NER: memory grows linearly with the text, so long reports are fine
    nlp.max_length = MAX_LENGTH
    return nlp


#: a tiny report that exercises every lazily loaded part (underthesea's tagger, the classifier)
WARM_UP_TEXT = "Đồng chí Võ Thanh Hùng, Trưởng Ban Dân vận Tỉnh ủy. Có 5 mô hình, như mô hình “Camera an ninh thôn”."


def warm_up(nlp: Language) -> Language:
    """Load what the components load on first use, so a batch worker pays it once, up front."""
    nlp(WARM_UP_TEXT)
    return nlp
