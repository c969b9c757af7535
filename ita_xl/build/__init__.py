"""Build steps that produce checked-in files: the VBA wrapper module and the workbooks.

Each module here can be run with ``python -m`` and has a ``--check`` mode that fails when
the checked-in file has drifted from the code.
"""
