"""The rule files (YAML and TSV), installed as the package `gongwen_rules` so a wheel carries them;
pipeline/rules.py finds them here in a checkout and through this package when installed."""
