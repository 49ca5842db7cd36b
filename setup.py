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

At run time ``BIASKIT_PURE_PYTHON=1`` also makes an installed compiled build
import the Python sources instead (see ``biaskit/_pure_python.py``).
"""

from __future__ import annotations

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


def _say(message: str) -> None:
    print(f"biaskit build: {message}", file=sys.stderr)


def _pure_python_requested() -> bool:
    return os.environ.get("BIASKIT_PURE_PYTHON", "").strip().lower() in ("1", "true", "yes", "on")


def _extensions() -> list:
    if _pure_python_requested():
        _say("BIASKIT_PURE_PYTHON is set: pure Python build")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        _say(f"mypyc is not available ({exc}): pure Python build (same results, slower)")
        return []
    try:
        extensions = mypycify(
            ["--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
            opt_level="3",
            group_name="biaskit.extract._attribution_compiled",
        )
    except (Exception, SystemExit) as exc:  # mypy reports type errors by exiting
        _say(f"mypyc refused the attribution modules ({exc!r}): pure Python build (same results, slower)")
        return []
    return extensions


class OptionalBuildExt(build_ext):
    """build_ext that leaves the package pure Python when any extension fails to build."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # compiler missing or failing: distutils raises several kinds
            self._remove_outputs()
            _say(f"compiling the attribution modules failed ({exc}): pure Python build (same results, slower)")

    def _remove_outputs(self) -> None:
        for path in self.get_outputs():
            if os.path.exists(path):
                os.remove(path)


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
