"""``python -m diplocorpus``: the same as the ``diplocorpus`` command."""

from ._cli import main

raise SystemExit(main())
