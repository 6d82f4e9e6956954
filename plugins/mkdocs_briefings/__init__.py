"""mkdocs-briefings: annotated news briefing sites for mkdocs-material."""

__version__ = "0.1.0"
