"""nearmiss: publish anonymized near-miss case studies as a fast, searchable static site."""

__version__ = "0.1.0"
