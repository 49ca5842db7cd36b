"""Closed-class English words used by the attribution rules.

These are grammar, not domain vocabulary (determiners, pronouns, auxiliaries,
prepositions, time words), so they live in code; the domain word lists
(reporting verbs, roles, outlets, ...) are data in :mod:`biaskit.wordlists`.
"""

from __future__ import annotations

DETERMINERS = frozenset({
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its",
    "our", "my", "your", "some", "many", "several", "both", "all", "each", "every",
    "another", "other", "most", "few", "any", "such", "no", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
    "thousands", "millions",
})

# determiners that signal a noun (so a following "report"/"call" is a noun)
NOUN_SIGNALS = frozenset({
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its",
    "our", "my", "your", "every", "each", "another", "no", "whose", "such",
})

PERSONAL = frozenset({"he", "she", "they", "we", "i", "you", "it"})
SINGULAR_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
RELATIVES = frozenset({"who", "which", "that", "whom"})

BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s"})
AUX = frozenset({
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "am",
    "will", "would", "can", "could", "shall", "should", "may", "might", "must",
    "do", "does", "did", "having", "cannot",
})
MODALS = frozenset({"will", "would", "can", "could", "shall", "should", "may", "might", "must", "cannot"})
NEGATION = frozenset({"not", "never", "no", "longer"})

# adverbs that join the cue when they stand between auxiliary and verb or
# just before the verb ("has repeatedly said", "also noted")
CUE_ADVERBS = frozenset({
    "also", "repeatedly", "previously", "recently", "later", "often", "once",
    "again", "already", "still", "just", "even", "publicly", "privately", "first",
    "initially", "originally", "further", "reportedly", "allegedly", "openly",
    "frequently", "quickly", "immediately", "simply", "flatly", "strongly",
    "explicitly", "clearly", "long", "always", "ultimately", "finally",
    "apparently", "specifically", "directly", "formally", "officially",
    "widely", "increasingly", "generally", "consistently", "regularly",
    "sometimes", "subsequently", "twice", "then", "since", "ever",
    "personally", "separately", "angrily", "loudly", "bluntly", "firmly",
    "sharply", "categorically", "emphatically", "insistently", "plainly",
    "jokingly", "tersely", "curtly", "reluctantly", "proudly", "falsely",
    "wrongly", "correctly", "accurately", "indeed", "actually",
    "purportedly", "supposedly", "seemingly", "notably",
})

# words that end a noun phrase scanned leftwards from a cue
NP_STOP = frozenset({
    "that", "and", "but", "or", "nor", "because", "while", "when", "if", "as",
    "after", "before", "although", "though", "since", "so", "whether", "where",
    "than", "until", "unless", "whereas", "yet", "then", "what", "how", "why",
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
    "could", "should", "may", "might", "must", "do", "does", "did", "not", "to",
    "be", "been", "being", "am", "said", "says", "say", "once", "even",
    "also", "just", "only", "still", "now", "here", "there", "thus", "hence",
    "however", "meanwhile", "instead", "indeed", "moreover", "furthermore",
    "amid", "despite", "against", "via",
})

# words dropped from the start of a noun phrase (conjunctions, connectors)
NP_LEAD_DROP = frozenset({
    "and", "but", "so", "meanwhile", "however", "also", "yet", "still", "now",
    "then", "later", "earlier", "today", "yesterday", "instead", "indeed",
    "moreover", "furthermore", "separately", "again", "finally", "first",
    "second", "third", "too", "or", "nor", "plus", "thus", "hence", "though",
    "although", "while", "as", "because", "since", "if", "when", "where",
    "after", "before", "meantime", "overall", "ultimately", "nevertheless",
    "nonetheless", "likewise", "similarly", "additionally", "otherwise",
})

PREPOSITIONS = frozenset({
    "in", "on", "at", "during", "after", "before", "from", "to", "with", "by",
    "for", "about", "over", "under", "into", "onto", "through", "throughout",
    "upon", "within", "without", "among", "amid", "across", "toward", "towards",
    "since", "until", "via", "per", "like", "near", "behind", "beyond", "following",
    "against", "despite", "outside", "inside",
})

WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
TIME_WORDS = WEEKDAYS | frozenset({
    "today", "yesterday", "tonight", "tomorrow", "morning", "afternoon", "evening",
    "night", "week", "weekend", "month", "year", "earlier", "later", "recently",
    "again", "also", "once", "previously", "repeatedly", "then", "now", "last",
    "this", "next", "early", "late", "ago", "day", "days", "weeks", "months",
    "years", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "privately", "publicly", "twice", "quietly", "flatly", "bluntly", "simply",
})

# words after a comma that start a participial or adverbial tail, not an apposition
TAIL_STARTERS = frozenset({
    "according", "citing", "adding", "saying", "noting", "quoted", "in", "on",
    "at", "during", "after", "before", "when", "while", "as", "who", "which",
    "where", "with", "without", "referring", "speaking", "writing", "telling",
    "explaining", "arguing", "calling", "pointing", "and", "but", "though",
    "although", "because", "since", "if", "to", "from", "for", "by", "per",
    "following", "despite",
})

# labels that look like "Name:" but introduce no speech
COLON_LABELS = frozenset({
    "image", "images", "photo", "photos", "picture", "video", "watch", "read",
    "follow", "share", "reported", "updated", "published", "posted", "correction",
    "corrections", "note", "editor", "editors", "related", "credit", "credits",
    "source", "sources", "also", "see", "tags", "tag", "topics", "filed",
    "advertisement", "listen", "subscribe", "more", "latest", "live", "update",
    "breaking", "exclusive", "opinion", "analysis", "full", "text", "abstract",
    "caption", "file", "map", "chart", "graphic", "warning", "disclaimer",
    "contact", "email", "phone", "fax", "website", "twitter", "facebook",
    "instagram", "by", "written", "edited", "translated", "compiled", "via",
    "date", "time", "location", "place", "venue", "price", "cost",
    "question", "answer", "name", "age", "city", "job", "pay", "contributing", "contributors",
    "reporting", "additional", "produced", "directed", "starring", "revealed", "leaked", "why", "what", "how", "who", "when", "where",
    "bottom", "line", "summary", "background", "context", "example", "examples",
    "result", "results", "lesson", "verdict", "rating", "ratings", "score",
    "here", "there", "this", "that", "these", "those", "it",
})

#: courtesy titles before a name ("Dr. Fitzallan", "Mr. John F. Kirby"); a closed class, like determiners
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})
