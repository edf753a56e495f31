"""Write the JSON Schemas shipped in the wheel: src/diplocorpus/schemas/<name>.schema.json.

Run from the repository root after changing a record class:

    python tools/make_schemas.py

``tests/test_schema.py`` fails while the files differ from what ``diplocorpus.json_schema``
makes from the classes.
"""

from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # the classes of this tree, not an installed copy

import diplocorpus  # noqa: E402
from diplocorpus import _schema  # noqa: E402

FOLDER = ROOT / "src" / "diplocorpus" / "schemas"


def main() -> int:
    records = _schema.public_records(diplocorpus.__all__, vars(diplocorpus))
    for path in _schema.write_schemas(FOLDER, records):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
