"""pytest set-up shared by the tests and the doctests of the package.

The attribution modules may run compiled (``setup.py``, mypyc). pytest cannot
collect the doctests of a module whose import gives an extension instead of
the ``.py`` file, so they are left out here when compiled;
``tests/test_compiled_build.py`` runs them from the sources
(``BIASKIT_PURE_PYTHON=1``) and checks that both builds give the same records.
"""

from __future__ import annotations

import importlib.machinery
from pathlib import Path

from biaskit._pure_python import COMPILED_MODULES, pure_python_requested

_ROOT = Path(__file__).resolve().parent
_COMPILED_SOURCES = {_ROOT.joinpath(*name.split(".")).with_suffix(".py") for name in COMPILED_MODULES}


def _has_extension(source: Path) -> bool:
    return any(source.with_name(source.stem + suffix).exists() for suffix in importlib.machinery.EXTENSION_SUFFIXES)


def pytest_ignore_collect(collection_path, config):
    path = Path(collection_path)
    if path in _COMPILED_SOURCES and not pure_python_requested() and _has_extension(path):
        return True
    return None
