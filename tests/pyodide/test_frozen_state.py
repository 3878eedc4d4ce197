"""Nothing in the calculators depends on the state a memory snapshot freezes.

The calculator in the browser starts from a Pyodide memory snapshot taken at build time
(scripts/make_snapshot.mjs), which freezes the hash seed, ``random``'s state, the locale and the time
zone as they were then. These tests check that the calculators cannot notice:

- no module of ``calculators`` imports anything that reads the clock, randomness, the locale, the
  environment or the time zone;
- the replies to the build's check requests (every calculator's SNAPSHOT_REQUESTS, sitebuild/kpis/) are byte-identical
  under different hash seeds, time zones and locales (fresh CPython processes).

The build itself compares the restored snapshot's replies with a normal start's on those requests.
(Here rather than in tests/unit, which also runs inside Pyodide, where there are no subprocesses.)
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from sitebuild.assets import snapshot_requests_json

ROOT = Path(__file__).resolve().parents[2]
#: Modules whose results depend on the clock, randomness, the locale, the environment or the zone.
FROZEN = {
    "random",
    "secrets",
    "time",
    "datetime",
    "zoneinfo",
    "calendar",
    "locale",
    "os",
    "uuid",
    "tempfile",
}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_calculators_import_nothing_that_reads_frozen_state() -> None:
    found = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & FROZEN)
        for path in sorted((ROOT / "calculators").rglob("*.py"))
    }
    assert not {name: bad for name, bad in found.items() if bad}


ANSWER = """
import json, sys
from calculators.web import handle
out = []
for request in json.load(open(sys.argv[1], encoding="utf-8")):
    try:
        out.append(handle(json.dumps(request)))
    except Exception as error:
        out.append("raised " + type(error).__name__)
print(json.dumps(out))
"""


def answers(requests: Path, **env: str) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-c", ANSWER, str(requests)],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)} | env,
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(run.stdout))


def test_replies_do_not_depend_on_hash_seed_time_zone_or_locale(tmp_path: Path) -> None:
    requests = tmp_path / "requests.json"
    requests.write_bytes(snapshot_requests_json())
    reference = answers(requests, PYTHONHASHSEED="0", TZ="UTC", LC_ALL="C.UTF-8")
    assert len(reference) == len(json.loads(requests.read_text(encoding="utf-8"))) >= 12
    for env in (
        {"PYTHONHASHSEED": "1", "TZ": "Asia/Ho_Chi_Minh", "LC_ALL": "C.UTF-8"},
        {"PYTHONHASHSEED": "4242", "TZ": "America/Los_Angeles", "LANG": "ru_RU.UTF-8"},
        {"PYTHONHASHSEED": "random", "TZ": "Europe/Oslo", "LC_ALL": "POSIX"},
    ):
        assert answers(requests, **env) == reference, env
