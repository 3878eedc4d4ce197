"""Speed benchmarks of the glossary: one run, side by side, on one local server and one Chromium.

    python bench/run.py                       # everything (make bench), ~8 minutes on 2 cores
    python bench/run.py --quick               # fewer repetitions, small build sizes (development)
    python bench/run.py --skip-build-scaling  # only the browser measurements

1. Article readable: first contentful paint with and without the widget (cold loads).
2. Calculator ready (navigation start to ``[data-result][data-value]`` on a deep link), cold and
   warm, against a bare Pyodide start and the same calculator in plain JavaScript.
3. Recompute: keystroke (input event) to the updated result text, in the page.
4. Main thread: total blocking time from navigation until the widget is ready.
5. Bytes transferred by a first and a repeat visit of an article (as the bench server sent them,
   Brotli where the build wrote a ``.br``), against a bare Pyodide page's first visit.
6. Throttled links (10, 20 and 40 Mbit/s, 40 ms per request): calculator ready on a cold deep
   link, against the start as it was before the memory snapshot (``--today`` page), and the bytes.
7. Site build time at 2, 100 and 400 articles per language, five languages and one.
8. Erlang C for a large interval (2,000 calls), and Erlang A for an absurd one (5,000 calls, an
   hour's patience), in CPython: the median of 21 runs.
9. What readers pay: the bytes of a read-only visit (loaded, 20 s idle, no interaction) of every
   article and of an embed page; a reader scrolling from the top who types figures when the
   calculator's section comes into view: section visible to first result, cold and warm; the cold
   deep link's phases (and the wasm's compilation alone); Lighthouse's mobile performance score of
   an article and an embed (``node_modules/.bin/lighthouse``, or the one ``$LIGHTHOUSE`` names).


Prints a table (name, value, unit, target, verdict) and writes every figure by name, with the raw
samples, to ``bench/results/latest.json``. Serves a snapshot of ``site/`` (or a fresh build with
``--build``), so a rebuild in the checkout during the run does not disturb it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT)]  # the bench's modules, and calculators/ as built

import build_scaling  # noqa: E402
import pages  # noqa: E402
from browser import ARGS, Browser  # noqa: E402

from calculators.staffing import agents_for_target, agents_for_target_a, staffing_table  # noqa: E402
from calculators.web import respond  # noqa: E402

LANG, SLUG = "nb", "cost-per-contact"
QUERY = "?costs=76600&contacts=9800&currency=USD"
DEFAULT_SITE_URL = "http://127.0.0.1:8123/"
RESULTS = BENCH / "results" / "latest.json"


# ---- statistics and the table ----------------------------------------------------------------------
def median(values: list[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return float(statistics.quantiles(values, n=20, method="inclusive")[18])


def spread(values: list[float]) -> dict[str, float]:
    return {
        "median": median(values),
        "min": min(values),
        "max": max(values),
        "n": len(values),
    }


@dataclass
class Row:
    name: str
    value: float
    unit: str
    limit: float | None = None  # the target is value <= limit
    note: str = ""

    @property
    def target(self) -> str:
        return "" if self.limit is None else f"<= {self.limit:g}"

    @property
    def verdict(self) -> str:
        if self.limit is None:
            return "info"
        if self.value != self.value:  # NaN
            return "n/a"
        if self.value <= self.limit:
            return "met"
        if not self.limit:
            return "MISSED"
        return f"MISSED +{(self.value / self.limit - 1) * 100:.0f}%"


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def add(self, name: str, value: float, unit: str, limit: float | None = None) -> None:
        self.rows.append(Row(name, float(value), unit, limit))
        print(f"  {name} = {fmt(value, unit)} {unit}", flush=True)

    def table(self) -> str:
        header = ("name", "value", "unit", "target", "verdict")
        lines = [(r.name, fmt(r.value, r.unit), r.unit, r.target, r.verdict) for r in self.rows]
        widths = [max(len(str(x[i])) for x in [header, *lines]) for i in range(5)]
        out = []
        for number, line in enumerate([header, *lines]):
            cells = [
                str(c).rjust(widths[i]) if i == 1 else str(c).ljust(widths[i])
                for i, c in enumerate(line)
            ]
            out.append("  ".join(cells).rstrip())
            if number == 0:
                out.append("  ".join("-" * w for w in widths))
        return "\n".join(out)


def fmt(value: float, unit: str) -> str:
    if value != value:
        return "n/a"
    if unit in ("x", "ratio"):
        return f"{value:.2f}"
    if unit in ("s", "kB"):
        return f"{value:.1f}"
    if unit == "ms":
        return f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}"
    return f"{value:g}"


# ---- the site and the server -------------------------------------------------------------------------
def site_complete(site: Path) -> bool:
    """Whether ``site`` holds the article, its calculator scripts and the runtime files it loads."""
    article = site / LANG / "glossary" / SLUG / "index.html"
    if not article.is_file():
        return False
    html = article.read_text(encoding="utf-8")
    wheel = re.search(r'data-wheel="([^"]+)"', html)
    pyodide = re.search(r'data-pyodide="([^"]+)"', html)
    if not wheel or not pyodide:
        return False
    needed = [
        site / "assets" / wheel.group(1),
        site / "assets" / pyodide.group(1) / "pyodide.mjs",
        site / "assets" / pyodide.group(1) / "pyodide.asm.wasm",
        site / LANG / "assets" / "javascripts" / "calculator.js",
        site / LANG / "assets" / "javascripts" / "calculator-worker.js",
    ]
    return all(p.is_file() for p in needed)


def prepare_site(source: Path, target: Path, rebuild: bool) -> str:
    """Copy ``source`` to ``target`` (or build a fresh site there); returns how it was made."""
    if not rebuild and site_complete(source):
        try:
            shutil.copytree(source, target)
            if site_complete(target):
                return f"snapshot of {source}"
        except (OSError, shutil.Error) as error:  # a rebuild in the checkout removed files mid-copy
            print(f"  copying {source} failed ({error}); building instead", flush=True)
        shutil.rmtree(target, ignore_errors=True)
    print(f"  building the site into {target} ...", flush=True)
    env = os.environ | {
        "SITE_URL": os.environ.get("SITE_URL", DEFAULT_SITE_URL),
        "NO_MKDOCS_2_WARNING": "1",
    }
    subprocess.run(
        [sys.executable, "-m", "scripts.build_site", "--site", str(target)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    if not site_complete(target):
        raise SystemExit("the built site lacks the article or its calculator files")
    return f"fresh build (SITE_URL={env['SITE_URL']})"


def site_port(site: Path) -> int:
    """The local port the site's absolute URLs (canonical, alternates) point at, else 0."""
    html = (site / LANG / "glossary" / SLUG / "index.html").read_text(encoding="utf-8")
    match = re.search(r'rel="canonical" href="http://(?:127\.0\.0\.1|localhost):(\d+)/', html)
    return int(match.group(1)) if match else 0


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class Server:
    """bench/server.py in its own process, with a request log for byte counts."""

    def __init__(
        self,
        site: Path,
        overlay: Path,
        port: int,
        log: Path,
        throttle: tuple[float, float] = (0, 0),
    ) -> None:
        self.log = log
        self.offset = 0
        log.touch()
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(BENCH / "server.py"),
                "--root",
                str(site),
                "--overlay",
                str(overlay),
                "--port",
                str(port),
                "--log",
                str(log),
                "--mbit",
                str(throttle[0]),
                "--delay-ms",
                str(throttle[1]),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.url = self.process.stdout.readline().strip()
        if not self.url:
            raise SystemExit("bench/server.py did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def new_entries(self) -> list[dict[str, Any]]:
        with self.log.open(encoding="utf-8") as stream:
            stream.seek(self.offset)
            text = stream.read()
        complete = text[: text.rfind("\n") + 1]
        self.offset += len(complete.encode("utf-8"))
        return [json.loads(line) for line in complete.splitlines() if line]

    def settle(self, into: list[dict[str, Any]], quiet: float = 1.5, limit: float = 20.0) -> None:
        """Collect log entries until no request arrived for ``quiet`` seconds."""
        started = last = time.monotonic()
        while time.monotonic() - last < quiet and time.monotonic() - started < limit:
            time.sleep(0.1)
            entries = self.new_entries()
            if entries:
                into.extend(entries)
                last = time.monotonic()


# ---- the measurements --------------------------------------------------------------------------------
def rotate(items: list[Any], index: int) -> list[Any]:
    shift = index % len(items)
    return items[shift:] + items[:shift]


def warm_up(browser: Browser, urls: pages.Urls) -> None:
    """Throwaway loads, so the first measured load does not pay for starting the browser."""
    print("0. warm-up (not measured)", flush=True)
    browser.paint(urls.nowidget)
    browser.cold_and_warm(urls.article + QUERY, "calc")


def measure_paint(browser: Browser, urls: pages.Urls, reps: int, report: Report) -> None:
    print("1. article readable (FCP, cold loads)", flush=True)
    samples: dict[str, list[dict[str, float]]] = {"widget": [], "nowidget": []}
    variants = [("widget", urls.article), ("nowidget", urls.nowidget)]
    for index in range(reps):
        for name, path in rotate(variants, index):
            samples[name].append(browser.paint(path))
    fcp = {name: [s["fcp"] for s in runs] for name, runs in samples.items()}
    report.add("fcp_article_with_widget", median(fcp["widget"]), "ms")
    report.add("fcp_article_without_widget", median(fcp["nowidget"]), "ms")
    report.add(
        "fcp_ratio_with_vs_without",
        median(fcp["widget"]) / median(fcp["nowidget"]),
        "x",
        1.1,
    )
    for name, runs in samples.items():
        report.add(
            f"tbt_until_load_{'with' if name == 'widget' else 'without'}_widget",
            median([s["tbt_until_load"] for s in runs]),
            "ms",
        )
    report.details["paint"] = {
        name: {
            key: spread([s[key] for s in runs if s[key] is not None])
            for key in ("fcp", "dcl", "load", "tbt_until_load")
        }
        | {"fcp_samples": fcp[name], "frames": [s["frames"] for s in runs]}
        for name, runs in samples.items()
    }


def phase_medians(runs: list[dict[str, Any]]) -> dict[str, float]:
    """Median duration of each start-up step (difference of consecutive phase timestamps)."""
    steps: dict[str, list[float]] = defaultdict(list)
    for run in runs:
        marks = sorted(
            ((k, v) for k, v in run["phases"].items() if v is not None), key=lambda kv: kv[1]
        )
        previous = ("navigation", 0.0)
        for name, at in marks:
            steps[f"{previous[0]}->{name}"].append(at - previous[1])
            previous = (name, at)
    return {step: round(median(values), 1) for step, values in steps.items()}


def attribution(runs: list[dict[str, Any]]) -> dict[str, float]:
    """Median milliseconds per run of script time in long animation frames, by script source and
    invoker, plus rendering (style, layout, paint) of those frames: who kept the main thread busy."""
    per_run: list[dict[str, float]] = []
    for run in runs:
        totals: dict[str, float] = defaultdict(float)
        for frame in run.get("frames", []):
            totals["(rendering)"] += frame["render"]
            for script in frame["scripts"]:
                source = script["source"].rsplit("/", 1)[-1] or "(inline/page)"
                invoker = script["invoker"]
                invoker = "evaluate" if invoker.startswith("http") else invoker[:40]
                totals[f"{source} [{invoker}]"] += script["duration"]
        per_run.append(totals)
    keys = {k for totals in per_run for k in totals}
    medians = {k: round(median([t.get(k, 0.0) for t in per_run]), 1) for k in keys}
    return dict(sorted(medians.items(), key=lambda kv: -kv[1]))


def measure_ready(
    browser: Browser, urls: pages.Urls, reps: int, profile_reps: int, report: Report
) -> None:
    print("2./4. calculator ready and main thread (deep link, cold and warm)", flush=True)
    variants = [
        ("widget", urls.article + QUERY, "calc"),
        ("bare_pyodide", urls.bare, "bare"),
        ("plain_js", urls.jscalc + QUERY, "calc"),
    ]
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _, _ in variants}
    for index in range(reps):
        for name, path, kind in rotate(variants, index):
            runs[name].append(browser.cold_and_warm(path, kind))
            print(
                f"    {name:>12}: cold {runs[name][-1]['cold']['ready']:7.0f} ms,"
                f" warm {runs[name][-1]['warm']['ready']:7.0f} ms",
                flush=True,
            )
    profile_runs: dict[str, list[dict[str, Any]]] = {"widget": [], "bare_pyodide": []}
    for index in range(profile_reps):
        for name, path, kind in rotate(variants[:2], index):
            profile_runs[name].append(browser.cold_and_warm(path, kind, profile=True))
            last = profile_runs[name][-1]
            print(
                f"    {name:>12} (profile): cold {last['cold']['ready']:7.0f} ms,"
                f" warm {last['warm']['ready']:7.0f} ms, third {last['third']['ready']:7.0f} ms",
                flush=True,
            )

    def ready(group: dict[str, list[dict[str, Any]]], name: str, visit: str) -> float:
        return median([run[visit]["ready"] for run in group[name]])

    cold, warm = ready(runs, "widget", "cold"), ready(runs, "widget", "warm")
    bare_cold, bare_warm = ready(runs, "bare_pyodide", "cold"), ready(runs, "bare_pyodide", "warm")
    report.add("ready_cold", cold, "ms")
    report.add("ready_warm", warm, "ms")
    report.add("bare_pyodide_cold", bare_cold, "ms")
    report.add("bare_pyodide_warm", bare_warm, "ms")
    report.add("plain_js_ready_cold", ready(runs, "plain_js", "cold"), "ms")
    report.add("plain_js_ready_warm", ready(runs, "plain_js", "warm"), "ms")
    report.add("ready_cold_vs_bare_pyodide", cold / bare_cold, "x", 0.4)
    report.add("ready_warm_vs_bare_pyodide_cold", warm / bare_cold, "x", 0.3)
    report.add("ready_warm_vs_cold", warm / cold, "x")
    if profile_reps:
        p_cold = ready(profile_runs, "widget", "cold")
        p_warm = ready(profile_runs, "widget", "warm")
        report.add("ready_cold_profile", p_cold, "ms")
        report.add("ready_warm_profile", p_warm, "ms")
        report.add("ready_third_visit_profile", ready(profile_runs, "widget", "third"), "ms")
        report.add("bare_pyodide_cold_profile", ready(profile_runs, "bare_pyodide", "cold"), "ms")
        report.add("bare_pyodide_warm_profile", ready(profile_runs, "bare_pyodide", "warm"), "ms")
        report.add(
            "bare_pyodide_third_visit_profile", ready(profile_runs, "bare_pyodide", "third"), "ms"
        )
        report.add("ready_warm_vs_cold_profile", p_warm / p_cold, "x", 0.6)
    tbt = [run["cold"]["tbt"] for run in runs["widget"]]
    report.add("tbt_until_ready_cold", median(tbt), "ms", 50)
    report.add("tbt_until_ready_warm", median([r["warm"]["tbt"] for r in runs["widget"]]), "ms")
    report.add(
        "tbt_plain_js_until_ready_cold",
        median([r["cold"]["tbt"] for r in runs["plain_js"]]),
        "ms",
    )
    blame = attribution([run["cold"] for run in runs["widget"]])
    print(
        "    main thread until ready, cold (median ms per run, long animation frames):", flush=True
    )
    for source, ms in list(blame.items())[:6]:
        print(f"      {ms:7.1f}  {source}", flush=True)
    report.details["main_thread_attribution_cold"] = {
        name: attribution([run["cold"] for run in runs[name]]) for name in runs
    }
    report.details["ready"] = {
        group_name: {
            name: {
                visit: {
                    "ready": spread([r[visit]["ready"] for r in group[name]]),
                    "tbt": spread([r[visit]["tbt"] for r in group[name]]),
                    "steps_median_ms": phase_medians([r[visit] for r in group[name]]),
                    "samples": [r[visit] for r in group[name]],
                }
                for visit in group[name][0]
            }
            for name in group
            if group[name]
        }
        for group_name, group in (("context", runs), ("profile", profile_runs))
    }


def measure_recompute(browser: Browser, urls: pages.Urls, keys: int, report: Report) -> None:
    print(f"3. recompute ({keys} keystrokes)", flush=True)
    runs = {
        "python": browser.recompute(urls.article + QUERY, keys),
        "plain_js": browser.recompute(urls.jscalc + QUERY, keys),
    }
    total = {name: [s["total"] for s in run["keystrokes"]] for name, run in runs.items()}
    idle = {name: run["idle_round_trips"] for name, run in runs.items()}
    report.add("recompute_median", median(total["python"]), "ms")
    report.add("recompute_p95", p95(total["python"]), "ms", 16)
    report.add("plain_js_recompute_median", median(total["plain_js"]), "ms")
    report.add("plain_js_recompute_p95", p95(total["plain_js"]), "ms")
    report.add("worker_round_trip_idle_python", median(idle["python"]), "ms")
    report.add("worker_round_trip_idle_plain_js", median(idle["plain_js"]), "ms")
    report.details["recompute"] = {
        name: {
            part: {"median": median(values), "p95": p95(values)}
            for part in ("total", "before", "worker", "render")
            if (values := [s[part] for s in run["keystrokes"] if s[part] is not None])
        }
        | {
            "idle_round_trip": {"median": median(idle[name]), "p95": p95(idle[name])},
            "samples": run,
        }
        for name, run in runs.items()
    }
    python = report.details["recompute"]["python"]
    print(
        "    python split (median): "
        + ", ".join(f"{k} {v['median']:.1f} ms" for k, v in python.items() if k != "samples"),
        flush=True,
    )


def bucket(path: str) -> str:
    p = urlsplit(path).path
    if p.startswith("/assets/pyodide/"):
        return "pyodide runtime"
    if p.startswith("/assets/calculators/"):
        return "calculators wheel"
    if p.endswith("/calculator-worker.js"):
        return "widget worker"
    if p.endswith("/calculator.js"):
        return "widget script"
    if p.endswith("sitemap.xml"):
        return "sitemaps"
    if "/search/" in p or "/lunr/" in p or "/workers/search" in p:
        return "search (index, lunr, worker)"
    if p.endswith(("/", ".html")):
        return "html"
    if "/assets/stylesheets/" in p or "/assets/javascripts/" in p:
        return "theme css/js"
    return "other"


PYTHON_BUCKETS = {"pyodide runtime", "calculators wheel", "widget worker"}


def summarise_bytes(entries: list[dict[str, Any]]) -> dict[str, Any]:
    buckets: dict[str, dict[str, int]] = defaultdict(
        lambda: {"requests": 0, "bytes": 0, "body": 0, "uncompressed": 0, "not_modified": 0}
    )
    files = []
    for e in entries:
        b = buckets[bucket(e["path"])]
        b["requests"] += 1
        b["bytes"] += e["header_bytes"] + e["body_bytes"]
        b["body"] += e["body_bytes"]
        b["uncompressed"] += e["file_bytes"]
        b["not_modified"] += e["status"] == 304
        files.append(
            {k: e[k] for k in ("path", "status", "coding", "body_bytes", "file_bytes")}
            | {"header_bytes": e["header_bytes"]}
        )
    total = sum(b["bytes"] for b in buckets.values())
    python = sum(b["bytes"] for name, b in buckets.items() if name in PYTHON_BUCKETS)
    return {
        "total": total,
        "python": python,
        "page": total - python,
        "requests": len(entries),
        "buckets": dict(sorted(buckets.items(), key=lambda kv: -kv[1]["bytes"])),
        "files": files,
    }


def measure_bytes(browser: Browser, server: Server, urls: pages.Urls, report: Report) -> None:
    print("5. bytes transferred (first and repeat visit of the article)", flush=True)
    server.new_entries()  # drop what earlier measurements left in the log
    visits: list[list[dict[str, Any]]] = []

    def settle() -> None:
        visits.append([])
        server.settle(visits[-1])

    probes = browser.two_visits(urls.article + QUERY, settle)
    first, repeat = summarise_bytes(visits[0]), summarise_bytes(visits[1])
    bare_visit: list[dict[str, Any]] = []
    browser.bare_visit(urls.bare, lambda: server.settle(bare_visit))
    bare = summarise_bytes(bare_visit)
    report.add("bytes_bare_pyodide_page", bare["total"] / 1000, "kB")
    report.add("bytes_first_visit_vs_bare_pyodide", first["total"] / bare["total"], "x", 1.0)
    report.add("bytes_first_visit", first["total"] / 1000, "kB")
    report.add("bytes_first_visit_python", first["python"] / 1000, "kB")
    report.add("bytes_first_visit_page", first["page"] / 1000, "kB")
    report.add("bytes_repeat_visit", repeat["total"] / 1000, "kB")
    report.add("tbt_article_idle_start_until_ready", probes[0]["tbt"], "ms")
    report.details["bytes"] = {"first": first, "repeat": repeat, "bare": bare, "probes": probes}


#: A read-only visit: the page loaded, then this long with no interaction (seconds).
READ_ONLY_IDLE = 20
#: At most this many bytes (Brotli) for a read-only visit of an article.
READ_ONLY_BUDGET_KB = 300
#: The scrolling reader's pace, px/s: a 900 px screen in 5 s, skimming towards the calculator.
SCROLL_PACE = 180
EMBED = f"/{LANG}/embed/{SLUG}/"


def articles(site: Path, lang: str = LANG) -> list[str]:
    """The URL of every article of ``lang`` with a calculator."""
    return sorted(
        f"/{lang}/glossary/{page.parent.name}/"
        for page in (site / lang / "glossary").glob("*/index.html")
        if 'class="calc"' in page.read_text(encoding="utf-8")
    )


def brotli_bytes(site: Path, urls: list[str]) -> dict[str, int]:
    """Brotli size of each distinct same-origin file requested: the build's ``.br`` beside the file
    when there is one (what a host sends), else the file compressed here."""
    import brotli

    sizes: dict[str, int] = {}
    for url in urls:
        path = urlsplit(url).path
        if path in sizes or urlsplit(url).scheme not in ("http", "https"):
            continue
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            continue
        br = file.with_name(file.name + ".br")
        sizes[path] = (
            br.stat().st_size
            if br.is_file()
            else len(brotli.compress(file.read_bytes(), quality=11))
        )
    return sizes


def start_split(run: dict[str, Any]) -> dict[str, float] | None:
    """A start from the snapshot split into its parts (ms), or None for another start."""
    p = run["phases"]
    needed = ("worker_start", "worker_running", "snapshot_fetched", "restored", "result")
    if any(p.get(name) is None for name in needed):
        return None
    return {
        "page_until_worker": p["worker_start"],
        "worker_start": p["worker_running"] - p["worker_start"],
        "fetches": p["snapshot_fetched"] - p["worker_running"],
        "wasm_and_heap_restore": p["restored"] - p["snapshot_fetched"],
        "first_request": p["result"] - p["restored"],
    }


def measure_readers(
    browser: Browser, site: Path, urls: pages.Urls, reps: int, report: Report
) -> None:
    """Part 9: what a reader who only reads pays, and how soon the calculator answers a reader who
    scrolls to it."""
    print(f"9. what readers pay (read-only visits, {READ_ONLY_IDLE} s idle)", flush=True)
    paths = [*articles(site), urls.helpdesk, EMBED]
    requested = browser.read_only(paths, READ_ONLY_IDLE)
    visits = {}
    for path, seen in requested.items():
        sizes = brotli_bytes(site, seen)
        python = [u for u in sizes if bucket(u) in PYTHON_BUCKETS]
        visits[path] = {"total": sum(sizes.values()), "python_files": python, "files": sizes}
        print(
            f"    {path}: {visits[path]['total'] / 1000:.1f} kB, Python files {len(python)}",
            flush=True,
        )
    totals = [v["total"] / 1000 for path, v in visits.items() if path not in (EMBED, urls.helpdesk)]
    report.add("read_only_visit_article_max", max(totals), "kB", READ_ONLY_BUDGET_KB)
    report.add("read_only_visit_article_median", median(totals), "kB")
    below = visits[urls.helpdesk]
    report.add("read_only_visit_embed_below_the_fold", below["total"] / 1000, "kB")
    report.add(
        "read_only_visit_python_files",
        sum(len(v["python_files"]) for path, v in visits.items() if path != EMBED),
        "count",
        0,
    )
    # The embed page opened by itself: its calculator is in view, so Python starts (as it should).
    report.add("read_only_visit_embed_in_view", visits[EMBED]["total"] / 1000, "kB")

    print(f"   scrolling reader ({SCROLL_PACE} px/s), then the deep link's phases", flush=True)
    second = f"/{LANG}/glossary/cost-per-call/"  # another article the reader's figures fit
    scrolls = [
        browser.retried(lambda: browser.scroll_to_result([urls.article, second], SCROLL_PACE))
        for _ in range(reps)
    ]
    for visits_of_run in scrolls:
        print(
            "    visible -> result: cold {:.0f} ms, warm {:.0f} ms (started {:.0f} / {:.0f} ms before)".format(
                visits_of_run[0]["visible_to_result"],
                visits_of_run[1]["visible_to_result"],
                visits_of_run[0]["visible"] - visits_of_run[0]["started"],
                visits_of_run[1]["visible"] - visits_of_run[1]["started"],
            ),
            flush=True,
        )
    for index, name in ((0, "cold"), (1, "warm")):
        report.add(
            f"visible_to_result_{name}",
            median([max(0.0, run[index]["visible_to_result"]) for run in scrolls]),
            "ms",
            1000,
        )
        report.add(
            f"start_before_visible_{name}",
            median([run[index]["visible"] - run[index]["started"] for run in scrolls]),
            "ms",
        )
    report.details["readers"] = {"read_only": visits, "scrolls": scrolls, "pace": SCROLL_PACE}

    cold = report.details.get("ready", {}).get("context", {}).get("widget", {}).get("cold", {})
    cold = cold.get("samples", [])
    splits = [split for run in cold if (split := start_split(run))]
    for part in (
        "page_until_worker",
        "worker_start",
        "fetches",
        "wasm_and_heap_restore",
        "first_request",
    ):
        report.add(f"ready_cold_{part}", median([split[part] for split in splits]), "ms")
    compile_alone = [
        browser.cold_and_warm(urls.bare + "?compile", "bare")["cold"]["ready"] for _ in range(reps)
    ]
    report.add("wasm_fetch_and_compile_alone_cold", median(compile_alone), "ms")
    report.details["ready_cold_split"] = {"splits": splits, "compile_alone": compile_alone}


def lighthouse_binary() -> str | None:
    """The repository's Lighthouse (``node_modules/.bin/lighthouse``), else ``$LIGHTHOUSE``."""
    local = ROOT / "node_modules" / ".bin" / "lighthouse"
    if local.exists():
        return str(local)
    return os.environ.get("LIGHTHOUSE") or None


def measure_lighthouse(server_url: str, report: Report) -> None:
    """Lighthouse's mobile performance score (its default: a simulated mid-range phone on a slow
    4G link) of the article and of an embed page, with Debian's Chromium."""
    binary = lighthouse_binary()
    print(f"9. Lighthouse, mobile ({binary or 'not installed'})", flush=True)
    details: dict[str, Any] = {"binary": binary}
    for name, path in (("article", f"/{LANG}/glossary/{SLUG}/"), ("embed", EMBED)):
        score = weight = float("nan")
        if binary:
            command = [
                binary,
                server_url.rstrip("/") + path,
                "--only-categories=performance",
                "--output=json",
                "--output-path=stdout",
                "--quiet",
                "--chrome-flags=" + " ".join(ARGS),
            ]
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                env=os.environ | {"CHROME_PATH": "/usr/bin/chromium"},
                timeout=300,
                check=False,
            )
            if done.returncode == 0:
                result = json.loads(done.stdout)
                score = result["categories"]["performance"]["score"] * 100
                weight = result["audits"]["total-byte-weight"]["numericValue"] / 1000
                details[name] = {
                    key: result["audits"][key]["numericValue"]
                    for key in (
                        "first-contentful-paint",
                        "largest-contentful-paint",
                        "total-blocking-time",
                        "total-byte-weight",
                    )
                }
            else:
                details[name] = {"error": done.stderr[-2000:]}
                print(f"    lighthouse failed on {path}: {done.stderr[-300:]}", flush=True)
        report.add(f"lighthouse_mobile_performance_{name}", score, "score")
        report.add(f"lighthouse_total_byte_weight_{name}", weight, "kB")
    report.details["lighthouse"] = details


SPEEDS = (10, 20, 40)
DELAY_MS = 40


def measure_throttled(
    browser_for: Any,
    site: Path,
    overlay: Path,
    tmp: Path,
    urls: pages.Urls,
    reps: int,
    report: Report,
) -> None:
    """Cold deep links over a throttled server: the calculator now and as it was (``--today``)."""
    print(f"6. throttled links ({', '.join(map(str, SPEEDS))} Mbit/s, {DELAY_MS} ms per request)")
    details: dict[str, Any] = {}
    for mbit in SPEEDS:
        server = Server(site, overlay, 0, tmp / f"throttled-{mbit}.log", (mbit, DELAY_MS))
        browser = browser_for(server.url)
        runs: dict[str, list[float]] = {"now": [], "today": []}
        sent: dict[str, list[int]] = {"now": [], "today": []}
        failures = {"now": 0, "today": 0}
        try:
            variants = [("now", urls.article + QUERY), ("today", urls.today + QUERY)]
            for index in range(reps):
                for name, path in rotate(variants, index):
                    server.new_entries()
                    entries: list[dict[str, Any]] = []
                    try:
                        runs[name].append(browser.cold_ready(path))
                    except RuntimeError as error:  # passed the stall limit twice: count it
                        failures[name] += 1
                        print(f"    {mbit:>3} Mbit/s {name:>5}: failed ({error})", flush=True)
                        continue
                    server.settle(entries, quiet=1.0)
                    sent[name].append(summarise_bytes(entries)["total"])
                    print(f"    {mbit:>3} Mbit/s {name:>5}: {runs[name][-1]:7.0f} ms", flush=True)
        finally:
            browser.close()
            server.stop()
        now, today = median(runs["now"]), median(runs["today"])
        report.add(f"throttled_{mbit}mbit_ready_cold", now, "ms")
        report.add(f"throttled_{mbit}mbit_today_ready_cold", today, "ms")
        report.add(f"throttled_{mbit}mbit_ready_vs_today", now / today, "x", 1.0)
        report.add(
            f"throttled_{mbit}mbit_bytes", median([float(b) for b in sent["now"]]) / 1000, "kB"
        )
        report.add(f"throttled_{mbit}mbit_failed_starts", failures["now"], "count")
        report.add(f"throttled_{mbit}mbit_today_failed_starts", failures["today"], "count")
        details[f"{mbit}mbit"] = {"ready": runs, "bytes": sent, "failures": failures}
    report.details["throttled"] = details


def measure_erlang(report: Report, reps: int) -> None:
    """Erlang C in CPython: agents for 80/20 at 2,000 calls of 240 s per 30 minutes, and the table."""
    print("8. Erlang C, 2,000 calls per interval (CPython)", flush=True)
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        staffing_table(2000, 30, 240, 20, agents_for_target(2000, 30, 240, 80, 20))
        times.append((time.perf_counter() - started) * 1000)
    report.add("erlang_2000_calls_ms", median(times), "ms", 10)
    print("8. Erlang A, 5,000 calls per interval, patience 1 hour (CPython)", flush=True)
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        agents = agents_for_target_a(5000, 30, 180, 80, 20, 3600)
        staffing_table(5000, 30, 180, 20, agents, patience=3600)
        times.append((time.perf_counter() - started) * 1000)
    report.add("erlang_a_5000_calls_ms", median(times), "ms", 250)


def measure_day_plan(report: Report, reps: int) -> None:
    """Service level's day plan through the bridge the page calls: 48 half-hours of 5,000 calls of
    180 s each, 80/20, a patience of 120 s (Erlang A) and an 85 % occupancy cap."""
    print("8. Day plan, 48 intervals of 5,000 calls, Erlang A (CPython, through the bridge)")
    values = {
        "plan": "day",
        "volumes": "5000x48",
        "interval": "30",
        "aht": "180",
        "target": "80",
        "answer_time": "20",
        "patience": "120",
        "max_occupancy": "85",
        "hourly_cost": "30",
    }
    request = {"calculator": "service-level", "values": values, "source": "link"}
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        reply = respond(request)
        times.append((time.perf_counter() - started) * 1000)
        assert reply["result"] and len(reply["result"]["table"]) == 48, reply["errors"]
    report.add("day_plan_48_intervals_5000_calls_ms", median(times), "ms", 1000)


def measure_builds(sizes: tuple[int, ...], report: Report) -> None:
    print(f"7. build time ({', '.join(map(str, sizes))} articles per language)", flush=True)
    results = build_scaling.measure(sizes, log=lambda line: print(line, flush=True))
    for size in sizes:
        five, one = results[f"{size}x5"]["wall"], results[f"{size}x1"]["wall"]
        report.add(f"build_{size}_articles_5_languages", five, "s", 25 if size == 400 else None)
        report.add(f"build_{size}_articles_1_language", one, "s")
        report.add(f"build_{size}_articles_5_vs_1_language", five / one, "x", 5.5)
        report.add(f"build_{size}_articles_5_languages_cpu", results[f"{size}x5"]["cpu"], "s")
    report.details["build"] = results


# ---- main ----------------------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (development)")
    parser.add_argument("--skip-build-scaling", action="store_true", help="skip part 7")
    parser.add_argument("--skip-throttled", action="store_true", help="skip part 6")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site to snapshot")
    parser.add_argument("--build", action="store_true", help="build a fresh site to measure")
    parser.add_argument(
        "--reps",
        type=int,
        help="cold loads per variant for calculator ready (default 7, quick 3); paint takes 4 more",
    )
    parser.add_argument("--keys", type=int, help="keystrokes timed (default 50, quick 15)")
    parser.add_argument("--sizes", help="articles per language (default 2,100,400; quick 2,20)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    reps = args.reps or (3 if args.quick else 7)
    profile_reps = max(2, reps - 2) if not args.quick else 2
    keys = args.keys or (15 if args.quick else 50)
    sizes = tuple(
        int(s) for s in (args.sizes or ("2,20" if args.quick else "2,100,400")).split(",")
    )

    started = time.perf_counter()
    report = Report()
    meta: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "quick": args.quick,
        "reps": reps,
        "profile_reps": profile_reps,
        "keystrokes": keys,
        "build_sizes": list(sizes),
        "cpus": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
        "python": platform.python_version(),
    }
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        site = Path(tmp) / "site"
        meta["site"] = prepare_site(args.site, site, args.build)
        overlay = Path(tmp) / "overlay"
        urls = pages.write(site, overlay, LANG, SLUG)
        port = site_port(site)
        if port and not port_free(port):
            print(
                f"  port {port} (the site's SITE_URL) is busy; serving on a free port", flush=True
            )
            meta["port_note"] = f"{port} busy: alternate-language sitemap fetches were cross-origin"
            port = 0
        server = Server(site, overlay, port, Path(tmp) / "requests.log")
        browser = None
        try:
            browser = Browser(server.url)
            meta |= {"server": server.url, "chromium": browser.version}
            print(
                f"serving {meta['site']} at {server.url} (Chromium {browser.version})", flush=True
            )
            warm_up(browser, urls)
            measure_paint(browser, urls, reps + 4, report)
            measure_ready(browser, urls, reps, profile_reps, report)
            measure_recompute(browser, urls, keys, report)
            measure_bytes(browser, server, urls, report)
            measure_readers(browser, site, urls, 2 if args.quick else 3, report)
            measure_lighthouse(server.url, report)
        finally:
            if browser is not None:
                browser.close()
            server.stop()
        if not args.skip_throttled:
            measure_throttled(
                Browser, site, overlay, Path(tmp), urls, 1 if args.quick else 3, report
            )
    if not args.skip_build_scaling:
        measure_builds(sizes, report)
    measure_erlang(report, 21)
    measure_day_plan(report, 7)
    meta["loadavg_end"] = os.getloadavg()
    meta["seconds"] = round(time.perf_counter() - started, 1)

    print()
    print(report.table())
    print(
        f"\n{meta['seconds']:.0f} s; load average {meta['loadavg_start'][0]:.1f} at the start,"
        f" {meta['loadavg_end'][0]:.1f} at the end ({meta['cpus']} CPUs)"
    )
    write(args.output, meta, report)


def write(path: Path, meta: dict[str, Any], report: Report) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "meta": meta,
        "figures": {r.name: round(r.value, 3) for r in report.rows},
        "table": [
            {
                "name": r.name,
                "value": round(r.value, 3),
                "unit": r.unit,
                "target": r.target,
                "verdict": r.verdict,
            }
            for r in report.rows
        ],
        "details": report.details,
    }
    path.write_text(json.dumps(data, indent=1, default=float) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
