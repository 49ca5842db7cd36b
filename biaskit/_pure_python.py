"""Which attribution modules run compiled, and how to run their Python sources instead.

biaskit's build compiles the attribution modules listed in
:data:`COMPILED_MODULES` with mypyc when it can (``setup.py``); the compiled
extension then sits beside the ``.py`` file and Python imports it first.
Setting the environment variable ``BIASKIT_PURE_PYTHON=1`` before biaskit is
imported makes those modules load from their ``.py`` sources instead: the
way to try an edited rule without rebuilding, or to compare both builds.
``python -c "import biaskit._pure_python as p; print(p.compiled_modules())"``
lists the modules that run compiled (``tests/test_compiled_build.py`` checks
both builds).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys

__all__ = ["COMPILED_MODULES", "compiled_modules", "pure_python_requested"]

#: the modules ``setup.py`` compiles (its ``COMPILED`` list; a test keeps the two equal)
COMPILED_MODULES = (
    "biaskit.extract._attribution_grammar",
    "biaskit.extract._attribution_rules",
    "biaskit.extract._attribution_speakers",
    "biaskit.extract._attribution_content",
    "biaskit.extract._attribution_records",
)


def pure_python_requested() -> bool:
    """True when ``BIASKIT_PURE_PYTHON`` asks for the Python sources ("1", "true", "yes", "on")."""
    return os.environ.get("BIASKIT_PURE_PYTHON", "").strip().lower() in ("1", "true", "yes", "on")


def compiled_modules() -> list[str]:
    """The modules of :data:`COMPILED_MODULES` that run compiled in this process (imports them)."""
    out = []
    for name in COMPILED_MODULES:
        module = importlib.import_module(name)
        origin = getattr(module, "__file__", "") or ""
        if origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
            out.append(name)
    return out


class _SourcesFirst(importlib.abc.MetaPathFinder):
    """Finds the ``.py`` source of a compiled module before its extension."""

    def find_spec(self, fullname, path, target=None):
        if fullname not in COMPILED_MODULES or not path:
            return None
        leaf = fullname.rpartition(".")[2] + ".py"
        for entry in path:
            source = os.path.join(entry, leaf)
            if os.path.isfile(source):
                return importlib.util.spec_from_file_location(fullname, source)
        return None


def install_if_requested() -> None:
    """Put the sources-first finder in front of the import system when the environment asks for it."""
    if pure_python_requested() and not any(isinstance(f, _SourcesFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourcesFirst())
