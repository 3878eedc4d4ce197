"""Build the whole site into ``site/``: shared runtime assets, one MkDocs build per language, root pages.

    python -m scripts.build_site            # all five languages, in parallel
    python -m scripts.build_site --lang nb  # one language (a faster preview)

Each language is its own ``mkdocs build --strict`` (``I18N_LANG``/``SITE_DIR`` select it), so search
indexes, 404 pages and per-language settings never mix, and the builds run side by side.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import multiprocessing.connection
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from html import escape
from pathlib import Path

from sitebuild import assets as site_assets
from sitebuild.catalog import LANGUAGES, load

ROOT = Path(__file__).resolve().parents[1]

SITE = ROOT / "site"


def build_wheel(assets: Path) -> Path:
    """Build the calculators wheel from source into its versioned folder."""
    target = assets / site_assets.wheel_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "build",
                "--wheel",
                "--no-isolation",
                "--outdir",
                out,
                str(ROOT),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        shutil.copy2(Path(out) / site_assets.wheel_name(), target)
    return target


def copy_pyodide(assets: Path) -> Path:
    """Copy the Pyodide runtime from node_modules into its versioned folder.

    The lock file is trimmed to its ``info``: the calculators need no package from Pyodide's
    distribution (the wheel is installed from its URL), so the 119 kB package list is never fetched.
    """
    source = ROOT / "node_modules" / "pyodide"
    if not source.is_dir():
        raise SystemExit("node_modules/pyodide is missing: run `npm ci` (make does it for you)")
    target = assets / site_assets.pyodide_dir()
    target.mkdir(parents=True, exist_ok=True)
    for name in site_assets.PYODIDE_FILES:
        if name == "pyodide-lock.json":
            lock = json.loads((source / name).read_text(encoding="utf-8"))
            trimmed = {"info": lock["info"], "packages": {}}
            (target / name).write_text(json.dumps(trimmed), encoding="utf-8")
        else:
            shutil.copy2(source / name, target / name)
    return target


SNAPSHOT_CACHE = ROOT / ".cache" / "snapshots"
SNAPSHOT_INPUTS = site_assets.SNAPSHOT_RECIPE


def start_snapshot(wheel: Path) -> tuple[subprocess.Popen[str] | None, Path]:
    """Start ``scripts/make_snapshot.mjs`` on the wheel (it runs beside the MkDocs builds).

    Its output (the trimmed standard library and the memory snapshot, checked against a normal start)
    depends only on the module's sources and the recipe (``source_hash``, the wheel's folder) and
    Pyodide, so it is cached in ``.cache/snapshots/``: a rebuild with the same inputs copies it (the
    wheel's bytes also change with README.md, its long description, which the snapshot ignores).
    Returns the running process (None when cached) and the cache folder it writes to.
    """
    digest = hashlib.sha256(site_assets.source_hash().encode())
    digest.update(site_assets.pyodide_version().encode())
    for name in SNAPSHOT_INPUTS:
        digest.update((ROOT / name).read_bytes())
    requests = site_assets.snapshot_requests_json()
    digest.update(requests)
    cached = SNAPSHOT_CACHE / digest.hexdigest()[:16]
    if (cached / "done").exists():
        return None, cached
    node = shutil.which("node")
    if node is None:
        raise SystemExit("Node.js (`node`) is needed to build the calculator's snapshot")
    shutil.rmtree(cached, ignore_errors=True)
    requests_file = SNAPSHOT_CACHE / f"{cached.name}.requests.json"
    requests_file.parent.mkdir(parents=True, exist_ok=True)
    requests_file.write_bytes(requests)
    command = [node, str(ROOT / "scripts" / "make_snapshot.mjs"), "--wheel", str(wheel)]
    command += ["--requests", str(requests_file)]
    process = subprocess.Popen(
        [*command, "--out", str(cached)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    return process, cached


def finish_snapshot(process: subprocess.Popen[str] | None, cached: Path, wheel: Path) -> None:
    """Wait for the snapshot, fail the build if its check failed, copy it beside the wheel."""
    if process is not None:
        out, err = process.communicate()
        if process.returncode:
            # Pyodide prints its whole minified runtime with a stack trace: keep the message lines.
            lines = [line for line in err.splitlines() if len(line) < 1000]
            raise SystemExit("scripts/make_snapshot.mjs failed:\n" + "\n".join(lines[-40:]))
        (cached / "done").write_text(out)
    for path in cached.iterdir():
        if path.name != "done":
            shutil.copy2(path, wheel.parent / path.name)


def build_language(lang: str, site: Path) -> float:
    """One ``mkdocs build --strict`` of ``lang`` into ``site/<lang>``; returns seconds taken."""
    started = time.perf_counter()
    env = os.environ | {"I18N_LANG": lang, "SITE_DIR": str(site / lang)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(ROOT / "mkdocs.yml"),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"mkdocs build failed for {lang}:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - started


def preload_mkdocs(languages: tuple[str, ...]) -> None:
    """Import what every language's build imports, once: MkDocs, Material and its plugins, static-i18n,
    the Markdown extensions, the project's hook and what it imports (Babel with each language's locale
    data), by loading the configuration once. The forked builds inherit all of it."""
    import babel
    from mkdocs.config import load_config

    os.environ |= {"I18N_LANG": languages[0], "SITE_DIR": str(SITE / languages[0])}
    load_config(config_file=str(ROOT / "mkdocs.yml"), strict=True)
    for lang in languages:
        babel.Locale.parse(lang).number_symbols  # noqa: B018 (loads the locale's data)


def build_language_forked(lang: str, site: Path) -> None:
    """In a forked child: one ``mkdocs build --strict`` of ``lang``, as the CLI runs it; exits."""
    import io
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    messages = io.StringIO()
    handler = logging.StreamHandler(messages)
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    code = 1
    try:
        os.environ |= {"I18N_LANG": lang, "SITE_DIR": str(site / lang)}
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        code = 0
    except BaseException as error:  # report everything to the parent, whatever it is
        messages.write(f"{type(error).__name__}: {error}\n")
    finally:
        if code:
            (site / f".build-{lang}.log").write_text(messages.getvalue(), encoding="utf-8")
        os._exit(code)


def build_languages_forked(languages: tuple[str, ...], site: Path, jobs: int) -> dict[str, float]:
    """One MkDocs build per language, each in a child forked from a process that has imported
    everything once (``preload_mkdocs``): the five builds stay separate (their own configuration,
    plugins and output) but share the start-up that each ``mkdocs`` process used to repeat.
    Returns the seconds each build took."""
    preload_mkdocs(languages)
    site.mkdir(parents=True, exist_ok=True)
    fork = multiprocessing.get_context("fork")
    running: dict[int, tuple[str, float, multiprocessing.process.BaseProcess]] = {}
    seconds: dict[str, float] = {}
    failed: list[str] = []
    pending = list(languages)
    while pending or running:
        while pending and len(running) < jobs:
            lang = pending.pop(0)
            child = fork.Process(target=build_language_forked, args=(lang, site), name=lang)
            child.start()
            running[child.sentinel] = (lang, time.perf_counter(), child)
        # wait on our own children only: os.wait() would also reap the snapshot's process
        for sentinel in multiprocessing.connection.wait(list(running)):
            lang, began, child = running.pop(sentinel)
            child.join()
            seconds[lang] = time.perf_counter() - began
            if child.exitcode:
                log = site / f".build-{lang}.log"
                failed.append(f"{lang}:\n{log.read_text(encoding='utf-8') if log.exists() else ''}")
                log.unlink(missing_ok=True)
    if failed:
        raise SystemExit("mkdocs build failed for " + "\n".join(failed))
    return {lang: seconds[lang] for lang in languages}


def write_root_pages(site: Path, languages: tuple[str, ...]) -> None:
    """The language chooser, a multilingual 404 page, the sitemap index and robots.txt."""
    hooks = ROOT / "scripts" / "root"
    assets = site / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for name in ("chooser.js", "chooser.css"):
        shutil.copy2(hooks / name, assets / name)
    items = "\n".join(
        f'<li><a href="{lang}/" hreflang="{lang}" lang="{lang}">'
        f'<span class="name">{escape(load(lang)["lang.name"])}</span>'
        f'<span class="title">{escape(load(lang)["site.name"])}</span></a></li>'
        for lang in languages
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{lang}" href="{escape(site_assets.site_url())}{lang}/">'
        for lang in languages
    )
    template = (hooks / "index.html").read_text(encoding="utf-8")
    title = escape(" · ".join(load(lang)["chooser.title"] for lang in languages))
    for name in ("index.html", "404.html"):
        page = template.replace("{{ items }}", items).replace("{{ alternates }}", alternates)
        page = page.replace("{{ head }}", root_head(languages, link_preview=name == "index.html"))
        page = page.replace("{{ title }}", title)
        page = page.replace("{{ canonical }}", escape(site_assets.site_url()))
        page = page.replace("{{ redirect }}", "true" if name == "index.html" else "false")
        (site / name).write_text(page, encoding="utf-8")
    sitemaps = "".join(
        f"<sitemap><loc>{escape(site_assets.site_url())}{lang}/sitemap.xml</loc></sitemap>"
        for lang in languages
    )
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemaps}</sitemapindex>\n',
        encoding="utf-8",
    )
    (site / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {site_assets.site_url()}sitemap.xml\n"
    )


def root_head(languages: tuple[str, ...], link_preview: bool) -> str:
    """The root pages' meta description (each language's, joined) and the chooser's link preview."""
    from sitebuild.link_previews import Preview, render, tags

    def joined(key: str) -> str:
        return " · ".join(load(lang)[key] for lang in languages)

    description = joined("chooser.description")
    head = f'<meta name="description" content="{escape(description)}">'
    if not link_preview:  # the multilingual 404 page
        return head
    preview = Preview(
        title=joined("chooser.title"),
        description=description,
        url=site_assets.site_url(),
        kind="website",
        lang=None,  # every language is an alternate
        languages=languages,
        site_name=joined("site.name"),
    )
    return head + "\n" + render(tags(preview))


COMPRESSIBLE = {
    *(".html", ".js", ".mjs", ".css", ".json", ".wasm", ".xml", ".svg", ".txt"),
    # The memory snapshot, and the trimmed standard library (stored: Brotli does better than deflate)
    *(".snapshot", ".zip"),
}
CACHE = ROOT / ".cache" / "precompressed"


def precompress(site: Path) -> int:
    """Write ``.br`` and ``.gz`` beside every compressible file of 1 kB or more, for static hosts that
    serve precompressed files (nginx ``gzip_static``/``brotli_static``, Netlify, Caddy ``precompressed``).

    Brotli runs at its best (and slowest) level; results for large files are cached by content hash
    in ``.cache/``, so the Pyodide runtime is compressed once per version, not once per build.
    """
    import brotli

    count = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in COMPRESSIBLE or not path.is_file() or path.stat().st_size < 1024:
            continue
        data = path.read_bytes()
        cached = CACHE / hashlib.sha256(data).hexdigest()
        if cached.with_suffix(".br").exists():
            compressed = (
                cached.with_suffix(".br").read_bytes(),
                cached.with_suffix(".gz").read_bytes(),
            )
        else:
            compressed = brotli.compress(data, quality=11), gzip.compress(data, 9, mtime=0)
            if len(data) > 32 * 1024:
                CACHE.mkdir(parents=True, exist_ok=True)
                cached.with_suffix(".br").write_bytes(compressed[0])
                cached.with_suffix(".gz").write_bytes(compressed[1])
        for suffix, body in zip((".br", ".gz"), compressed, strict=True):
            if len(body) < len(data) * 0.9:
                path.with_name(path.name + suffix).write_bytes(body)
                count += 1
    return count


def build(
    languages: tuple[str, ...], site: Path = SITE, jobs: int | None = None, compress: bool = True
) -> dict[str, float]:
    """Build ``languages`` into ``site`` and return the seconds each step took."""
    started = time.perf_counter()
    if site.exists():
        shutil.rmtree(site)
    assets = site / "assets"
    wheel = build_wheel(assets)
    snapshot = start_snapshot(wheel)
    copy_pyodide(assets)
    timings: dict[str, float] = {"assets": time.perf_counter() - started}
    if hasattr(os, "fork"):
        timings |= build_languages_forked(languages, site, jobs or os.cpu_count() or 2)
    else:
        with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 2) as pool:
            seconds = pool.map(lambda lang: build_language(lang, site), languages)
            timings |= dict(zip(languages, seconds, strict=True))
    step = time.perf_counter()
    finish_snapshot(*snapshot, wheel)
    timings["snapshot_wait"] = time.perf_counter() - step
    write_root_pages(site, languages)
    if compress:
        step = time.perf_counter()
        precompress(site)
        timings["precompress"] = time.perf_counter() - step
    timings["total"] = time.perf_counter() - started
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lang", action="append", choices=LANGUAGES, help="build only this language"
    )
    parser.add_argument("--site", type=Path, default=SITE, help="output folder (default: site/)")
    parser.add_argument("--jobs", type=int, help="parallel MkDocs builds (default: CPU count)")
    parser.add_argument("--no-compress", action="store_true", help="skip the .br/.gz files")
    args = parser.parse_args()
    languages = tuple(args.lang or LANGUAGES)
    timings = build(languages, args.site, args.jobs, compress=not args.no_compress)
    print(json.dumps({k: round(v, 2) for k, v in timings.items()}))


if __name__ == "__main__":
    main()
