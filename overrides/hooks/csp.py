"""A strict Content-Security-Policy for every page, as a ``<meta>`` tag (static hosts send no headers).

Scripts come from the site only; the few inline scripts Material writes are allowed by their hashes,
computed from the finished page. WebAssembly may compile (``'wasm-unsafe-eval'``); nothing else
evaluates code.

>>> page = '<html><head><meta charset="utf-8"><script>var a=1</script></head></html>'
>>> "sha256-" in with_policy(page) and "object-src 'none'" in with_policy(page)
True
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
_DATA_TYPES = ("application/json", "application/ld+json")

BASE_POLICY = (
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for each inline script that runs (data blocks such as JSON are skipped)."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy(html: str) -> str:
    """The page's policy: the base policy plus scripts from the site and by hash."""
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(html)])
    return "; ".join([BASE_POLICY[0], f"script-src {scripts}", *BASE_POLICY[1:]])


def with_policy(html: str) -> str:
    """``html`` with its policy as the first element after ``<meta charset>``."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + tag, html, count=1)
