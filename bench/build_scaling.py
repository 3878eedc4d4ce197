"""Site build time against the number of articles: all five languages and one (nb).

In a temporary copy of the repository (only what the build reads; ``node_modules`` and ``.venv``
symlinked), synthetic articles ``docs/<lang>/glossary/synthetic-NNN.md`` (copies of that language's
cost-per-call article, the title numbered) are added and listed in the copied ``mkdocs.yml`` nav, as
real articles are. ``python -m scripts.build_site --no-compress`` is then timed around the subprocess.

    python bench/build_scaling.py [--sizes 2,100,400]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("nb", "ru", "it", "nl", "vi")
COPIED = (
    "mkdocs.yml",
    "docs",
    "overrides",
    "calculators",
    "sitebuild",
    "scripts",
    "pyproject.toml",
    "package.json",
    "README.md",
)
#: Linked, not copied: the installed dependencies, and the build's caches (the calculator's memory
#: snapshot and the precompressed runtime depend only on the wheel and Pyodide, not on the articles).
LINKED = ("node_modules", ".venv", ".cache")
#: The glossary's own articles (the generated ones are added to reach each size).
REAL_ARTICLES = len(list((ROOT / "docs" / "nb" / "glossary").glob("*.md")))
#: The nav entry the generated articles follow (in its section, at its indentation).
NAV_ANCHOR = "      - glossary/cost-per-call.md\n"
_TITLE = re.compile(r'^title:\s*"(?P<title>[^"]*)"\s*$', re.M)
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache")


def make_copy(target: Path) -> None:
    """Copy what the build needs into ``target``; symlink the installed dependencies."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_IGNORE)
        else:
            shutil.copy2(source, target / name)
    (ROOT / ".cache").mkdir(exist_ok=True)
    for name in LINKED:
        (target / name).symlink_to(ROOT / name, target_is_directory=True)


def add_articles(repo: Path, per_language: int) -> int:
    """Top each language up to ``per_language`` articles; returns the number of synthetic ones."""
    count = max(0, per_language - REAL_ARTICLES)
    for lang in LANGUAGES:
        glossary = repo / "docs" / lang / "glossary"
        for old in glossary.glob("synthetic-*.md"):
            old.unlink()
        source = (glossary / "cost-per-call.md").read_text(encoding="utf-8")
        match = _TITLE.search(source)
        if not match:
            raise SystemExit(f"{lang}: no quoted title in cost-per-call.md front matter")
        for number in range(1, count + 1):
            title = f"{match['title']} {number:03d}"
            text = source[: match.start()] + f'title: "{title}"' + source[match.end() :]
            (glossary / f"synthetic-{number:03d}.md").write_text(text, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if NAV_ANCHOR not in config:
        raise SystemExit(f"mkdocs.yml: nav entry {NAV_ANCHOR.strip()!r} not found")
    indent = NAV_ANCHOR[: NAV_ANCHOR.index("-")]
    entries = "".join(f"{indent}- glossary/synthetic-{n:03d}.md\n" for n in range(1, count + 1))
    (repo / "mkdocs.yml").write_text(
        config.replace(NAV_ANCHOR, NAV_ANCHOR + entries, 1), encoding="utf-8"
    )
    return count


def timed_build(repo: Path, languages: tuple[str, ...] | None) -> dict[str, float]:
    """Run the copy's build script once: wall seconds, CPU seconds of all its processes (less
    sensitive than wall time to other work on the machine) and the script's own JSON timings."""
    command = [
        str(ROOT / ".venv" / "bin" / "python"),
        "-m",
        "scripts.build_site",
        "--no-compress",
        "--site",
        str(repo / "site"),
    ]
    for lang in languages or ():
        command += ["--lang", lang]
    env = os.environ | {
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": os.environ.get("SITE_URL", "http://127.0.0.1:8123/"),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode:
        raise SystemExit(f"build failed ({command}):\n{result.stdout}\n{result.stderr}")
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    steps = json.loads(lines[-1]) if lines else {}
    return {"wall": wall, "cpu": cpu, **{f"step_{k}": float(v) for k, v in steps.items()}}


def count_pages(site: Path, lang: str) -> int:
    return sum(1 for _ in (site / lang / "glossary").glob("*/index.html"))


def measure(sizes: tuple[int, ...], log=print) -> dict[str, dict[str, float]]:
    """Build times by ``"<articles>x<languages>"``, e.g. ``"400x5"`` and ``"400x1"``."""
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()
        make_copy(repo)
        for size in sizes:
            add_articles(repo, size)
            for languages in (None, ("nb",)):
                label = f"{size}x{len(languages or LANGUAGES)}"
                timing = timed_build(repo, languages)
                pages = count_pages(repo / "site", "nb")
                if pages != max(size, REAL_ARTICLES):
                    raise SystemExit(f"{label}: expected {size} nb articles, built {pages}")
                results[label] = timing
                log(f"  build {label:>6}: {timing['wall']:6.1f} s  {json.dumps(timing)}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,100,400", help="articles per language")
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))
    print(json.dumps(measure(sizes), indent=2))


if __name__ == "__main__":
    main()
