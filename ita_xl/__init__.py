"""ita-xl: ITA result analysis and measures for Thai government units, in Excel and headless.

Layers, from the bottom:

* rules as data: ``frameworks/fyNNNN.toml`` (one per fiscal year), loaded and validated by
  ``framework``; recommendation texts in ``library/``;
* the pure core: ``numbers``, ``scoring``, ``functions`` (worksheet functions without Excel),
  ``reader`` and ``validation`` (a filled template as data), ``analysis`` (the report) and
  ``sheets`` (one description of each generated sheet);
* adapters: ``render_openpyxl`` and ``template`` (files), ``render_xlwings`` (a live book);
* entry points: ``udfs`` (=ITA_…()), ``xl.generate`` / ``main`` (the button), ``cli``
  (the ``ita-xl`` command), ``addin`` (install/remove), ``lite`` and ``lite_main`` (the
  xlwings Lite folder and its ``main.py``), ``build`` (checked-in files).
"""

__version__ = "0.1.0"


def main() -> None:
    """The ribbon button of ``ita_xl.xlam``: ``RunPython "import ita_xl; ita_xl.main()"``.

    Generates the analysis and measures sheets in the workbook the user is in; see
    ``ita_xl.live.book.main``. Imported lazily so that ``import ita_xl`` needs no Excel.
    """
    from ita_xl.live.book import main as run

    run()


def import_main() -> None:
    """The ribbon button "นำเข้าผล": ``RunPython "import ita_xl; ita_xl.import_main()"``.

    Fills the template the user is in from the text pasted into its paste sheet; see
    ``ita_xl.live.importing``. Imported lazily so that ``import ita_xl`` needs no Excel.
    """
    from ita_xl.live.book import user_book
    from ita_xl.live.importing import import_main as run

    run(user_book())
