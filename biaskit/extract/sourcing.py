"""Attributions: who is quoted, how, saying what, and through whom.

:func:`attributions` reads the shared parse of an article and returns one
:class:`~biaskit.records.Attribution` per attribution it finds, plus one
record per quotation that no one is said to have said (a scare quote such
as "any time now"; ``quote_form="unattributed"``, no speaker).

How it works (rules and word lists, no model)
---------------------------------------------
1. **Cues.** Every word outside quotation marks that is a form of a
   reporting verb or predicate in the word list (``say``, ``stress``,
   ``warn``, ``want``, ``believe``, ...; see ``biaskit/wordlists``) is a cue
   candidate, with the auxiliaries, negation and adverbs before it ("has
   repeatedly said", "did not respond") and its particles or a "in a
   statement" after it. "according to" and a speaker's colon ("Trump:
   ...") are cues too. A verb form used as a noun ("the report", "media
   reports say") is not.
2. **Sources.** The noun phrase before the verb ("Kremlin spokesperson
   Dmitry Peskov stressed"), with its apposition ("Smith, a professor at
   Yale, said"); after it when inverted ('"...," said Smith'), after "by"
   in a passive, after "according to" (and after "citing" in "according to
   X, citing Y"); a relative pronoun ("a readout, which stated"); for a
   participle ("..., saying") the source of the main clause.
3. **Contents.** What follows the cue (from "that", a quotation, or the
   first word after the addressee of "told") up to the end of the sentence
   or the start of a coordinate attribution ("..., adding that"); or what
   precedes it when the cue closes the sentence ('"...," she said'),
   reaching back to the opening mark of a quotation that spans sentences.
   A quotation that continues after the cue ('"A," he said, "B."') and
   following sentences or paragraphs that are only quotation join the
   content as further pieces (``content_spans``).
4. **Nesting and relays.** As in PolNeAR's annotation, a report inside
   another's content is not a second attribution ("Song said Clinton had
   said ..."). A relaying construction becomes the ``via`` chain of the
   attribution it relays, nearest to the outlet first: "according to
   Russian media reports, citing X", "X said, quoted by RIA Novosti", "CNN
   quoted X as saying", "X told CNN", "in an interview with Y", "Y
   reported, citing X", "X said ..., according to Y", "X, quoted by (or
   according to) Y, said", and a medium reporting at the end of a sentence
   that opens on an attribution ("X told CNN that ..., RIA Novosti
   reported": via RIA Novosti, CNN).
5. **Speakers.** Pronouns, relative pronouns and bare surnames resolve to
   the fullest earlier mention ("He" -> "Jake Sullivan", "Peskov" ->
   "Dmitry Peskov"); a bare given name does too when the article names only
   one person with it ("Bernt" -> "Bernt Sollie"). The role ("Kremlin
   spokesperson") and the source type come from the word lists (roles,
   outlets and agencies, government bodies, anonymity phrases, group words).
   A description before a name is its role ('said crane driver Sofie Lund',
   "Port boss Stefan Aurell"); "a spokesperson (aide, lawyer, ...) for X"
   is the speaker, in X's name; a medium named beside a media word ("the
   state news agency VPA", "VPA news agency") keeps that type through the
   article; an acronym is not a person, nor a plural noun opening its
   sentence ("Dockers said": a group).
   A sentence-initial "According to <a statement, readout or report>,"
   relays the later attributions of its paragraph (their ``via``).

6. **Which verbs count.** A verb form proposed as a cue is kept when a small
   logistic model over its context (its form's prior, where its source was
   found, the words around it, whether an earlier cue shares its clause)
   scores it above a threshold. Only numbers were learned from annotated
   data — the per-form priors and the model's weights
   (``biaskit/wordlists/cue_priors.csv``, ``cue_weights.csv``), estimated on
   the PolNeAR *train* split by ``benchmarks/learn_sourcing_weights.py``; no
   text of it is shipped (see ``biaskit/wordlists/README.md``). A verb of
   intention ("refused to comply", "has decided to send", "will focus on")
   reports an act, not speech: it is kept only with a that-clause, a
   quotation or an infinitive of a speech verb ("declined to comment"); a
   verb of thought not with a prepositional object ("worry about the cost").
   A sub-heading (a short body line without final punctuation before prose)
   proposes no cue.

Measured against PolNeAR's human annotation with ``biaskit evaluate
attributions`` (overlap F1, issue 3's protocol): about 0.69 / 0.69 / 0.64
for source / cue / content on train and 0.71 / 0.71 / 0.64 on dev; the
practical ceiling (two annotators) is about 0.82 / 0.76 / 0.80.

Examples
--------
>>> from biaskit.parse import parse
>>> doc = parse('"We will win," Smith said. He added that the polls were wrong.')
>>> [(a.speaker, a.cue_lemma, a.quote_form, a.content_text) for a in attributions(doc)]
[('Smith', 'say', 'direct', '"We will win,"'), ('Smith', 'add', 'indirect', 'that the polls were wrong')]
>>> doc = parse('According to Reuters, citing two officials, the talks failed.')
>>> a = attributions(doc)[0]
>>> a.source_text, a.via, a.source_type, a.construction
('two officials', ('Reuters',), 'anonymous', 'according_to')
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from biaskit.extract._attribution_records import extract
from biaskit.parse import Doc
from biaskit.records import Attribution
from biaskit.wordlists import Wordlists, load_wordlists

__all__ = ["attributions"]


def attributions(doc: Doc, *, wordlists: Wordlists | str | Path | Mapping | None = None,
                 outlet: str | None = None) -> list[Attribution]:
    """Every attribution in a parsed article, and every unattributed quotation.

    Parameters
    ----------
    doc : Doc
        The parse of the article (:func:`biaskit.parse.parse` or
        :func:`biaskit.features.parse_article`); the title line, when parsed,
        is covered too.
    wordlists : Wordlists, path or mapping, optional
        Word lists to use: a :class:`biaskit.wordlists.Wordlists`, or what
        :func:`biaskit.wordlists.load_wordlists` accepts as ``extra`` (the
        user's own CSV/YAML entries added to the packaged lists).
    outlet : str, optional
        The outlet that published the article. Its own reporting is first-hand:
        it never appears in ``via`` ("X told the Harbor Ledger" in a Harbor
        Ledger article). Names are compared ignoring case, punctuation and a
        leading "the"; an alias counts when the word lists know it as the
        same outlet ("HuffPost" / "The Huffington Post").

    Returns
    -------
    list of Attribution
        In reading order. All offsets point into ``doc.text``.

    Examples
    --------
    >>> from biaskit.parse import parse
    >>> text = '"We are ready," Kremlin spokesperson Dmitry Peskov said, according to RIA Novosti.'
    >>> [(r.speaker, r.role, r.source_type, r.via, r.quote_form) for r in attributions(parse(text))]
    [('Dmitry Peskov', 'Kremlin spokesperson', 'official', ('RIA Novosti',), 'direct')]
    """
    wl = wordlists if isinstance(wordlists, Wordlists) else load_wordlists(wordlists)
    # (a missing outlet may come as NaN from a table)
    own = outlet.strip() if isinstance(outlet, str) and outlet.strip() else None
    return extract(doc, wl, own)
