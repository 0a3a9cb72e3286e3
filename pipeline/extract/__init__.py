"""Extractors: one module per field family, each reading the normalised text and the document layout."""
