"""``python -m ita_xl`` runs the ``ita-xl`` command."""

import sys

from ita_xl.cli import main

sys.exit(main())
