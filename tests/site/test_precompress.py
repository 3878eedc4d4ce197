"""The build's precompression step: what a static host serves with ``brotli_static``/``gzip_static``."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import brotli
import pytest

from scripts import build_site


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(build_site, "CACHE", tmp_path / "cache")
    root = tmp_path / "site"
    root.mkdir()
    (root / "page.html").write_text("<p>cost per contact</p>\n" * 400, encoding="utf-8")
    (root / "big.snapshot").write_bytes(b"\0snapshot" * 8000)
    (root / "tiny.js").write_text("let a = 1;\n", encoding="utf-8")  # under 1 kB: left alone
    (root / "card.png").write_bytes(b"\x89PNG" * 1000)  # already compressed: left alone
    (root / "noise.txt").write_bytes(os.urandom(4096))  # does not shrink by 10 %: no copy
    return root


def test_compressed_copies_decode_to_the_file(site: Path) -> None:
    build_site.precompress(site)
    for name in ("page.html", "big.snapshot"):
        data = (site / name).read_bytes()
        assert brotli.decompress((site / f"{name}.br").read_bytes()) == data
        assert gzip.decompress((site / f"{name}.gz").read_bytes()) == data


def test_small_incompressible_and_binary_files_get_no_copy(site: Path) -> None:
    build_site.precompress(site)
    names = {path.name for path in site.iterdir()}
    assert not {"tiny.js.br", "card.png.br", "card.png.gz", "noise.txt.br", "noise.txt.gz"} & names


def test_large_files_are_compressed_once(site: Path) -> None:
    build_site.precompress(site)
    cached = sorted(path.name for path in build_site.CACHE.iterdir())
    assert len(cached) == 2  # the snapshot (> 32 kB): its .br and .gz
    for path in site.glob("*.[bg][rz]"):
        path.unlink()
    build_site.precompress(site)  # a second build reads the cache
    assert sorted(path.name for path in build_site.CACHE.iterdir()) == cached
    assert (site / "big.snapshot.br").exists()
