"""Loaders for the public research data sets that biaskit is measured against.

Five human-labelled data sets, each returned as a pandas DataFrame in one
documented shape (see ``docs/datasets.md``):

- :func:`load_polnear`: PolNeAR attributions (source, cue and content spans
  with character offsets), one row per article;
- :func:`load_babe`: BABE / SG1 / MBIC sentence bias labels, the MBIC
  articles, BABE's bias-word lexicon;
- :func:`load_article_bias_prediction`: AllSides left/center/right per
  article (Baly et al. 2020) with the official splits;
- :func:`load_newsmtsc`: NewsMTSC sentiment toward a target person;
- :func:`load_allsides_ratings`: AllSides outlet ratings (2019 snapshot).

Where the data come from, in this order:

1. ``path=``: a converted file, or a folder holding the converted files
   (for example a project's ``../shared/datasets/polnear``);
2. the user cache, :func:`data_home` (``$BIASKIT_DATA``, else the platform's
   user cache folder such as ``~/.cache/biaskit``);
3. only with ``download=True``: the public original, pinned to one commit,
   is fetched into the cache, its SHA-256 recorded, and converted there.

**Nothing is ever downloaded unless you pass** ``download=True``. Without it
a missing data set raises :class:`biaskit.errors.BiaskitError` saying how to
get it and under which license. None of these data sets is shipped with
biaskit: their texts belong to the publishers and their licenses differ.
"""

from __future__ import annotations

import ast
import csv
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from biaskit.errors import BiaskitError, InputError
from biaskit.io import json_records

__all__ = [
    "DATASETS",
    "DatasetInfo",
    "data_home",
    "dataset_path",
    "load_allsides_ratings",
    "load_article_bias_prediction",
    "load_babe",
    "load_newsmtsc",
    "load_polnear",
]

#: Environment variable naming the cache folder.
ENV_VAR = "BIASKIT_DATA"
_MANIFEST = "SOURCE.json"
_ARCHIVE_URL = "https://github.com/{repo}/archive/{commit}.zip"
_RAW_URL = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"


# --------------------------------------------------------------------------
# The cache folder
# --------------------------------------------------------------------------

def _default_home() -> Path:
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "biaskit" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "biaskit"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "biaskit"


def _home(path: str | os.PathLike | None = None) -> Path:
    chosen = path if path is not None else (os.environ.get(ENV_VAR) or None)
    return Path(chosen).expanduser() if chosen is not None else _default_home()


def data_home(path: str | os.PathLike | None = None) -> Path:
    """The folder where downloaded data sets are kept, created if needed.

    Parameters
    ----------
    path : str or path, optional
        Use this folder. Otherwise ``$BIASKIT_DATA`` when set, else the
        platform's user cache folder: ``~/.cache/biaskit`` on Linux
        (``$XDG_CACHE_HOME/biaskit`` when set), ``~/Library/Caches/biaskit``
        on macOS, ``%LOCALAPPDATA%\\biaskit\\Cache`` on Windows.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile
    >>> home = data_home(tempfile.mkdtemp() + "/biaskit-data")
    >>> home.is_dir(), home.name
    (True, 'biaskit-data')
    """
    home = _home(path)
    if home.exists() and not home.is_dir():
        raise BiaskitError(f"the biaskit data folder {home} exists but is not a folder")
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BiaskitError(f"cannot create the biaskit data folder {home}: {e.strerror or e}; "
                           f"set {ENV_VAR} to a folder you can write to") from None
    return home


# --------------------------------------------------------------------------
# What each data set is
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class DatasetInfo:
    """Where a data set comes from, its license, and its converted files.

    Attributes
    ----------
    name : str
        Key in :data:`DATASETS` and the folder name in the cache.
    title : str
    repo, commit : str
        The GitHub repository and the commit that is downloaded.
    license : str
        What the license allows, in one sentence.
    citation : str
    parts : mapping of str to tuple of str
        Part (split or file) -> accepted file names; the first is the name in
        the cache, the others are accepted in a folder given as ``path=``.
    raw_paths : tuple of str
        Repository files fetched one by one; empty means the whole repository
        archive is fetched.
    size : str
        Roughly how much is downloaded.
    """

    name: str
    title: str
    repo: str
    commit: str
    license: str
    citation: str
    parts: Mapping[str, tuple[str, ...]]
    raw_paths: tuple[str, ...] = ()
    size: str = ""
    convert: Callable[[Any, Path], None] | None = field(default=None, repr=False, compare=False)

    @property
    def origin(self) -> str:
        """The repository's address."""
        return f"https://github.com/{self.repo}"

    def downloads(self) -> list[tuple[str, str]]:
        """``(url, local file name)`` of every file to fetch."""
        if not self.raw_paths:
            return [(_ARCHIVE_URL.format(repo=self.repo, commit=self.commit),
                     f"{self.repo.split('/')[1]}-{self.commit}.zip")]
        return [(_RAW_URL.format(repo=self.repo, commit=self.commit, path=p), p) for p in self.raw_paths]


# --------------------------------------------------------------------------
# Public loaders
# --------------------------------------------------------------------------

def load_polnear(split: str = "train", *, path: str | os.PathLike | None = None,
                 download: bool = False) -> pd.DataFrame:
    """PolNeAR: news articles with every attribution's source, cue and content.

    One row per article (Newell, Margolin & Ruths, LREC 2018; 7 US outlets,
    2016 campaign): ``id, outlet, outlet_name, date, title, author, split,
    text, annotator, attributions, annotator_marks, unlinked_spans,
    alternative_annotations, meta``. ``attributions`` is a list of dicts with
    ``source``, ``cue``, ``content``, ``content2`` and ``anchor`` spans
    (``{"start", "end", "text"}``, character offsets into ``text``, plus
    ``fragments`` for discontinuous spans) and a heuristic, non-gold
    ``derived_quote_form``.

    Parameters
    ----------
    split : {"train", "dev", "test"}
        The corpus' own temporal split. Look at dev and test as little as
        possible (the authors ask so); biaskit's own checks never tune on test.
    path : str or path, optional
        A converted ``.jsonl`` file, or a folder holding ``{split}.jsonl``.
    download : bool
        Fetch the original from GitHub into :func:`data_home` and convert it
        when it is not there yet. Never done unless True.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> import tempfile
    >>> load_polnear("dev", path=tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    biaskit.errors.BiaskitError: PolNeAR: no dev.jsonl in ...
    """
    file = dataset_path("polnear", split, path=path, download=download)
    return _read_jsonl_frame(file)


def load_babe(part: str = "sg2", *, path: str | os.PathLike | None = None,
              download: bool = False) -> pd.DataFrame:
    """BABE expert sentence labels, SG1/MBIC labels, MBIC articles, bias lexicon.

    Parameters
    ----------
    part : {"sg2", "sg1_mbic", "mbic_articles", "lexicon"}
        ``sg2``: BABE proper, one row per sentence: ``id, text, outlet,
        outlet_bias, outlet_bias_filled, topic, news_link, label_bias,
        label_opinion, biased_words`` (a list), ``in_sg1, fold``.
        ``sg1_mbic``: the MBIC sentences with the SG1 expert labels and the
        MBIC crowd labels side by side. ``mbic_articles``: the full article
        behind each MBIC sentence. ``lexicon``: the repository's bias-word
        lexicon (column ``word``).
    path : str or path, optional
        A converted file, or a folder holding them (``babe_sg2.csv``,
        ``babe_sg1_mbic.csv``, ``mbic_articles.jsonl``, ``bias_word_lexicon.csv``).
    download : bool
        Fetch the original files into :func:`data_home` and convert them.

    Returns
    -------
    pandas.DataFrame

    Notes
    -----
    ``fold`` is a seeded 5-fold split stratified by ``label_bias`` that
    biaskit makes when converting (seed 13). It is neither the paper's folds
    nor, necessarily, the folds of a copy converted elsewhere. BABE is
    AGPL-3.0: do not ship its sentences, lexicon or word lists derived from
    its annotations inside your own package.
    """
    file = dataset_path("babe", part, path=path, download=download)
    frame = _read_jsonl_frame(file) if _is_jsonl(file) else _read_csv_frame(file)
    for col in ("biased_words", "biased_words_sg1", "biased_words_mbic"):
        if col in frame.columns:
            frame[col] = [_json_list(v, file, col, i) for i, v in enumerate(frame[col])]
    return frame


_ABP_SPLITS = ("train", "valid", "test", "none")


def load_article_bias_prediction(split: str | None = None, *, protocol: str = "media",
                                 path: str | os.PathLike | None = None,
                                 download: bool = False) -> pd.DataFrame:
    """Article-Bias-Prediction (Baly et al., EMNLP 2020): AllSides labels per article.

    One row per article: ``id, outlet, outlet_url, outlet_bias, label,
    label_id, date, topic, title, authors, url, text, split_random,
    split_media, outlet_in_test``. ``label`` equals the outlet's AllSides
    label in 99.9% of articles, so it is in practice an outlet label.

    Parameters
    ----------
    split : {None, "train", "valid", "test", "none"}
        None for every row; otherwise the rows whose ``split_{protocol}``
        has this value.
    protocol : {"media", "random"}
        Which official split ``split`` refers to. For predicting the leaning
        of unseen outlets use ``"media"`` and also drop ``outlet_in_test``
        rows when training.
    path : str or path, optional
        A converted ``.jsonl.gz`` file, or a folder holding
        ``abp_articles.jsonl.gz`` (or a ``abp_trainval_subset.jsonl.gz``).
    download : bool
        Fetch the repository archive (large: ~37,500 JSON files) into
        :func:`data_home` and convert it.

    Returns
    -------
    pandas.DataFrame
    """
    if protocol not in ("media", "random"):
        raise BiaskitError(f"protocol must be 'media' or 'random', not {protocol!r}")
    if split is not None and split not in _ABP_SPLITS:
        raise BiaskitError(f"split must be None or one of {', '.join(map(repr, _ABP_SPLITS))}, not {split!r}")
    file = dataset_path("article_bias_prediction", "articles", path=path, download=download)
    frame = _read_jsonl_frame(file)
    if split is not None:
        col = f"split_{protocol}"
        if col not in frame.columns:
            raise InputError(f"{file}: no {col} column, so split={split!r} cannot be selected")
        frame = frame[frame[col] == split].reset_index(drop=True)
    return frame


def load_newsmtsc(split: str = "train", *, path: str | os.PathLike | None = None,
                  download: bool = False) -> pd.DataFrame:
    """NewsMTSC (Hamborg & Donnay, EACL 2021): sentiment toward a target in news sentences.

    One row per sentence x target: ``sentence_id, target_id,
    source_collection, text, target, target_from, target_to, label``
    (negative / neutral / positive), ``n_targets_in_sentence,
    further_mentions, split``. There are no outlet labels.

    Parameters
    ----------
    split : {"train", "dev_mt", "dev_rw", "test_mt", "test_rw"}
        ``mt``: sentences with two or more targets; ``rw``: a "real-world"
        sample. Dev and test are the repository's 30/70 partition of each
        devtest file.
    path : str or path, optional
        A converted ``.jsonl`` file, or a folder holding ``{split}.jsonl``.
    download : bool
        Fetch the original files into :func:`data_home` and convert them.

    Returns
    -------
    pandas.DataFrame
    """
    file = dataset_path("newsmtsc", split, path=path, download=download)
    return _read_jsonl_frame(file)


def load_allsides_ratings(*, path: str | os.PathLike | None = None, download: bool = False) -> pd.DataFrame:
    """AllSides media-bias ratings of 547 outlets and authors (snapshot of 2019-10-18).

    Columns ``outlet, rating`` (left, left-center, center, right-center,
    right, allsides = mixed), ``rating_num`` (1-5), ``rating_3class``,
    ``type, agree, disagree, perc_agree, confidence_level,
    editorial_review, blind_survey, third_party_analysis,
    independent_research, url``; as published by the R package AllSideR.

    Parameters
    ----------
    path : str or path, optional
        A converted CSV file, or a folder holding
        ``allsides_ratings_2019-10-18.csv``.
    download : bool
        Fetch AllSideR's table into :func:`data_home` and convert it.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "ratings.csv"
    >>> _ = f.write_text("outlet,rating,rating_num,perc_agree\\nAP,center,3,NaN\\n")
    >>> ratings = load_allsides_ratings(path=f)
    >>> print(ratings.loc[0, "outlet"], ratings.loc[0, "rating_num"], ratings.loc[0, "perc_agree"])
    AP 3.0 nan
    """
    file = dataset_path("allsides_ratings", "ratings", path=path, download=download)
    frame = _read_csv_frame(file)
    for col in ("rating_num", "perc_agree"):
        if col in frame.columns:
            frame[col] = pd.to_numeric(frame[col], errors="coerce").astype(float)
    return frame


def dataset_path(name: str, part: str | None = None, *, path: str | os.PathLike | None = None,
                 download: bool = False) -> Path:
    """The converted file of one part of a data set, downloading it only if asked.

    Useful where a command wants a file, e.g. ``biaskit evaluate attributions
    --gold`` with PolNeAR's ``dev.jsonl``.

    Parameters
    ----------
    name : str
        A key of :data:`DATASETS`.
    part : str, optional
        A split or file (a key of ``DATASETS[name].parts``); default the first.
    path : str or path, optional
        A converted file (returned as it is) or a folder holding it.
    download : bool
        Fetch and convert the original into :func:`data_home` when missing.

    Returns
    -------
    pathlib.Path
    """
    info = _info(name)
    part = next(iter(info.parts)) if part is None else part
    if part not in info.parts:
        raise BiaskitError(f"{info.title}: unknown part {part!r}; choose one of "
                           f"{', '.join(map(repr, info.parts))}")
    names = info.parts[part]
    if path is not None:
        p = Path(path).expanduser()
        if p.is_file():
            return p
        if not p.is_dir():
            raise BiaskitError(f"{info.title}: {p} does not exist")
        for n in names:
            if (p / n).is_file():
                return p / n
        found = sorted(q.name for q in p.iterdir() if not q.name.startswith("."))[:12]
        raise BiaskitError(f"{info.title}: no {' or '.join(names)} in {p} (it holds: "
                           f"{', '.join(found) or 'nothing'}). Give the converted file itself as path=, "
                           f"or call without path= to use the biaskit data cache.")
    folder = _home() / info.name
    cached = folder / names[0]
    if cached.is_file():
        return cached
    if not download:
        raise BiaskitError(_how_to_get(info, part, folder))
    _download_and_convert(info, data_home() / info.name)
    if not cached.is_file():
        raise BiaskitError(f"{info.title}: the downloaded original holds no {part!r} part "
                           f"(converted files are in {folder})")
    return cached


_LOADERS = {
    "polnear": "load_polnear({part!r}, download=True)",
    "babe": "load_babe({part!r}, download=True)",
    "article_bias_prediction": "load_article_bias_prediction(download=True)",
    "newsmtsc": "load_newsmtsc({part!r}, download=True)",
    "allsides_ratings": "load_allsides_ratings(download=True)",
}


def _how_to_get(info: DatasetInfo, part: str, folder: Path) -> str:
    call = "biaskit.datasets." + _LOADERS[info.name].format(part=part)
    return (f"{info.title} ({part!r}) is not in the biaskit data cache ({folder}), and nothing is "
            f"downloaded unless you ask. To download the public original from {info.origin} "
            f"(commit {info.commit}, {info.size}) and convert it there, call {call}. "
            f"License: {info.license} Cite: {info.citation} "
            f"Or pass path= a folder that already holds the converted {info.parts[part][0]}.")


def _info(name: str) -> DatasetInfo:
    try:
        return DATASETS[name]
    except KeyError:
        raise BiaskitError(f"unknown data set {name!r}; choose one of {', '.join(map(repr, DATASETS))}") from None


# --------------------------------------------------------------------------
# Reading converted files
# --------------------------------------------------------------------------

def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson"))


def _read_jsonl_frame(path: Path) -> pd.DataFrame:
    if not _is_jsonl(path):
        raise InputError(f"{path}: expected a JSON Lines file (.jsonl or .jsonl.gz)")
    records = []
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            records.extend(rec for _, rec in json_records(f, path))
    except (OSError, UnicodeDecodeError, EOFError) as e:
        raise InputError(f"{path}: cannot read it ({e})") from None
    columns = list(dict.fromkeys(k for r in records for k in r))
    return pd.DataFrame.from_records(records, columns=columns)


def _read_csv_frame(path: Path) -> pd.DataFrame:
    from biaskit.io import read_table

    if not path.name.lower().endswith((".csv", ".csv.gz", ".tsv")):
        raise InputError(f"{path}: expected a CSV file")
    return read_table(path, dates=())


def _json_list(v: Any, file: Path, col: str, row: int) -> list | None:
    if isinstance(v, (list, tuple)):
        return list(v)
    if v is None or (isinstance(v, float) and np.isnan(v)) or v == "":
        return None
    try:
        out = json.loads(v)
    except (TypeError, json.JSONDecodeError):
        raise InputError(f"{file}, row {row + 1}, column {col}: not a JSON list: {str(v)[:60]!r}") from None
    if not isinstance(out, list):
        raise InputError(f"{file}, row {row + 1}, column {col}: not a JSON list: {str(v)[:60]!r}")
    return out


# --------------------------------------------------------------------------
# Downloading: fetch, checksum, convert
# --------------------------------------------------------------------------

def _fetch(url: str, dest: Path) -> None:
    """Download ``url`` to ``dest`` (stdlib urllib), with a clear error when offline."""
    from tqdm.auto import tqdm

    from biaskit import __version__

    request = urllib.request.Request(url, headers={"User-Agent": f"biaskit/{__version__} (+datasets)"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response, open(dest, "wb") as out:
            total = response.headers.get("Content-Length") if getattr(response, "headers", None) else None
            with tqdm(total=int(total) if total and total.isdigit() else None, unit="B", unit_scale=True,
                      desc=url.rsplit("/", 1)[-1][:40], disable=None, leave=False) as bar:
                while chunk := response.read(1 << 20):
                    out.write(chunk)
                    bar.update(len(chunk))
    except urllib.error.HTTPError as e:
        raise BiaskitError(f"could not download {url}: HTTP {e.code} {e.reason}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
        reason = getattr(e, "reason", e)
        raise BiaskitError(f"could not download {url} ({reason}). Are you offline? Nothing was "
                           f"converted; try again when connected, or pass path= a folder that "
                           f"holds the converted files") from None
    except OSError as e:
        raise BiaskitError(f"could not download {url} to {dest}: {e}") from None


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _read_manifest(folder: Path) -> dict:
    p = folder / _MANIFEST
    if not p.is_file():
        return {}
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise BiaskitError(f"{p} is damaged ({e}); delete it to download again") from None
    return data if isinstance(data, dict) else {}


def _write_manifest(folder: Path, manifest: dict) -> None:
    tmp = folder / (_MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, folder / _MANIFEST)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _download_and_convert(info: DatasetInfo, folder: Path) -> None:
    """Fetch every original file of ``info`` into ``folder/raw``, check, convert, clean up."""
    from biaskit import __version__

    folder.mkdir(parents=True, exist_ok=True)
    raw = folder / "raw"
    manifest = _read_manifest(folder)
    manifest.update({"dataset": info.name, "title": info.title, "origin": info.origin,
                     "commit": info.commit, "license": info.license, "citation": info.citation})
    files = manifest.setdefault("files", {})
    print(f"biaskit: downloading {info.title} from {info.origin} (commit {info.commit}, {info.size}) "
          f"into {folder}", file=sys.stderr)
    for url, name in info.downloads():
        dest = raw / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.is_file():
            part = dest.with_name(dest.name + ".part")
            try:
                _fetch(url, part)
            except BaseException:
                part.unlink(missing_ok=True)
                raise
            os.replace(part, dest)
        digest = _sha256(dest)
        known = files.get(url)
        if known and known.get("sha256") != digest:
            dest.unlink()
            raise BiaskitError(
                f"{url} differs from the file first downloaded on {known.get('fetched', '?')} "
                f"(SHA-256 {digest[:16]}... instead of {known.get('sha256', '?')[:16]}...); it was not used. "
                f"If you trust the new file, delete {folder / _MANIFEST} and call again.")
        if not known:
            files[url] = {"file": name, "sha256": digest, "bytes": dest.stat().st_size, "fetched": _now()}
            _write_manifest(folder, manifest)
    work = folder / ".converting"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        if info.raw_paths:
            info.convert(_FolderTree(raw), work)
        else:
            with _ZipTree(raw / info.downloads()[0][1]) as tree:
                info.convert(tree, work)
        for out in sorted(work.iterdir()):
            os.replace(out, folder / out.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    manifest.update({"converted": _now(), "biaskit": __version__,
                     "converted_files": sorted(n for names in info.parts.values() for n in names[:1]
                                               if (folder / n).is_file())})
    _write_manifest(folder, manifest)
    shutil.rmtree(raw, ignore_errors=True)


class _FolderTree:
    """Read files of an original release laid out in a folder."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.name = str(root)

    def exists(self, rel: str) -> bool:
        return (self.root / rel).is_file()

    def read(self, rel: str) -> bytes:
        p = self.root / rel
        if ".." in Path(rel).parts or not p.is_file():
            raise InputError(f"{self.name}: the original has no {rel}")
        return p.read_bytes()

    def files(self, folder: str) -> list[str]:
        d = self.root / folder
        return sorted(f"{folder.rstrip('/')}/{p.name}" for p in d.iterdir() if p.is_file()) if d.is_dir() else []


class _ZipTree:
    """Read files of a GitHub repository archive (its one top folder is skipped)."""

    def __init__(self, path: Path):
        self.name = str(path)
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as e:
            raise InputError(f"{path}: not a readable zip archive ({e}); delete it to download again") from None
        self.members: dict[str, str] = {}
        for n in self.zip.namelist():
            if n.endswith("/"):
                continue
            rel = n.split("/", 1)[1] if "/" in n else n
            self.members[rel] = n

    def __enter__(self) -> _ZipTree:
        return self

    def __exit__(self, *exc) -> None:
        self.zip.close()

    def exists(self, rel: str) -> bool:
        return rel in self.members

    def read(self, rel: str) -> bytes:
        if rel not in self.members:
            raise InputError(f"{self.name}: the original has no {rel}")
        return self.zip.read(self.members[rel])

    def files(self, folder: str) -> list[str]:
        prefix = folder.rstrip("/") + "/"
        return sorted(r for r in self.members if r.startswith(prefix) and "/" not in r[len(prefix):])


def _text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not UTF-8 (byte {e.start})") from None


def _write_jsonl(path: Path, records: Iterable[Mapping]) -> None:
    data = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
    if path.name.endswith(".gz"):
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
            f.write(data)
    else:
        path.write_bytes(data)


def _write_csv(path: Path, records: list[Mapping], columns: list[str]) -> None:
    from biaskit.io import write_table

    data: dict[str, Any] = {c: [r.get(c) for r in records] for c in columns}
    for c, values in data.items():
        present = [v for v in values if v is not None]
        if present and len(present) < len(values) and all(type(v) is int for v in present):
            data[c] = pd.array(values, dtype="Int64")  # whole numbers stay whole beside gaps
    write_table(pd.DataFrame(data, columns=columns), path)


def _null(v: str | None) -> str | None:
    """Upstream spells a missing value "None" or leaves it empty."""
    return None if v is None or v.strip() in ("", "None") else v


def _delimited(data: bytes, name: str, *, delimiter: str | None = None,
               required: Iterable[str] = ()) -> list[dict[str, str]]:
    s = _text(data, name)
    if delimiter is None:
        header = s.split("\n", 1)[0]
        delimiter = ";" if header.count(";") > header.count(",") else ","
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.DictReader(io.StringIO(s, newline=""), delimiter=delimiter, quoting=quoting)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{name}: no column {', '.join(missing)} (found: {', '.join(reader.fieldnames or [])})")
    rows = []
    for row in reader:
        if None in row:
            raise InputError(f"{name}, line {reader.line_num}: more fields than the header has")
        rows.append({k: ("" if v is None else v) for k, v in row.items()})
    return rows


# --------------------------------------------------------------------------
# PolNeAR: brat standoff (.ann + .txt) -> JSON Lines
# --------------------------------------------------------------------------

_POLNEAR_OUTLETS = {
    "breitbart": "Breitbart", "huff-post": "Huffington Post", "nyt": "New York Times",
    "politico": "Politico", "usa-today": "USA Today", "wash-post": "Washington Post",
    "west-journal": "Western Journalism",
}
_POLNEAR_SPLITS = ("train", "dev", "test")
_BRAT_ROLES = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content2"}
_MARK_LABELS = ("Discuss", "Discard")
_BRAT_LINE = re.compile(r"[TE#RANM*]\d*\t")
_DOUBLE_QUOTES = "\"“”„‟«»"


def _span(text: str, pieces: list[tuple[int, int]]) -> dict:
    start, end = pieces[0][0], pieces[-1][1]
    out = {"start": start, "end": end, "text": text[start:end]}
    if len(pieces) > 1:
        out["fragments"] = [{"start": a, "end": b, "text": text[a:b]} for a, b in pieces]
    return out


def _quote_form(content: dict | None) -> str | None:
    """A heuristic, not gold: is the content one quotation, partly quoted, or reported?"""
    if content is None:
        return None
    t = content["text"].strip()
    n = sum(ch in _DOUBLE_QUOTES for ch in t)
    if t[:1] in _DOUBLE_QUOTES and (t[-1:] in _DOUBLE_QUOTES or n == 1):
        return "direct"
    return "mixed" if n else "indirect"


def _parse_brat(ann: str, text: str, name: str) -> dict:
    """One annotator's brat standoff file -> attributions, marks and unlinked spans."""
    spans: dict[str, tuple[str, dict, int]] = {}
    events: list[tuple[str, str, str, dict[str, str], int]] = []
    notes: dict[str, list[str]] = {}
    note_lines: dict[str, int] = {}
    lines: list[tuple[int, str]] = []
    for line_no, line in enumerate(ann.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        if _BRAT_LINE.match(line) or not lines:
            lines.append((line_no, line))
        elif lines[-1][1].startswith("T"):  # the text of a span that runs over a line end
            lines[-1] = (lines[-1][0], lines[-1][1] + "\n" + line)
        else:
            raise InputError(f"{name}, line {line_no}: not a brat annotation: {line[:50]!r}")
    for line_no, line in lines:
        fields = line.split("\t", 2)
        ident = fields[0]
        if ident[0] == "T":
            m = re.fullmatch(r"(\S+) (\d+ \d+(?:;\d+ \d+)*)", fields[1] if len(fields) > 1 else "")
            if not m:
                raise InputError(f"{name}, line {line_no}: cannot read the span {line[:60]!r}")
            listed = [(int(a), int(b)) for a, b in (p.split() for p in m.group(2).split(";"))]
            for a, b in listed:
                if not 0 <= a <= b <= len(text):
                    raise InputError(f"{name}, line {line_no}: span {a}-{b} lies outside the "
                                     f"article text ({len(text)} characters)")
            stored = " ".join((fields[2] if len(fields) > 2 else "").split())
            at_offsets = " ".join(" ".join(text[a:b] for a, b in listed).split())
            if stored and stored != at_offsets:
                raise InputError(f"{name}, line {line_no}: the span text {stored[:40]!r} is not the "
                                 f"article text at {m.group(2)} ({at_offsets[:40]!r}); is the .txt file "
                                 f"the one this annotation was made on?")
            pieces = sorted(listed)
            if ident in spans:
                raise InputError(f"{name}, line {line_no}: {ident} is defined twice")
            spans[ident] = (m.group(1), _span(text, pieces), line_no)
        elif ident[0] == "E":
            args = (fields[1] if len(fields) > 1 else "").split()
            if not args or ":" not in args[0]:
                raise InputError(f"{name}, line {line_no}: cannot read the event {line[:60]!r}")
            etype, trigger = args[0].split(":", 1)
            roles: dict[str, str] = {}
            for a in args[1:]:
                role, _, target = a.partition(":")
                if role not in _BRAT_ROLES:
                    raise InputError(f"{name}, line {line_no}: unknown role {role!r} in {ident} "
                                     f"(known: {', '.join(_BRAT_ROLES)})")
                if role in roles:
                    raise InputError(f"{name}, line {line_no}: role {role} given twice in {ident}")
                roles[role] = target
            events.append((ident, etype, trigger, roles, line_no))
        elif ident[0] == "#":
            kind, _, target = (fields[1] if len(fields) > 1 else "").partition(" ")
            if kind != "AnnotatorNotes" or not target:
                raise InputError(f"{name}, line {line_no}: unsupported note {line[:60]!r}")
            notes.setdefault(target, []).append(fields[2] if len(fields) > 2 else "")
            note_lines.setdefault(target, line_no)
        else:
            raise InputError(f"{name}, line {line_no}: unsupported brat annotation {line[:50]!r} "
                             f"(PolNeAR uses T, E and # lines)")
    event_ids = {e[0] for e in events}
    for target, line_no in note_lines.items():
        if target not in spans and target not in event_ids:
            raise InputError(f"{name}, line {line_no}: a note refers to {target}, which is not defined")
    used: set[str] = set()
    attributions = []
    for ident, etype, trigger, roles, line_no in events:
        for t in (trigger, *roles.values()):
            if t not in spans:
                raise InputError(f"{name}, line {line_no}: {ident} refers to {t}, which is not defined")
        used.update((trigger, *roles.values()))
        rec: dict[str, Any] = {"id": ident, "event_type": etype}
        for role, key in _BRAT_ROLES.items():
            rec[key] = spans[roles[role]][1] if role in roles else None
        rec["anchor"] = spans[trigger][1]
        rec["type"] = None
        rec["derived_quote_form"] = _quote_form(rec["content"])
        attached = [n for t in (ident, trigger, *roles.values()) for n in notes.get(t, [])]
        if attached:
            rec["notes"] = attached
        attributions.append(rec)
    attributions.sort(key=lambda a: (min((a[k]["start"] for k in _BRAT_ROLES.values() if a[k]), default=-1),
                                     a["id"]))
    marks, unlinked = [], []
    for ident, (label, span, _) in spans.items():
        if ident in used:
            continue
        rec = {"brat_id": ident, "label": label, "span": span}
        if ident in notes:
            rec["notes"] = notes[ident]
        (marks if label in _MARK_LABELS else unlinked).append(rec)
    order = lambda r: (r["span"]["start"], int(r["brat_id"][1:] or 0))  # noqa: E731
    return {"attributions": attributions, "annotator_marks": sorted(marks, key=order),
            "unlinked_spans": sorted(unlinked, key=order)}


def _int(v: str, name: str, what: str) -> int:
    try:
        return int(v)
    except ValueError:
        raise InputError(f"{name}: {what} is not a whole number: {v!r}") from None


def _polnear_article(tree: Any, row: dict[str, str], line: int) -> dict:
    where = f"data/metadata.tsv, line {line}"
    fid, split = row["filename"], row["compartment"]
    text_file = f"data/{split}/text/{fid}.txt"
    text = tree.read(text_file).decode("utf-8")
    listed = [a for a in row["annotators"].split("|") if a and a != "None"]
    if not listed:
        raise InputError(f"{where}: article {fid} lists no annotator")
    annotations, ann_files = {}, []
    for annotator in sorted(listed):
        ann_file = f"data/{split}/attributions/{fid}_{annotator}.ann"
        if not tree.exists(ann_file):
            raise InputError(f"{where}: annotator {annotator} is listed for {fid} but the original "
                             f"has no {ann_file}")
        annotations[annotator] = _parse_brat(_text(tree.read(ann_file), ann_file), text, ann_file)
        ann_files.append(ann_file)
    primary, *others = sorted(listed)
    return {
        "id": fid,
        "outlet": row["publisher"],
        "outlet_name": _POLNEAR_OUTLETS.get(row["publisher"], row["publisher"]),
        "date": _null(row["publication_date"]),
        "title": _null(row["title"]),
        "author": _null(row["author"]),
        "split": split,
        "text": text,
        "annotator": primary,
        **annotations[primary],
        "alternative_annotations": [{"annotator": a, **annotations[a]} for a in others],
        "meta": {
            "annotation_level": _null(row["level"]),
            "annotators_listed": listed,
            "trump_count": _int(row["trump_count"], where, "trump_count"),
            "clinton_count": _int(row["clinton_count"], where, "clinton_count"),
            "credit": _null(row["credit"]),
            "wire": _null(row["wire"]),
            "source_files": [text_file, *ann_files],
        },
    }


def _convert_polnear(tree: Any, out: Path) -> None:
    """PolNeAR's metadata.tsv, texts and brat files -> ``{train,dev,test}.jsonl``.

    The ``annotator-training`` and ``parc3-replication`` compartments are
    quality-control material, not part of the corpus, and are not converted.
    """
    rows = _delimited(tree.read("data/metadata.tsv"), "data/metadata.tsv", delimiter="\t",
                      required=("compartment", "filename", "annotators", "publisher", "publication_date",
                                "title", "author", "level", "trump_count", "clinton_count", "credit", "wire"))
    by_split: dict[str, list[dict]] = {s: [] for s in _POLNEAR_SPLITS}
    for line, row in enumerate(rows, 2):
        if row["compartment"] in by_split:
            by_split[row["compartment"]].append(_polnear_article(tree, row, line))
    for split, records in by_split.items():
        if records:
            _write_jsonl(out / f"{split}.jsonl", sorted(records, key=lambda r: r["id"]))


# --------------------------------------------------------------------------
# BABE: semicolon CSVs and Excel workbooks -> CSV / JSON Lines
# --------------------------------------------------------------------------

_XL = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_XL_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _xl_text(el: ET.Element | None) -> str:
    """The text of a string item: its ``<t>``, or its rich-text runs (phonetic hints left out)."""
    if el is None:
        return ""
    parts = [el.findtext(f"{_XL}t") or ""] if el.find(f"{_XL}t") is not None else []
    parts += [r.findtext(f"{_XL}t") or "" for r in el.findall(f"{_XL}r")]
    return "".join(parts)


def _col_index(ref: str) -> int:
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def _read_xlsx(data: bytes, name: str) -> list[list[str | None]]:
    """The first worksheet of an .xlsx workbook as rows of text (stdlib only)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = set(z.namelist())
            workbook = ET.fromstring(z.read("xl/workbook.xml"))
            first = workbook.find(f"{_XL}sheets/{_XL}sheet")
            sheet = "xl/worksheets/sheet1.xml"
            if first is not None and "xl/_rels/workbook.xml.rels" in members:
                rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
                for rel in rels.iter(f"{_PKG_REL}Relationship"):
                    if rel.get("Id") == first.get(_XL_REL):
                        target = rel.get("Target", "")
                        sheet = target.lstrip("/") if target.startswith("/") else "xl/" + target
            shared = []
            if "xl/sharedStrings.xml" in members:
                shared = [_xl_text(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(f"{_XL}si")]
            root = ET.fromstring(z.read(sheet))
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as e:
        raise InputError(f"{name}: not a readable .xlsx workbook ({e})") from None
    rows: list[list[str | None]] = []
    for row in root.iter(f"{_XL}row"):
        values: dict[int, str | None] = {}
        for pos, cell in enumerate(row.iter(f"{_XL}c")):
            ref = cell.get("r")
            col = _col_index(ref) if ref else pos
            kind = cell.get("t", "n")
            v = cell.findtext(f"{_XL}v")
            if kind == "s":
                try:
                    values[col] = shared[int(v)]
                except (TypeError, ValueError, IndexError):
                    raise InputError(f"{name}: cell {ref} points to a missing shared string") from None
            elif kind == "inlineStr":
                values[col] = _xl_text(cell.find(f"{_XL}is"))
            elif kind == "b":
                values[col] = "TRUE" if v == "1" else "FALSE"
            else:
                values[col] = v
        index = int(row.get("r", len(rows) + 1)) - 1
        while len(rows) < index:
            rows.append([])
        rows.append([values.get(i) for i in range(max(values) + 1)] if values else [])
    return rows


def _xlsx_records(data: bytes, name: str) -> list[dict[str, str]]:
    rows = _read_xlsx(data, name)
    if not rows:
        raise InputError(f"{name}: the first worksheet is empty")
    header = [(h or "").strip() for h in rows[0]]
    return [{h: ("" if i >= len(r) or r[i] is None else str(r[i])) for i, h in enumerate(header) if h}
            for r in rows[1:] if any(v not in (None, "") for v in r)]


def _column(rows: list[dict[str, str]], name: str, *aliases: str, required: bool = True) -> str | None:
    found = {k.lower(): k for k in (rows[0] if rows else {})}
    for a in aliases:
        if a.lower() in found:
            return found[a.lower()]
    if required:
        raise InputError(f"{name}: no column {' or '.join(aliases)} (found: {', '.join(rows[0]) if rows else 'no rows'})")
    return None


def _word_list(v: str, name: str, line: int) -> list[str]:
    v = (v or "").strip()
    if not v:
        return []
    try:
        out = ast.literal_eval(v)
    except (ValueError, SyntaxError):
        raise InputError(f"{name}, row {line}: biased words are not a list: {v[:60]!r}") from None
    if not isinstance(out, (list, tuple)) or not all(isinstance(w, str) for w in out):
        raise InputError(f"{name}, row {line}: biased words are not a list of words: {v[:60]!r}")
    return list(out)


def _sha_id(prefix: str, text: str) -> str:
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def _stratified_folds(labels: list[str], k: int = 5, seed: int = 13) -> list[int]:
    """Fold of each row: each label's rows shuffled (seeded) and dealt round-robin."""
    rng = np.random.default_rng(seed)
    folds = [0] * len(labels)
    for label in sorted(set(labels)):
        rows = [i for i, v in enumerate(labels) if v == label]
        for rank, j in enumerate(rng.permutation(len(rows))):
            folds[rows[j]] = rank % k
    return folds


_SG_COLUMNS = ("text", "news_link", "outlet", "topic", "type", "label_bias", "label_opinion", "biased_words")
_BABE_RAW = ("data/final_labels_SG2.csv", "data/final_labels_SG1.csv", "data/final_labels_MBIC.xlsx",
             "data/bias_word_lexicon.xlsx")


def _convert_babe(tree: Any, out: Path) -> None:
    """BABE's SG2/SG1 CSVs, MBIC and lexicon workbooks -> the four converted files."""
    sg2_name, sg1_name, mbic_name, lex_name = _BABE_RAW
    sg2 = _delimited(tree.read(sg2_name), sg2_name, required=_SG_COLUMNS)
    sg1 = _delimited(tree.read(sg1_name), sg1_name, required=_SG_COLUMNS)
    display = {_slug(r["outlet"]): r["outlet"] for r in sg2 if r["outlet"]}
    sg1_outlet = [display.get(_slug(r["outlet"]), r["outlet"]) for r in sg1]
    leanings: dict[str, set[str]] = {}
    for outlet, r in [*((r["outlet"], r) for r in sg2), *zip(sg1_outlet, sg1, strict=True)]:
        if r["type"].strip():
            leanings.setdefault(outlet, set()).add(r["type"].strip())
    sg1_texts = {r["text"] for r in sg1}
    sg2_texts = {r["text"] for r in sg2}

    folds = _stratified_folds([r["label_bias"] for r in sg2])
    records = []
    for line, (r, fold) in enumerate(zip(sg2, folds, strict=True), 2):
        bias, filled = r["type"].strip(), False
        if not bias and len(leanings.get(r["outlet"], ())) == 1:
            bias, filled = next(iter(leanings[r["outlet"]])), True
        records.append({
            "id": _sha_id("babe_", r["text"]), "text": r["text"], "outlet": r["outlet"],
            "outlet_bias": bias or None, "outlet_bias_filled": filled, "topic": r["topic"] or None,
            "news_link": r["news_link"] or None, "label_bias": r["label_bias"] or None,
            "label_opinion": r["label_opinion"] or None,
            "biased_words": _word_list(r["biased_words"], sg2_name, line),
            "in_sg1": r["text"] in sg1_texts, "fold": fold,
        })
    _write_csv(out / "babe_sg2.csv", records, list(records[0]) if records else
               ["id", "text", "outlet", "outlet_bias", "outlet_bias_filled", "topic", "news_link", "label_bias",
                "label_opinion", "biased_words", "in_sg1", "fold"])

    mbic = _xlsx_records(tree.read(mbic_name), mbic_name)
    col = {key: _column(mbic, mbic_name, *aliases, required=req) for key, aliases, req in (
        ("text", ("text", "sentence"), True), ("label_bias", ("label_bias",), True),
        ("label_opinion", ("label_opinion",), False), ("biased_words", ("biased_words", "biased_words4"), False),
        ("group_id", ("group_id",), False), ("news_link", ("news_link",), False),
        ("outlet", ("outlet",), False), ("type", ("type",), False), ("topic", ("topic",), False),
        ("article", ("article",), False))}
    get = lambda r, key: (r.get(col[key]) or "") if col[key] else ""  # noqa: E731
    mbic_by_text: dict[str, tuple[int, dict]] = {}
    for line, r in enumerate(mbic, 2):
        mbic_by_text.setdefault(get(r, "text"), (line, r))
    rows = []
    for line, (r, outlet) in enumerate(zip(sg1, sg1_outlet, strict=True), 2):
        m_line, m = mbic_by_text.get(r["text"], (0, None))
        group = get(m, "group_id").strip() if m else ""
        rows.append({
            "id": _sha_id("mbic_", r["text"]), "text": r["text"], "outlet": outlet,
            "outlet_bias": r["type"].strip() or None, "topic": r["topic"] or None,
            "news_link": r["news_link"] or None,
            "label_bias_sg1": r["label_bias"] or None, "label_opinion_sg1": r["label_opinion"] or None,
            "biased_words_sg1": _word_list(r["biased_words"], sg1_name, line),
            "label_bias_mbic": (get(m, "label_bias") or None) if m else None,
            "label_opinion_mbic": (get(m, "label_opinion") or None) if m else None,
            "biased_words_mbic": _word_list(get(m, "biased_words"), mbic_name, m_line) if m else None,
            "mbic_group_id": (int(float(group)) if re.fullmatch(r"\d+(\.0+)?", group) else group or None),
            "in_babe_sg2": r["text"] in sg2_texts,
        })
    _write_csv(out / "babe_sg1_mbic.csv", rows, list(rows[0]) if rows else
               ["id", "text", "outlet", "outlet_bias", "topic", "news_link", "label_bias_sg1",
                "label_opinion_sg1", "biased_words_sg1", "label_bias_mbic", "label_opinion_mbic",
                "biased_words_mbic", "mbic_group_id", "in_babe_sg2"])

    articles: dict[str, dict] = {}
    for r in mbic:
        link = get(r, "news_link").strip()
        if link and link not in articles:
            articles[link] = {"news_link": link, "outlet": get(r, "outlet") or None,
                              "outlet_bias": get(r, "type") or None, "topic": get(r, "topic") or None,
                              "text": get(r, "article") or None}
    _write_jsonl(out / "mbic_articles.jsonl", articles.values())

    words: dict[str, None] = {}
    for row in _read_xlsx(tree.read(lex_name), lex_name):
        w = (row[0] or "").strip() if row else ""
        if w:
            words.setdefault(w)
    _write_csv(out / "bias_word_lexicon.csv", [{"word": w} for w in words], ["word"])


# --------------------------------------------------------------------------
# Article-Bias-Prediction: one JSON per article + split TSVs -> JSON Lines
# --------------------------------------------------------------------------

_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")


def _abp_date(v: Any) -> str | None:
    """Upstream dates are ISO or m/d/yy; empty ones become None, others stay as given."""
    s = "" if v is None else str(v).strip()
    if not s:
        return None
    m = _MDY.fullmatch(s)
    if m:
        month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if len(m.group(3)) == 2:
            year += 2000
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return s


def _convert_abp(tree: Any, out: Path) -> None:
    """Article-Bias-Prediction's ``data/jsons`` and ``data/splits`` -> ``abp_articles.jsonl.gz``."""
    splits: dict[str, dict[str, str]] = {"random": {}, "media": {}}
    for protocol, table in splits.items():
        for part in ("train", "valid", "test"):
            name = f"data/splits/{protocol}/{part}.tsv"
            for row in _delimited(tree.read(name), name, delimiter="\t", required=("ID",)):
                table[row["ID"]] = part
    records = []
    for name in tree.files("data/jsons"):
        if not name.endswith(".json"):
            continue
        try:
            a = json.loads(_text(tree.read(name), name))
        except json.JSONDecodeError as e:
            raise InputError(f"{name}: not valid JSON ({e.msg}, line {e.lineno})") from None
        missing = [k for k in ("ID", "source", "bias", "bias_text", "content_original") if k not in a]
        if missing:
            raise InputError(f"{name}: no {', '.join(missing)} field")
        try:
            label_id = int(a["bias"])
        except (TypeError, ValueError):
            raise InputError(f"{name}: bias is not 0, 1 or 2: {a['bias']!r}") from None
        records.append({
            "id": a["ID"], "outlet": a["source"], "outlet_url": a.get("source_url"),
            "outlet_bias": a["bias_text"], "label": a["bias_text"], "label_id": label_id,
            "date": _abp_date(a.get("date")), "topic": a.get("topic"), "title": a.get("title"),
            "authors": a.get("authors"), "url": a.get("url"), "text": a["content_original"],
            "split_random": splits["random"].get(a["ID"], "none"),
            "split_media": splits["media"].get(a["ID"], "none"),
        })
    in_test = {r["outlet"] for r in records if "test" in (r["split_random"], r["split_media"])}
    for r in records:
        r["outlet_in_test"] = r["outlet"] in in_test
    if not records:
        raise InputError(f"{tree.name}: no article files in data/jsons")
    _write_jsonl(out / "abp_articles.jsonl.gz", sorted(records, key=lambda r: r["id"]))


# --------------------------------------------------------------------------
# NewsMTSC: sentences with targets -> one row per sentence x target
# --------------------------------------------------------------------------

_MTSC_DATA = "NewsSentiment/controller_data/datasets/NewsMTSC-dataset"
_MTSC_SPLITS = "NewsSentiment/experiments/default/datasets"
_MTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_MTSC_RAW = (f"{_MTSC_DATA}/train.jsonl", f"{_MTSC_DATA}/devtest_mt.jsonl", f"{_MTSC_DATA}/devtest_rw.jsonl",
             f"{_MTSC_SPLITS}/newsmtsc-mt/dev.jsonl", f"{_MTSC_SPLITS}/newsmtsc-mt/test.jsonl",
             f"{_MTSC_SPLITS}/newsmtsc-rw/dev.jsonl", f"{_MTSC_SPLITS}/newsmtsc-rw/test.jsonl")


def _jsonl_lines(data: bytes, name: str) -> Iterable[tuple[int, dict]]:
    for i, line in enumerate(_text(data, name).split("\n"), 1):
        if line.strip():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{name}, line {i}: not valid JSON ({e.msg})") from None
            if not isinstance(obj, dict):
                raise InputError(f"{name}, line {i}: expected a JSON object")
            yield i, obj


def _target_ids(data: bytes, name: str) -> set[str]:
    """Target ids listed in a dev/test file (nested like devtest, or one target per line)."""
    ids = set()
    for i, obj in _jsonl_lines(data, name):
        if "targets" in obj:
            ids.update(str(t.get("Input.gid")) for t in obj["targets"])
        elif "id" in obj or "Input.gid" in obj:
            ids.add(str(obj.get("id", obj.get("Input.gid"))))
        else:
            raise InputError(f"{name}, line {i}: no target id (targets, id or Input.gid)")
    return ids


def _mtsc_rows(data: bytes, name: str, split_of: Callable[[str, int], str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for i, obj in _jsonl_lines(data, name):
        missing = [k for k in ("primary_gid", "sentence_normalized", "targets") if k not in obj]
        if missing:
            raise InputError(f"{name}, line {i}: no {', '.join(missing)}")
        sid, targets = str(obj["primary_gid"]), obj["targets"]
        for t in targets:
            try:
                label = _MTSC_POLARITY[float(t["polarity"])]
                tid, start, end, mention = str(t["Input.gid"]), int(t["from"]), int(t["to"]), t["mention"]
            except (KeyError, TypeError, ValueError):
                raise InputError(f"{name}, line {i}: a target lacks Input.gid, from, to, mention or a "
                                 f"polarity of 2.0, 4.0 or 6.0") from None
            split = split_of(tid, i)
            out.setdefault(split, []).append({
                "sentence_id": sid, "target_id": tid, "source_collection": sid.split("_", 1)[0],
                "text": obj["sentence_normalized"], "target": mention, "target_from": start, "target_to": end,
                "label": label, "n_targets_in_sentence": len(targets),
                "further_mentions": [m.get("mention") for m in t.get("further_mentions") or []],
                "split": split,
            })
    return out


def _convert_newsmtsc(tree: Any, out: Path) -> None:
    """NewsMTSC's train/devtest files and the repository's dev/test partition -> five JSONL files."""
    parts = _mtsc_rows(tree.read(_MTSC_RAW[0]), _MTSC_RAW[0], lambda tid, i: "train")
    for kind in ("mt", "rw"):
        name = f"{_MTSC_DATA}/devtest_{kind}.jsonl"
        dev = _target_ids(tree.read(f"{_MTSC_SPLITS}/newsmtsc-{kind}/dev.jsonl"), f"newsmtsc-{kind}/dev.jsonl")
        test = _target_ids(tree.read(f"{_MTSC_SPLITS}/newsmtsc-{kind}/test.jsonl"), f"newsmtsc-{kind}/test.jsonl")

        def split_of(tid: str, line: int, kind=kind, dev=dev, test=test, name=name) -> str:
            if (tid in dev) == (tid in test):
                where = "both the dev and the test" if tid in dev else "neither the dev nor the test"
                raise InputError(f"{name}, line {line}: target {tid} is in {where} partition")
            return f"dev_{kind}" if tid in dev else f"test_{kind}"

        parts.update(_mtsc_rows(tree.read(name), name, split_of))
    for split, rows in parts.items():
        _write_jsonl(out / f"{split}.jsonl", rows)


# --------------------------------------------------------------------------
# AllSides ratings (AllSideR) -> CSV
# --------------------------------------------------------------------------

_RATINGS_COLUMNS = ["outlet", "rating", "rating_num", "rating_3class", "type", "agree", "disagree", "perc_agree",
                    "confidence_level", "editorial_review", "blind_survey", "third_party_analysis",
                    "independent_research", "url"]
_RATINGS_NUMERIC = ("rating_num", "agree", "disagree", "perc_agree", "blind_survey", "third_party_analysis",
                    "independent_research")
_THREE_CLASS = {"left": "left", "left-center": "left", "center": "center", "right-center": "right", "right": "right"}
_ALLSIDER_CSV = "data/allsides_data.csv"


def _convert_allsides(tree: Any, out: Path) -> None:
    """AllSideR's ``data/allsides_data.csv`` -> the ratings table (social-media links dropped)."""
    src = [c for c in _RATINGS_COLUMNS if c not in ("outlet", "rating_3class")]
    rows = _delimited(tree.read(_ALLSIDER_CSV), _ALLSIDER_CSV, delimiter=",", required=("news_source", *src))
    records = []
    for line, r in enumerate(rows, 2):
        rec: dict[str, Any] = {}
        for c in _RATINGS_COLUMNS:
            v = r.get("news_source" if c == "outlet" else c, "")
            v = None if v.strip() in ("", "NA") else v
            if c in _RATINGS_NUMERIC and v is not None:
                try:
                    v = float(v) if c == "perc_agree" or not re.fullmatch(r"-?\d+", v) else int(v)
                except ValueError:
                    raise InputError(f"{_ALLSIDER_CSV}, line {line}, column {c}: not a number: {v!r}") from None
            rec[c] = v
        rec["rating_3class"] = _THREE_CLASS.get(rec["rating"] or "")
        records.append(rec)
    _write_csv(out / "allsides_ratings_2019-10-18.csv", records, _RATINGS_COLUMNS)


# --------------------------------------------------------------------------
# The registry
# --------------------------------------------------------------------------

DATASETS: Mapping[str, DatasetInfo] = MappingProxyType({
    "polnear": DatasetInfo(
        name="polnear", title="PolNeAR", repo="networkdynamics/PolNeAR", commit="c3eee83",
        license=("the repository states no license for the data (only its helper package says MIT) and "
                 "the texts belong to their publishers: use it for internal evaluation and research only, "
                 "do not republish it."),
        citation=("Newell, Margolin & Ruths (2018), An attribution relations corpus for political news, "
                  "LREC 2018."),
        parts={"train": ("train.jsonl",), "dev": ("dev.jsonl",), "test": ("test.jsonl",)},
        size="the whole repository archive, with CoreNLP parses: large", convert=_convert_polnear),
    "babe": DatasetInfo(
        name="babe", title="BABE",
        repo="Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE",
        commit="fb79f646dcabf1746f5ebedc06ed8dd61ba78188",
        license=("GNU AGPL-3.0; the sentences and articles are excerpts of copyrighted news: research use, "
                 "and never copy them (or word lists derived from the annotations) into a package."),
        citation=("Spinde et al. (2021), Neural Media Bias Detection Using Distant Supervision With BABE, "
                  "Findings of EMNLP 2021."),
        parts={"sg2": ("babe_sg2.csv",), "sg1_mbic": ("babe_sg1_mbic.csv",),
               "mbic_articles": ("mbic_articles.jsonl",), "lexicon": ("bias_word_lexicon.csv",)},
        raw_paths=_BABE_RAW, size="four files, a few MB", convert=_convert_babe),
    "article_bias_prediction": DatasetInfo(
        name="article_bias_prediction", title="Article-Bias-Prediction",
        repo="ramybaly/Article-Bias-Prediction", commit="ced8111a720948e6a410e52031ace99c4e53f096",
        license=("Apache-2.0 for the release; the article texts are copyrighted by their publishers: use "
                 "them for research."),
        citation=("Baly, Da San Martino, Glass & Nakov (2020), We Can Detect Your Bias: Predicting the "
                  "Political Ideology of News Articles, EMNLP 2020."),
        parts={"articles": ("abp_articles.jsonl.gz", "abp_trainval_subset.jsonl.gz")},
        size="the whole repository archive, ~37,500 articles: large", convert=_convert_abp),
    "newsmtsc": DatasetInfo(
        name="newsmtsc", title="NewsMTSC", repo="fhamborg/NewsMTSC",
        commit="b9d9b79704ed1b35cecaf1d7c2343dc1bd734fb7",
        license="MIT-style (the repository's LICENSE, Copyright 2020 Felix Hamborg); cite the paper.",
        citation=("Hamborg & Donnay (2021), NewsMTSC: (Multi-)Target-dependent Sentiment Classification in "
                  "News Articles, EACL 2021."),
        parts={"train": ("train.jsonl",), "dev_mt": ("dev_mt.jsonl",), "dev_rw": ("dev_rw.jsonl",),
               "test_mt": ("test_mt.jsonl",), "test_rw": ("test_rw.jsonl",)},
        raw_paths=_MTSC_RAW, size="seven files, a few MB", convert=_convert_newsmtsc),
    "allsides_ratings": DatasetInfo(
        name="allsides_ratings", title="AllSides ratings (AllSideR)", repo="favstats/AllSideR",
        commit="48ccaf4481a7c5af5664ea3467d314a7d67d516d",
        license=("GPL-3 for the AllSideR package; the ratings are AllSides' work, so check AllSides' terms "
                 "before using them beyond research."),
        citation="AllSides.com media bias ratings (2019-10-18 snapshot), via AllSideR (github.com/favstats/AllSideR).",
        parts={"ratings": ("allsides_ratings_2019-10-18.csv",)},
        raw_paths=(_ALLSIDER_CSV,), size="one 100 kB file", convert=_convert_allsides),
})
