"""biaskit: media bias and sourcing analysis.

Who is quoted, how, through whom, in what words, at what reading level, and
how outlets differ in all of it. The flow is

    read_articles -> (clean) -> parse -> extract_features / attribution_table /
    vocabulary_table -> compare / models -> report

Every public name below is imported lazily, so ``import biaskit`` stays fast.

Examples
--------
>>> import biaskit
>>> biaskit.__version__
'0.1.0'
"""

from __future__ import annotations

import importlib

from biaskit._pure_python import install_if_requested as _install_if_requested

_install_if_requested()  # BIASKIT_PURE_PYTHON=1: the attribution rules run from their .py sources
del _install_if_requested

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    # load and clean
    "read_articles": "biaskit.io",
    "clean_text": "biaskit.clean",
    # parse
    "parse": "biaskit.parse",
    "parse_article": "biaskit.features",
    "Doc": "biaskit.parse",
    # evaluation
    "score_attributions": "biaskit.evaluate.attributions",
    "evaluate_attributions": "biaskit.evaluate.attributions",
    "evaluate_vocabulary": "biaskit.evaluate.vocabulary",
    # records
    "Attribution": "biaskit.records",
    "LexiconHit": "biaskit.records",
    # extract
    "readability": "biaskit.extract.readability",
    "sentiment": "biaskit.extract.sentiment",
    "attributions": "biaskit.extract.sourcing",
    "attribution_table": "biaskit.extract.sourcing_table",
    "sourcing_profile": "biaskit.extract.sourcing_table",
    "read_attribution_table": "biaskit.extract.sourcing_table",
    "vocabulary_hits": "biaskit.extract.vocabulary",
    "vocabulary_table": "biaskit.extract.vocabulary",
    "load_lexicon": "biaskit.lexicons",
    "load_wordlists": "biaskit.wordlists",
    "sentence_scores": "biaskit.extract.sentiment",
    # features
    "extract_features": "biaskit.features",
    "extract_tables": "biaskit.features",
    "FeatureExtractor": "biaskit.transform",
    # compare and model
    "compare": "biaskit.compare",
    "distinctive_terms": "biaskit.compare",
    "match_stories": "biaskit.stories",
    "story_coverage": "biaskit.stories",
    "join_outlet_metadata": "biaskit.outlets",
    "outlet_classifier": "biaskit.models",
    "evaluate_outlet_model": "biaskit.models",
    "LeaningTextClassifier": "biaskit.models",
    # report
    "report": "biaskit.reporting.build",
    "Report": "biaskit.reporting",
    "show": "biaskit.reporting.annotate",
    "annotate_html": "biaskit.reporting.annotate",
    # data sets (read from a path or the user cache; download only when asked)
    "data_home": "biaskit.datasets",
    "dataset_path": "biaskit.datasets",
    "load_polnear": "biaskit.datasets",
    "load_babe": "biaskit.datasets",
    "load_article_bias_prediction": "biaskit.datasets",
    "load_newsmtsc": "biaskit.datasets",
    "load_allsides_ratings": "biaskit.datasets",
    # io helpers
    "write_table": "biaskit.io",
    "read_table": "biaskit.io",
    "safe_filename": "biaskit.io",
}

__all__ = ["__version__", *sorted(_EXPORTS)]

# register the ``df.biaskit`` accessor (pandas is a dependency; this is the
# one import done eagerly, so that any DataFrame has ``.biaskit`` at once)
from biaskit import accessor as _accessor  # noqa: E402,F401

# ``parse`` names both a function and the module that defines it: bound here at once, so that an
# import of the module by any extractor cannot put the module in the function's place
from biaskit.parse import Doc, parse  # noqa: E402,F401


def __getattr__(name: str):
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'biaskit' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
