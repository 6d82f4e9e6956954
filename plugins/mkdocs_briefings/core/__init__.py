"""The pure core: reading, annotating and indexing briefings.

Nothing in this package imports mkdocs, logs or prints: it returns data and
diagnostics, and the mkdocs plugin (a thin adapter) decides what to do with
them. A test guards that importing the core never imports mkdocs.
"""
