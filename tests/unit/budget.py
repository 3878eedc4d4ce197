"""How many examples a Hypothesis property tries: all of them in CPython, a tenth inside Pyodide.

The exhaustive run of the properties is CPython's. Inside Pyodide (``tests/pyodide``) the same
properties show that the code holds in WebAssembly too, where a tenth of the examples did most of
the run's work.
"""

from __future__ import annotations

import sys

#: Whether the tests run inside Pyodide (WebAssembly, as in the readers' browsers).
IN_PYODIDE = sys.platform == "emscripten"


def examples(count: int) -> int:
    """``count`` in CPython; inside Pyodide a tenth of it, at least 10.

    >>> examples(300) == (30 if IN_PYODIDE else 300)
    True
    """
    return max(10, count // 10) if IN_PYODIDE else count
