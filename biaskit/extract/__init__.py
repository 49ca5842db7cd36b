"""Extractors: pure functions of a parsed :class:`~biaskit.parse.Doc`.

One module per family: ``readability``, ``sentiment``, ``sourcing``,
``vocabulary``. Each returns typed records or a flat dict of named features.
"""
