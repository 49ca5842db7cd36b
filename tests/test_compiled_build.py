"""The optional mypyc build of the attribution modules (setup.py) and its pure-Python twin.

When the modules run compiled, the same extraction run from the ``.py``
sources (``BIASKIT_PURE_PYTHON=1``, in a subprocess) must give the same
records, and the doctests of the compiled modules (which pytest cannot
collect from an extension) must pass from the sources.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from biaskit._pure_python import COMPILED_MODULES, compiled_modules

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "datasets" / "sample"

#: extraction over the bundled sample and generated news-like articles, printed as JSON
_EXTRACT = r"""
import json, sys
from dataclasses import asdict
sys.path.insert(0, sys.argv[1])
import bench_features
from biaskit import read_articles
from biaskit.extract.sourcing import attributions
from biaskit.features import parse_article
texts = list(read_articles(sys.argv[2])["text"]) + bench_features.generate_articles(30, words=400, seed=3)
out = [[asdict(r) for r in attributions(parse_article(t))] for t in texts]
print(json.dumps(out))
"""


def _run(code_or_args: list[str], *, pure: bool) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("BIASKIT_PURE_PYTHON", None)
    if pure:
        env["BIASKIT_PURE_PYTHON"] = "1"
    return subprocess.run([sys.executable, *code_or_args], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=600)


def test_setup_compiles_the_listed_modules():
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    listed = next(node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets))
    paths = [elt.value for elt in listed.elts]
    assert [p.removesuffix(".py").replace("/", ".") for p in paths] == list(COMPILED_MODULES)
    assert all((ROOT / p).is_file() for p in paths)


def test_pure_python_switch_loads_the_sources():
    code = ("from biaskit._pure_python import compiled_modules, COMPILED_MODULES\n"
            "import importlib\n"
            "print(compiled_modules())\n"
            "print(all(importlib.import_module(m).__file__.endswith('.py') for m in COMPILED_MODULES))\n")
    done = _run(["-c", code], pure=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["[]", "True"]


needs_compiled = pytest.mark.skipif(not compiled_modules(), reason="the attribution modules run as pure Python here")


@pytest.mark.skipif(os.environ.get("BIASKIT_EXPECT_COMPILED") != "1", reason="BIASKIT_EXPECT_COMPILED=1 not set")
def test_the_build_compiled_every_module_when_expected():
    """CI sets BIASKIT_EXPECT_COMPILED=1: a build that fell back to pure Python (a compiler or mypy change) fails."""
    assert compiled_modules() == list(COMPILED_MODULES)


@needs_compiled
@pytest.mark.skipif(not (SAMPLE / "articles.csv").exists(), reason="bundled sample not found")
def test_compiled_and_pure_python_give_the_same_records():
    args = ["-c", _EXTRACT, str(ROOT / "benchmarks"), str(SAMPLE / "articles.csv")]
    compiled, pure = _run(args, pure=False), _run(args, pure=True)
    assert compiled.returncode == 0, compiled.stderr
    assert pure.returncode == 0, pure.stderr
    a, b = json.loads(compiled.stdout), json.loads(pure.stdout)
    assert sum(map(len, a)) > 300  # (the run really extracted something)
    assert a == b


@needs_compiled
def test_doctests_of_compiled_modules_pass_from_sources():
    paths = [str(ROOT.joinpath(*m.split(".")).with_suffix(".py")) for m in COMPILED_MODULES]
    done = _run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "--doctest-modules", *paths], pure=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout


def test_compiled_records_are_ordinary_records():
    """Records built by either build pickle, compare and convert like any dataclass."""
    import pickle

    from biaskit.extract.sourcing import attributions
    from biaskit.parse import parse

    recs = attributions(parse('"We are ready," Kremlin spokesperson Dmitry Peskov said, according to RIA Novosti.'))
    assert pickle.loads(pickle.dumps(recs)) == recs
    assert asdict(recs[0])["via"] == ("RIA Novosti",)


def test_compiled_modules_type_check(tmp_path):
    """mypyc compiles only modules that mypy accepts: a type error would make the build fall back to pure Python."""
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install -e '.[test]' installs it)")
    paths = [str(ROOT.joinpath(*m.split(".")).with_suffix(".py")) for m in COMPILED_MODULES]
    out, err, status = api.run(["--ignore-missing-imports", "--follow-imports=silent", "--cache-dir",
                                str(tmp_path / "mypy_cache"), *paths])
    assert status == 0, out + err
