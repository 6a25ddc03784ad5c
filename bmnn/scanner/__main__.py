"""``python -m bmnn.scanner PATH...`` — the same as ``bmnn scan``."""

from bmnn.scanner.cli import main

raise SystemExit(main())
