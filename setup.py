"""Build hook for the one compiled module, ``dvnlp/segment/_crfdecode.pyx`` (the CRF decoder's loop).

Everything else is in ``pyproject.toml``. The extension is optional: without a C compiler the build
goes on and :mod:`dvnlp.segment.crf` decodes in pure Python (same labels, slower).
"""
from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:  # pragma: no cover - Cython is in [build-system] requires
    extensions = []
else:
    extensions = cythonize(
        [Extension("dvnlp.segment._crfdecode", ["dvnlp/segment/_crfdecode.pyx"], optional=True)],
        compiler_directives={"language_level": "3"},
        quiet=True,
    )

setup(ext_modules=extensions)
