"""ita-xl: ITA result analysis and measures for Thai government units, in Excel and headless.

Layers, from the bottom: ``frameworks/`` (rules as data, one TOML file per fiscal year),
``framework`` (loading and validating them), ``numbers`` and ``scoring`` (the pure core),
and ``cli`` (the ``ita-xl`` command).
"""

__version__ = "0.1.0"
