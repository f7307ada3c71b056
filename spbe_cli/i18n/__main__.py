"""`python -m spbe_cli.i18n --export csv|po`: every message for a reviewer of the official terms.

CSV opens in a spreadsheet (id, area, English, Indonesian); PO opens in Poedit or Weblate, with the
English as the source text and the id as its context.
"""

from __future__ import annotations

import argparse
import csv
import sys

from . import M, all_messages
from .message import Message


def area_of(message: Message) -> str:
    for area in M.__mro__[1:]:
        if vars(area).get(message.id) is message:
            return area.__module__.rsplit(".", 1)[-1]
    return ""


def export_csv(out: object) -> None:
    writer = csv.writer(out)  # type: ignore[arg-type]
    writer.writerow(["id", "area", "en", "id_text"])
    for message in all_messages():
        writer.writerow([message.id, area_of(message), message.texts["en"], message.texts["id"]])


def _po_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def export_po() -> str:
    entries = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: id\\n"', ""]
    for message in all_messages():
        entries += [
            f"#: {area_of(message)}",
            f"msgctxt {_po_string(message.id)}",
            f"msgid {_po_string(message.texts['en'])}",
            f"msgstr {_po_string(message.texts['id'])}",
            "",
        ]
    return "\n".join(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spbe_cli.i18n", description=__doc__.splitlines()[0])
    parser.add_argument("--export", choices=("csv", "po"), required=True)
    arguments = parser.parse_args(argv)
    if arguments.export == "csv":
        export_csv(sys.stdout)
    else:
        sys.stdout.write(export_po())
    return 0


if __name__ == "__main__":
    sys.exit(main())
