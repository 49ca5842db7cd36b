"""Build biaskit, compiling the attribution modules with mypyc when it can.

Everything about the package lives in ``pyproject.toml``; this file only adds
the optional C extensions. The modules in :data:`COMPILED` are plain,
fully annotated Python. mypyc (part of mypy, a build requirement) turns them
into C extensions that run attribution extraction about twice as fast
(``docs/sourcing.md``, "Speed"). The results are the same either way.

The build falls back to pure Python, with a message and no error, when

* the environment variable ``BIASKIT_PURE_PYTHON`` is ``1`` (for working on
  the rules: an edited ``.py`` file takes effect at once, while a compiled
  module would shadow it until the next install), or
* mypyc cannot be imported or refuses the modules, or
* a module fails to compile (no C compiler, say): then no compiled module is
  installed at all, since a half-built set cannot be imported.

On every fallback, compiled files left in the source tree by an earlier
editable install are deleted, so that the Python sources run. mypyc runs only
for a command that builds (not for ``egg_info`` or ``sdist``). At run time
``BIASKIT_PURE_PYTHON=1`` also makes an installed compiled build import the
Python sources instead (see ``biaskit/_pure_python.py``).
"""

from __future__ import annotations

import glob
import importlib.machinery
import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: the modules compiled by mypyc, in dependency order (see biaskit/_pure_python.py)
COMPILED = [
    "biaskit/extract/_attribution_grammar.py",
    "biaskit/extract/_attribution_rules.py",
    "biaskit/extract/_attribution_speakers.py",
    "biaskit/extract/_attribution_content.py",
    "biaskit/extract/_attribution_records.py",
]


#: setup.py commands that build extensions (the others, such as egg_info and sdist, never run mypyc)
_BUILD_COMMANDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install", "bdist", "bdist_egg"}


def _remove_stale_extensions() -> None:
    """Delete compiled attribution modules from the source tree (an earlier editable install's)."""
    here = os.path.dirname(os.path.abspath(__file__))
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for path in glob.glob(os.path.join(here, "biaskit", "extract", f"_attribution_*{suffix}")):
            os.remove(path)
            _say(f"removed the stale compiled module {os.path.relpath(path, here)}")


def _say(message: str) -> None:
    print(f"biaskit build: {message}", file=sys.stderr)


def _pure_python_requested() -> bool:
    return os.environ.get("BIASKIT_PURE_PYTHON", "").strip().lower() in ("1", "true", "yes", "on")


def _extensions() -> list:
    if not _BUILD_COMMANDS.intersection(sys.argv[1:]):
        return []
    if _pure_python_requested():
        _say("BIASKIT_PURE_PYTHON is set: pure Python build")
        _remove_stale_extensions()
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        _say(f"mypyc is not available ({exc}): pure Python build (same results, slower)")
        _remove_stale_extensions()
        return []
    try:
        extensions = mypycify(
            ["--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
            opt_level="3",
            group_name="biaskit.extract._attribution_compiled",
        )
    except (Exception, SystemExit) as exc:  # mypy reports type errors by exiting
        _say(f"mypyc refused the attribution modules ({exc!r}): pure Python build (same results, slower)")
        _remove_stale_extensions()
        return []
    return extensions


class OptionalBuildExt(build_ext):
    """build_ext that leaves the package pure Python when any extension fails to build."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # compiler missing or failing: distutils raises several kinds
            self._remove_outputs()
            _remove_stale_extensions()
            _say(f"compiling the attribution modules failed ({exc}): pure Python build (same results, slower)")

    def _remove_outputs(self) -> None:
        for path in self.get_outputs():
            if os.path.exists(path):
                os.remove(path)


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
