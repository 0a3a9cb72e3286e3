#!/usr/bin/env python3
"""Entry script: see `python run_pipeline.py --help` and README.md."""

import sys

from pipeline.cli import main

if __name__ == "__main__":
    sys.exit(main())
