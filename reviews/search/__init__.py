"""Search over everything a user may read: the one normalisation (normalise.py) and the snippets (snippets.py).

Pure functions, no database: the index (services/search.py) and the queries (selectors/search.py) both use them.
"""
