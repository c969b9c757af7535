"""Build steps that produce checked-in files: the VBA wrappers, the workbooks, the add-in.

Each module here runs with ``python -m`` and has a ``--check`` mode that fails when the
checked-in file has drifted from the code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def write_or_check(
    module: str,
    description: str,
    default: Path,
    produce: Callable[[], bytes],
    argv: list[str] | None = None,
    comparable: Callable[[bytes], Any] = lambda data: data,
) -> int:
    """The command line of a one-file build step: write the file, or ``--check`` it.

    Args:
        module: The step's module, for the usage line and the hint (``ita_xl.build.vba``).
        description: One line for ``--help``.
        default: The checked-in file.
        produce: Builds the file's bytes.
        argv: Arguments (default: the command line).
        comparable: What of the bytes to compare (e.g. a zip's parts, not its bytes).
    """
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=description)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the checked-in file drifted from the code"
    )
    parser.add_argument("--output", type=Path, default=default)
    args = parser.parse_args(argv)
    data = produce()
    if args.check:
        if not args.output.exists() or comparable(args.output.read_bytes()) != comparable(data):
            print(f"{args.output} is out of date: run python -m {module}", file=sys.stderr)
            return 1
        return 0
    args.output.write_bytes(data)
    print(f"wrote {args.output}")
    return 0
