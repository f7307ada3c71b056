"""The strict reader: what it refuses, quickly and with positions, and what it accepts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from spbe_cli.loading.yamlread import MAX_BYTES, read_capped, read_yaml
from spbe_cli.problems import InvalidInput


def problems(data: bytes) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        read_yaml(data, "f.yaml")
    return [str(p) for p in caught.value.problems]


def test_duplicate_key_names_both_lines():
    assert problems(b"a: 1\nlevels:\n  12: 1\n  13: 2\n  12: 3\n") == [
        "f.yaml:5:3: duplicate key '12' (first defined at line 3)"
    ]


def test_keys_that_collide_after_normalisation():
    assert problems(b'levels:\n  12: 1\n  "12": 2\n') == ["f.yaml:3:3: duplicate key '12' (first defined at line 2)"]


def test_every_duplicate_is_reported():
    assert len(problems(b"a: 1\na: 2\nb: 1\nb: 2\n")) == 2


def test_several_documents_are_refused():
    assert problems(b"a: 1\n---\nb: 2\n") == [
        "f.yaml:2:1: more than one YAML document (---): put one assessment per file"
    ]


@pytest.mark.parametrize(
    "text",
    [
        b"a: !!python/object/apply:os.system ['true']\n",
        b"a: !include other.yaml\n",
        b"a: !!binary aGVsbG8=\n",
        b"a: !custom {b: 1}\n",
    ],
)
def test_custom_tags_are_refused(text):
    (message,) = problems(text)
    assert "is not allowed" in message
    assert message.startswith("f.yaml:1:4:")


def test_alias_bomb_is_refused_quickly():
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [{', '.join(['*' + previous] * 10)}]\n".encode()
    (message,) = problems(bomb)
    assert "aliases expand to more than" in message


def test_deep_nesting_is_refused_at_the_level_that_goes_too_deep():
    assert problems(b"[" * 100 + b"]" * 100) == ["f.yaml:1:65: nesting deeper than 64 levels"]
    # Far deeper, PyYAML's scanner refuses first (at its own limit of 1000); the message is ours.
    assert problems(b"[" * 20000 + b"]" * 20000) == ["f.yaml:1:1001: nesting deeper than 64 levels"]
    nested = ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 100))).encode()
    assert problems(nested) == ["f.yaml:65:129: nesting deeper than 64 levels"]


def test_size_cap():
    assert problems(b"a: 1\n" + b"#" * MAX_BYTES) == ["f.yaml: file is larger than 10 MB"]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"# just a comment\n", "file is empty (no YAML document)"),
        (b"name: Caf\xe9\n", "f.yaml:1:10: not UTF-8 text (byte 0xE9)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        (b"\xff\xfea\x00:\x00", "not a text file"),  # UTF-16
        (b"a: [1, 2\n", "YAML syntax error"),
        (b"a: *nothing\n", "refers to no anchor"),
        (b"? [a, b]\n: 1\n", "cannot be used as a key"),
    ],
)
def test_refusals(data, fragment):
    assert any(fragment in message for message in problems(data))


def test_syntax_errors_are_located_at_line_and_column():
    (message,) = problems(b"a: 1\nb: [1, 2\nc: 3\n")
    assert message.startswith("f.yaml:3:2: YAML syntax error: ")


def test_accepts_bom_crlf_comments_flow_quotes_and_anchors():
    text = (
        "\ufeff# komentar\r\n"
        "framework: 'spbe-2020'\r\n"
        '"institution": "Pemerintah Kota Uji"\r\n'
        "base: &base {level: 3, pic: Diskominfo}\r\n"
        'levels: {1: 3, "2": 4, 3: *base, 4: {<<: *base, level: 2}}\r\n'
    ).encode("utf-8")
    document = read_yaml(text, "f.yaml")
    assert document.data["framework"] == "spbe-2020"
    assert document.data["institution"] == "Pemerintah Kota Uji"
    assert document.data["levels"][1] == 3
    assert document.data["levels"]["2"] == 4
    assert document.data["levels"][3] == {"level": 3, "pic": "Diskominfo"}
    assert document.data["levels"][4] == {"level": 2, "pic": "Diskominfo"}


def test_floats_are_exact_decimals_and_specials_are_kept_for_the_validator():
    document = read_yaml(b"a: 1.17\nb: .nan\nc: -.inf\nd: 1_000.5\ne: 3\nf: yes\ng: ~\nh: 2024-01-01\n", "f.yaml")
    data = document.data
    assert data["a"] == Decimal("1.17") and isinstance(data["a"], Decimal)
    assert data["b"].is_nan()
    assert data["c"] == Decimal("-Infinity")
    assert data["d"] == Decimal("1000.5")
    assert data["e"] == 3 and isinstance(data["e"], int)
    assert data["f"] is True
    assert data["g"] is None
    assert data["h"] == "2024-01-01"  # dates stay text


def test_positions_are_recorded_for_keys_and_values():
    document = read_yaml(b"a: 1\nlevels:\n  12:   3\n", "f.yaml")
    assert document.values[("levels", "12")] == (3, 9)
    assert document.keys[("levels", "12")] == (3, 3)


def test_explicit_core_tags_are_honoured():
    document = read_yaml(b"a: !!str 12\nb: !!int '7'\nc: !!float 1.5\n", "f.yaml")
    assert document.data == {"a": "12", "b": 7, "c": Decimal("1.5")}


@pytest.mark.parametrize("size", [0, 1, 100, 65535, 65536, 65537, 200_000])
@pytest.mark.parametrize("limit", [0, 99, 100, 65536, 150_000, MAX_BYTES])
def test_a_file_is_read_whole_or_cut_one_byte_past_the_limit(tmp_path, size, limit):
    path = tmp_path / "f.yaml"
    content = bytes(range(256)) * (size // 256) + bytes(size % 256)
    path.write_bytes(content)
    assert read_capped(str(path), limit) == content[: limit + 1]
