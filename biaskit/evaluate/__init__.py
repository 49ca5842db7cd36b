"""Evaluation against human gold.

``attributions``: attribution extraction scored against PolNeAR (source, cue
and content spans; exact and overlap precision, recall and F1).
``vocabulary``: the loaded-vocabulary lexicons scored against labelled
sentences.

Nothing is imported here, so importing one sub-module does not load the other.
"""
