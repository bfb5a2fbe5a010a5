"""Stage 3 — segment: normalized text → spaCy ``Doc`` whose tokens are underthesea words."""
from dvnlp.segment.protect import Protected, find_protected
from dvnlp.segment.tokenizer import VietnameseTokenizer

__all__ = ["Protected", "VietnameseTokenizer", "find_protected"]
