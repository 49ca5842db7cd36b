"""What each feature column means, in words a reader of the report understands.

The report labels its tables and axes, and writes its glossary, from this
catalogue. A column that is not listed gets a label made from its name, so a
new feature never breaks a report; it only lacks an explanation.

Examples
--------
>>> describe("readability.flesch_reading_ease").label
'Flesch Reading Ease'
>>> describe("vocabulary.loaded_own_per_1k").label
'Loaded, own voice'
>>> describe("sourcing.something_new").label
'Something new'

The two anonymity measures are told apart (they count different attributions):

>>> describe("sourcing.anonymous_share").label
'Unnamed sources (anonymous or no speaker)'
>>> describe("sourcing.share_anonymous").label
'Source type: anonymous'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Metric", "describe", "CATALOGUE", "VOICE_LABELS"]


@dataclass(frozen=True, slots=True)
class Metric:
    """Label, unit, display format and meaning of a feature column."""

    name: str
    label: str
    unit: str = ""
    fmt: str = "num"
    digits: int | None = None
    meaning: str = ""

    @property
    def axis_label(self) -> str:
        """Axis label with the unit."""
        return self.unit or self.label


#: Voices of lexicon hits, as a reader should read them.
VOICE_LABELS = {
    "own": "own voice",
    "quoted": "in quotations",
    "scare_quote": "scare quotes",
}

# (regular expression over the full column name, label, unit, fmt, digits, meaning)
_ENTRIES: tuple[tuple[str, str, str, str, int | None, str], ...] = (
    # readability
    (r"readability\.flesch_reading_ease", "Flesch Reading Ease", "score (higher = easier)", "num", 1,
     "206.835 − 1.015 × words per sentence − 84.6 × syllables per word. About 60–70 is plain English; "
     "below 30 reads like an academic paper."),
    (r"readability\.flesch_kincaid_grade", "Flesch–Kincaid grade", "US school grade", "num", 1,
     "The school grade whose pupils could follow the text, from sentence length and syllables per word."),
    (r"readability\.gunning_fog", "Gunning Fog index", "US school grade", "num", 1,
     "Grade level from sentence length and the share of words with three or more syllables."),
    (r"readability\.smog(_index)?", "SMOG grade", "US school grade", "num", 1,
     "Grade level from the number of words with three or more syllables per 30 sentences."),
    (r"readability\.coleman_liau(_index)?", "Coleman–Liau index", "US school grade", "num", 1,
     "Grade level from letters per 100 words and sentences per 100 words (no syllables)."),
    (r"readability\.(ari|automated_readability_index)", "Automated Readability Index", "US school grade",
     "num", 1, "Grade level from characters per word and words per sentence."),
    (r"readability\.dale_chall(_score|_readability_score)?", "Dale–Chall score", "score", "num", 1,
     "From the share of words outside a list of about 3,000 words familiar to fourth-graders."),
    (r"readability\.consensus(_grade)?", "Consensus grade", "US school grade", "num", 1,
     "The median of the grade-level formulas."),
    (r"readability\.words", "Words", "words", "int", None, "Words in the body (the title is not counted)."),
    (r"readability\.sentences", "Sentences", "sentences", "int", None, "Sentences in the body."),
    (r"readability\.words_per_sentence", "Words per sentence", "words", "num", 1,
     "Average sentence length in words."),
    # sentiment
    (r"sentiment\.(mean_compound|compound_mean)", "Mean sentence tone (VADER)", "compound, −1 to +1", "num", 3,
     "Average of VADER's compound score over the article's sentences: −1 very negative, +1 very positive."),
    (r"sentiment\.(share_negative|negative_share)", "Negative sentences", "share of sentences", "pct", 1,
     "Share of sentences with a VADER compound score of −0.05 or less."),
    (r"sentiment\.(share_positive|positive_share)", "Positive sentences", "share of sentences", "pct", 1,
     "Share of sentences with a VADER compound score of 0.05 or more."),
    (r"sentiment\.(document_compound|compound_from_sums|valence_compound)", "Document tone (VADER)",
     "compound, −1 to +1", "num", 3,
     "VADER's compound formula applied to the sum of the sentences' valences (not VADER run on the whole "
     "text, which saturates on long articles)."),
    # sourcing
    (r"sourcing\.attributions_per_1000(_words)?", "Attributions per 1,000 words", "per 1,000 words", "num", 1,
     "How often the article says who said something: attributions (direct, mixed and indirect quotes) per "
     "1,000 body words."),
    (r"sourcing\.attributed_sentence_share|sourcing\.share_sentences_attributed", "Sentences with an attribution",
     "share of sentences", "pct", 1, "Share of body sentences that carry at least one attribution."),
    (r"sourcing\.quoted_word_share", "Quoted words", "share of words", "pct", 1,
     "Share of body words inside quotation marks attributed to a source: how much of the article is in its "
     "sources' own words."),
    (r"sourcing\.(distinct_speakers|n_speakers|speakers)", "Distinct speakers", "speakers", "num", 1,
     "Number of different sources quoted or paraphrased (pronouns and surnames resolved to the full name)."),
    (r"sourcing\.anonymous_share", "Unnamed sources (anonymous or no speaker)", "share of attributions", "pct", 1,
     "Share of the article's attributions whose source is not named: the source type anonymous (\"officials "
     "said\", \"a source familiar with\") or no resolved speaker at all (\"it was reported\"). Wider than the "
     "source type anonymous alone (sourcing.share_anonymous)."),
    (r"sourcing\.(share|type)[._]anonymous(_share)?", "Source type: anonymous", "share of attributions", "pct", 1,
     "Share of the article's attributions whose source type is anonymous (an unnamed source described as such: "
     "\"officials said\"). Narrower than unnamed sources (sourcing.anonymous_share), which also count "
     "attributions with no resolved speaker."),
    (r"sourcing\.second_hand_share", "Second-hand (via other media)", "share of attributions", "pct", 1,
     "Share of attributions that reach the outlet through another outlet or agency (\"according to Russian "
     "media reports, citing …\", \"X told CNN\"): the outlet relays other media instead of sourcing itself."),
    (r"sourcing\.via_government_share", "Via a government body or document", "share of attributions",
     "pct", 1, "Share of attributions that reach the outlet through a government body or its document (\"a "
     "Kremlin statement said, citing …\"); counted apart from the second-hand share."),
    (r"sourcing\.(source_diversity|speaker_entropy)(_bits)?", "Source diversity", "bits (Shannon entropy)",
     "num", 2, "Shannon entropy of the attributions over speakers, in bits: 0 when one source does all the "
     "talking; each extra bit doubles the number of equally used voices."),
    (r"sourcing\.(unsourced_quotes|unattributed_quotes|scare_quotes)", "Quotations with no source",
     "per article", "num", 2,
     "Quotations with no speaker (scare quotes such as \"any time now\"): the outlet's own distancing. Counted "
     "only here, never as attributions."),
    (r"sourcing\.hedged_share", "Hedged attributions", "share of attributions", "pct", 1,
     "Share of attributions distanced by \"reportedly\", \"allegedly\", \"claimed\" and the like."),
    (r"sourcing\.(share|type)[._](?P<t>official|government|media|agency|organization|expert|anonymous|group|person|unknown)(_share)?",
     "{t} sources", "share of attributions", "pct", 1, "Share of attributions whose source is of this type."),
    (r"sourcing\.(?P<t>official|government|media|agency|organization|expert|group|person|unknown)_share",
     "{t} sources", "share of attributions", "pct", 1, "Share of attributions whose source is of this type."),
    # vocabulary
    (r"vocabulary\.(?P<v>own|quoted|scare_quote)_per_1k", "All lexicon hits, {v}", "per 1,000 words", "num", 2,
     "Hits of every lexicon category per 1,000 body words, in this voice."),
    (r"vocabulary\.per_1k", "All lexicon hits", "per 1,000 words", "num", 2,
     "Hits of every lexicon category per 1,000 body words, whatever the voice."),
    (r"vocabulary\.(?P<c>[a-z0-9_]+?)_(?P<v>own|quoted|scare_quote)_per_1k", "{c}, {v}", "per 1,000 words", "num", 2,
     "Hits of this lexicon category per 1,000 body words, in this voice: own (outside quotation marks), "
     "in quotations attributed to a source, or in scare quotes (quotation marks with no source)."),
    (r"vocabulary\.(?P<c>[a-z0-9_]+?)_per_1k", "{c}", "per 1,000 words", "num", 2,
     "Hits of this lexicon category per 1,000 body words, whatever the voice."),
    (r"vocabulary\.own_sentence_share", "Own-voice sentences with a lexicon term", "share of sentences", "pct", 1,
     "Share of the sentences in the outlet's own voice (outside attributed quotations; scare quotes count as "
     "the outlet's) that contain at least one lexicon term."),
    (r"vocabulary\.quoted_share", "Lexicon hits inside quotations", "share of hits", "pct", 1,
     "Share of the article's lexicon hits that stand inside quotations attributed to a source."),
)

CATALOGUE = tuple((re.compile(p + r"\Z"), *rest) for p, *rest in _ENTRIES)


def _pretty(name: str) -> str:
    tail = name.split(".", 1)[-1]
    text = tail.replace(".", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else name


def describe(name: str) -> Metric:
    """The label, unit, format and meaning of a feature column."""
    for pattern, label, unit, fmt, digits, meaning in CATALOGUE:
        m = pattern.match(name)
        if m:
            parts = {k: v.replace("_", " ") for k, v in m.groupdict().items() if v}
            if "v" in parts:
                parts["v"] = VOICE_LABELS.get(m.group("v"), parts["v"])
            label = label.format(**parts) if parts else label
            label = label[:1].upper() + label[1:]
            return Metric(name, label, unit, fmt, digits, meaning)
    return Metric(name, _pretty(name))
