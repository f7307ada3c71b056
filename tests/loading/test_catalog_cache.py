"""The bundled frameworks, kept checked between runs: used only when everything matches, else ignored."""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from fractions import Fraction

import pytest

from spbe_cli.loading import catalog, catalog_cache, frameworks_file
from spbe_cli.loading.catalog import default_path, load_catalog, parse_catalog

DATA = default_path().read_bytes()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SPBE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SPBE_NO_CACHE", raising=False)
    catalog._bundled.cache_clear()
    yield tmp_path
    catalog._bundled.cache_clear()


def entry(folder):
    return catalog_cache.entry_path(folder)


def test_the_first_load_keeps_the_checked_frameworks_and_the_next_uses_them(cache, monkeypatch):
    parsed = list(parse_catalog(DATA, "indicators.yaml"))
    first = list(load_catalog())
    assert entry(cache).is_file()
    catalog._bundled.cache_clear()

    def no_parse(data, path):
        raise AssertionError("parsed again")

    monkeypatch.setattr(frameworks_file, "build_frameworks", no_parse)
    parse_catalog.cache_clear()
    cached = list(load_catalog())
    assert cached == parsed == first
    for ours, theirs in zip(cached, parsed, strict=True):
        assert ours.by_id == theirs.by_id
        assert ours.level_names == theirs.level_names
        assert ours.derived == {}
        assert [type(i.weight) for i in ours.indicators] == [Fraction] * len(ours.indicators)
        assert [type(b.min) for b in ours.bands] == [Decimal] * len(ours.bands)


def test_an_entry_for_other_bytes_or_another_version_is_ignored(cache, monkeypatch):
    load_catalog()
    assert catalog_cache.read(DATA) is not None
    assert catalog_cache.read(DATA + b"\n# edited\n") is None
    monkeypatch.setattr(catalog_cache, "__version__", "0.0.0-other")
    assert catalog_cache.read(DATA) is None


def test_an_edited_build_module_is_another_key(cache, monkeypatch):
    load_catalog()
    stat = os.stat

    def touched(path, *args, **kwargs):
        info = stat(path, *args, **kwargs)
        if str(path).endswith("frameworks_file.py"):
            return os.stat_result((*info[:8], info.st_mtime + 1, info[9]))
        return info

    monkeypatch.setattr(catalog_cache.os, "stat", touched)
    assert catalog_cache.read(DATA) is None


@pytest.mark.parametrize("damage", [b"", b"garbage", "truncated", "flipped"])
def test_a_damaged_entry_is_ignored_and_the_file_parsed(cache, damage):
    load_catalog()
    path = entry(cache)
    content = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(content[: len(content) - 100])
    elif damage == "flipped":
        path.write_bytes(content[:-50] + bytes([content[-50] ^ 0xFF]) + content[-49:])
    else:
        path.write_bytes(damage)
    assert catalog_cache.read(DATA) is None
    catalog._bundled.cache_clear()
    assert list(load_catalog()) == list(parse_catalog(DATA, "x"))


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX ownership")
def test_an_entry_others_may_write_is_not_trusted(cache):
    load_catalog()
    entry(cache).chmod(0o666)
    assert catalog_cache.read(DATA) is None


def test_installs_that_differ_keep_entries_of_their_own_and_old_ones_go(cache, monkeypatch):
    load_catalog()
    ours = entry(cache)
    os.utime(ours, ns=(0, 0))  # written long ago: the oldest, whatever the clock's resolution
    for number in range(6):  # six other installs (or edits) of the build modules, one after another
        monkeypatch.setattr(catalog_cache, "key", lambda number=number: f"other {number}".encode())
        catalog_cache.write(DATA, list(parse_catalog(DATA, "x")))
        assert catalog_cache.read(DATA) is not None
    assert len(list(cache.glob("frameworks-*.cache"))) == catalog_cache.KEPT
    assert not ours.exists()  # the oldest went


def test_an_entry_holds_only_frameworks_types():
    with pytest.raises(TypeError):
        catalog_cache.encoded(object())
    with pytest.raises(ValueError):
        catalog_cache.decoded((99, "x"))
    with pytest.raises(IndexError):
        catalog_cache.decoded((catalog_cache.OBJECT, 99, ()))


def test_turned_off_or_unwritable_the_cache_changes_nothing(cache, monkeypatch):
    monkeypatch.setenv("SPBE_NO_CACHE", "1")
    assert list(load_catalog()) == list(parse_catalog(DATA, "x"))
    assert not entry(cache).exists()
    monkeypatch.delenv("SPBE_NO_CACHE")
    blocked = cache / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SPBE_CACHE_DIR", str(blocked / "spbe"))
    catalog._bundled.cache_clear()
    assert list(load_catalog()) == list(parse_catalog(DATA, "x"))


def test_a_frameworks_file_named_by_the_user_is_never_cached(cache, tmp_path_factory):
    own = tmp_path_factory.mktemp("fw") / "indicators.yaml"
    own.write_bytes(DATA)
    load_catalog(str(own))
    assert not entry(cache).exists()


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("SPBE_CACHE_DIR", raising=False)
    monkeypatch.delenv("SPBE_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert catalog_cache.folder() == tmp_path / "spbe"
    monkeypatch.setenv("SPBE_NO_CACHE", "1")
    assert catalog_cache.folder() is None
