"""Build ``workbooks/ita_xl.xlam`` (see ``ita_xl.live.xlam`` for what is rewritten).

Usage::

    python -m ita_xl.build.addin            # rewrite workbooks/ita_xl.xlam
    python -m ita_xl.build.addin --check    # exit 1 if it drifted from the code
"""

from __future__ import annotations

import sys
from pathlib import Path

from ita_xl.build import write_or_check
from ita_xl.live.xlam import build, parts

TARGET = Path(__file__).resolve().parents[2] / "workbooks" / "ita_xl.xlam"


def main(argv: list[str] | None = None) -> int:
    return write_or_check(
        "ita_xl.build.addin", __doc__.splitlines()[0], TARGET, build, argv, comparable=parts
    )


if __name__ == "__main__":
    sys.exit(main())
