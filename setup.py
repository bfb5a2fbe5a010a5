"""Build hook for the one compiled module, ``dvnlp/segment/_crfdecode.pyx`` (the CRF decoder's loop).

Everything else is in ``pyproject.toml``. The extension is optional: when it cannot be compiled (no C compiler,
no Python headers) the build warns and goes on, and :mod:`dvnlp.segment.crf` decodes in pure Python (the same
labels, slower).
"""
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """``build_ext`` that turns a failed compilation into a warning (as markupsafe's setup does)."""

    def run(self):
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - any build failure leaves the pure-Python path
            self._skip(exc)

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001
            self._skip(exc)

    @staticmethod
    def _skip(exc):
        print(f"WARNING: dvnlp's compiled CRF decoder was not built ({exc}); the pure-Python decoder will run "
              "(same output, slower). Install gcc and the Python headers and reinstall to build it.", file=sys.stderr)


try:
    from Cython.Build import cythonize
except ImportError:  # pragma: no cover - Cython is in [build-system] requires
    extensions = []
else:
    extensions = cythonize(
        [Extension("dvnlp.segment._crfdecode", ["dvnlp/segment/_crfdecode.pyx"])],
        compiler_directives={"language_level": "3"},
        quiet=True,
    )

setup(ext_modules=extensions, cmdclass={"build_ext": OptionalBuildExt})
