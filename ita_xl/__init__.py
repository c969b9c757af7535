"""ita-xl: ITA result analysis and measures for Thai government units, in Excel and headless.

Layers, from the bottom: ``frameworks/`` (rules as data, one TOML file per fiscal year),
``framework`` (loading and validating them), ``numbers`` and ``scoring`` (the pure core),
and ``cli`` (the ``ita-xl`` command).
"""

__version__ = "0.1.0"


def main() -> None:
    """The ribbon button of ``ita_xl.xlam``: ``RunPython "import ita_xl; ita_xl.main()"``.

    Generates the analysis and measures sheets in the workbook the user is in; see
    ``ita_xl.xl.main``. Imported lazily so that ``import ita_xl`` needs no Excel.
    """
    from ita_xl.xl import main as run

    run()
