"""Plain text, one finding per line as linters write them: `PATH:LINE:COL: severity: message`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import M
from . import RenderOptions
from .escaping import terminal_line
from .wording import check_summary, finding_text, office_name, office_sheet_note, severity_word

if TYPE_CHECKING:
    from ..core.readiness import CheckResult, Finding
    from ..problems import Place


def check(result: CheckResult, options: RenderOptions) -> str:
    """Readiness findings file by file (or per office with --by pic), then a one-line summary."""
    t, n = options.messages, options.numbers

    def line(finding: Finding, place: Place, indent: str = "") -> str:
        text = f"{place}: {severity_word(finding.severity, t)}: {finding_text(finding, t, n)}"
        return indent + terminal_line(text)

    lines: list[str] = []
    if result.by_pic:
        for office, items in result.by_office():
            lines.append(terminal_line(t(M.chk_office, office=office_name(office, t), count=len(items))))
            lines += [line(finding, place, "  ") for _, finding, place in items]
    else:
        for checked in result.files:
            note = office_sheet_note(checked, t)
            if note is not None:
                lines.append(terminal_line(note))
            if not checked.findings:
                lines.append(terminal_line(t(M.chk_ready, path=checked.source)))
            lines += [line(finding, place) for finding, place in zip(checked.findings, checked.places, strict=True)]
    lines.append(check_summary(result, t))
    return "\n".join(lines) + "\n"
