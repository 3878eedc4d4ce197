"""Where the shared runtime files live in the built site, shared by the hook and the build script.

Pyodide and the ``calculators`` wheel are served once for all languages from ``site/assets/``, under
versioned paths (the Pyodide version; a hash of the module's source), so they can be cached for a year.

>>> pyodide_dir().startswith("pyodide/")
True
>>> wheel_path().endswith("-py3-none-any.whl")
True
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The public root used when ``SITE_URL`` is not set.
DEFAULT_SITE_URL = "https://contact-center-costs.example/"
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


def site_url() -> str:
    """The site's public root (every language below it), from ``SITE_URL``, with a trailing slash."""
    return os.environ.get("SITE_URL", DEFAULT_SITE_URL).rstrip("/") + "/"


@cache
def pyodide_version() -> str:
    """The exact Pyodide version pinned in package.json."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return str(package["dependencies"]["pyodide"])


def pyodide_dir() -> str:
    """Path of the Pyodide runtime below the shared assets folder."""
    return f"pyodide/{pyodide_version()}/"


@cache
def module_version() -> str:
    """The calculators package version from pyproject.toml."""
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("version"):
            return line.split("=", 1)[1].strip().strip('"')
    raise RuntimeError("no version in pyproject.toml")


#: Build inputs of the files beside the wheel (the memory snapshot, the trimmed standard library),
#: besides the check requests (:func:`snapshot_requests_json`).
SNAPSHOT_RECIPE = ("scripts/make_snapshot.mjs",)


def snapshot_requests_json() -> bytes:
    """The snapshot's check requests (every calculator's, from ``sitebuild/kpis/``) as the JSON file
    ``scripts/make_snapshot.mjs`` reads."""
    from sitebuild import kpis

    text = json.dumps(kpis.snapshot_requests(), indent=1, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


@cache
def source_hash() -> str:
    """A short hash of the module's Python sources and of the snapshot's recipe: the wheel's folder
    changes when they do (the snapshot's name carries the Pyodide version)."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "calculators").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    for name in SNAPSHOT_RECIPE:
        digest.update(name.encode())
        digest.update((ROOT / name).read_bytes())
    digest.update(snapshot_requests_json())
    return digest.hexdigest()[:12]


def wheel_name() -> str:
    return f"calculators-{module_version()}-py3-none-any.whl"


def wheel_path() -> str:
    """Path of the calculators wheel below the shared assets folder."""
    return f"calculators/{source_hash()}/{wheel_name()}"
