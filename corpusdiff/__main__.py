"""`python -m corpusdiff`."""

from corpusdiff.cli import main

raise SystemExit(main())
