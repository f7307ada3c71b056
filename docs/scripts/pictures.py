"""Make the pictures of the Panduan and the guide with spbe's own commands, so that they never go stale.

    python docs/scripts/pictures.py      # or: make pictures

- the workbook an office (OPD) receives, as LibreOffice prints it: `spbe export --pic`, then
  `soffice --headless --convert-to pdf`, then `pdftoppm` (page 1);
- the report's first page, in Bahasa Indonesia and in English: `spbe report --pdf` (headless
  Chromium), then `pdftoppm`.

Needs LibreOffice (soffice), poppler-utils (pdftoppm) and a Chromium-family browser; says which is
missing, and writes nothing, when one is. The pictures are committed (docs/images/); CI does not make
them again, and the site builds from the committed ones. They are kept small: 60 dots per inch, and
the workbook's top at 1100 pixels wide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMAGES = ROOT / "docs" / "images"
EXAMPLE = ROOT / "examples" / "kabupaten-2025-tahapan-ilustrasi.yaml"  # every stage, offices, evidence
RESOLUTION = "60"
SIGNED = "Ir. Budi Santoso, M.T., Kepala Diskominfo"


def spbe(folder: Path, *args: str) -> None:
    """Run the `spbe` installed beside this Python, in `folder`."""
    script = shutil.which("spbe", path=str(Path(sys.executable).parent)) or "spbe"
    subprocess.run([script, *args], cwd=folder, check=True, env=os.environ | {"NO_COLOR": "1"})


def first_page(pdf: Path, picture: str, crop: tuple[int, int] | None = None) -> None:
    """Page 1 of `pdf` as docs/images/PICTURE.png; `crop` (width, height in pixels) keeps its top left,
    at that width, where the page is wide and its content short (a landscape sheet)."""
    stem = pdf.with_suffix("")
    size = ["-scale-to-x", str(crop[0]), "-scale-to-y", "-1", "-H", str(crop[1])] if crop else ["-r", RESOLUTION]
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", *size, "-png", "-singlefile", pdf, stem], check=True)
    shutil.copyfile(stem.with_suffix(".png"), IMAGES / f"{picture}.png")
    print(f"written: docs/images/{picture}.png")


def workbook(folder: Path) -> None:
    spbe(folder, "export", "penilaian.yaml", "--pic", "Bappeda", "-o", "opd-bappeda.xlsx", "--lang", "id")
    profile = (folder / "libreoffice-profile").as_uri()  # its own profile: another LibreOffice may be running
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(folder), "opd-bappeda.xlsx"], cwd=folder, check=True, timeout=180)
    first_page(folder / "opd-bappeda.pdf", "lembar-opd", crop=(1100, 330))  # landscape: the rows, legibly


def report(folder: Path, language: str, picture: str) -> None:
    date = ("--date", "2025-12-15")
    args = ("report", "penilaian.yaml", "--lang", language, *date, "--signed-by", SIGNED)
    spbe(folder, *args, "-o", f"laporan-{language}.html", "--pdf", f"laporan-{language}.pdf")
    first_page(folder / f"laporan-{language}.pdf", picture)


def main() -> int:
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        print(f"pictures.py: {', '.join(missing)} not found; on Debian or Ubuntu: sudo bash .ci/setup-system")
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        shutil.copyfile(EXAMPLE, folder / "penilaian.yaml")
        workbook(folder)
        report(folder, "id", "laporan-halaman-1")
        report(folder, "en", "report-page-1")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
