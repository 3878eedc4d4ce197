"""Reading a Content-Security-Policy, shared by the static check of every page (tests/site) and the
browser's security visit (tests/browser)."""

from __future__ import annotations


def directives(policy: str) -> dict[str, list[str]]:
    """``"a x; b y z"`` -> ``{"a": ["x"], "b": ["y", "z"]}``.

    >>> directives("default-src 'self'; img-src 'self' data:")
    {'default-src': ["'self'"], 'img-src': ["'self'", 'data:']}
    """
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed
