"""Stage 2 — normalize: ``str`` → :class:`NormalizedText` (NFC, Đ, tones, spaces) + boilerplate lines."""
from dvnlp.normalize.boilerplate import BoilerplateLine, find_boilerplate
from dvnlp.normalize.text import NormalizedText, normalize
from dvnlp.normalize.tones import old_style_tones

__all__ = ["BoilerplateLine", "NormalizedText", "find_boilerplate", "normalize", "old_style_tones"]
