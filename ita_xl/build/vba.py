"""Write ``workbooks/xlwings_udfs.bas``, the VBA wrappers of ``ita_xl.udfs`` (``ita_xl.live.vba``).

Usage::

    python -m ita_xl.build.vba            # rewrite workbooks/xlwings_udfs.bas
    python -m ita_xl.build.vba --check    # exit 1 if the file is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from ita_xl.build import write_or_check
from ita_xl.live.vba import generate

TARGET = Path(__file__).resolve().parents[2] / "workbooks" / "xlwings_udfs.bas"


def main(argv: list[str] | None = None) -> int:
    return write_or_check("ita_xl.build.vba", __doc__.splitlines()[0], TARGET, generate, argv)


if __name__ == "__main__":
    sys.exit(main())
