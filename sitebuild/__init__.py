"""Build-time code and data shared by the site build script, the MkDocs hook and the tests.

Nothing here reaches the reader's browser: the message catalogs, the indicative exchange rates, the
articles' worked examples and where the shared runtime files live. Changing them never changes the
calculators wheel.
"""
