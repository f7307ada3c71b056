"""`spbe serve` as it runs: a process listening on localhost, its one line on standard output, Ctrl+C,
and a bounded load test: 20 offices uploading into one master at once lose nothing."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2

from ..helpers import fill_workbook, form_value, office_master, office_name

OFFICES = 20


class Running:
    """One `spbe serve` process: its printed address, its base and its origin."""

    def __init__(self, process: subprocess.Popen[str], address: str):
        self.process, self.address = process, address
        self.base = address.split("?")[0]
        self.origin = self.base.rstrip("/")
        self.stderr = ""

    @contextmanager
    def client(self) -> Iterator[httpx2.Client]:
        """A browser-like client that has opened the printed address (its cookie set)."""
        with httpx2.Client(base_url=self.base, follow_redirects=False, timeout=120) as client:
            answer = client.get(self.address)
            assert answer.status_code == 303, answer.text
            yield client


@contextmanager
def serving(folder: Path, *options: str) -> Iterator[Running]:
    """`spbe serve FOLDER --port 0 --no-open` started, then stopped with Ctrl+C (SIGINT)."""
    command = [sys.executable, "-m", "spbe_cli", "serve", str(folder), "--port", "0", "--no-open", *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()  # printed once the socket listens
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_-]{20,}\n", line), line + process.stderr.read()
        running = Running(process, line.strip())
        yield running
    finally:
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
    running.stderr, running.rest_of_stdout = err, out  # type: ignore[attr-defined]


def test_one_line_on_standard_output_the_rest_on_standard_error_and_ctrl_c_stops(tmp_path):
    (tmp_path / "penilaian.yaml").write_text(office_master(), encoding="utf-8")
    with serving(tmp_path) as running:
        with running.client() as client:
            assert client.get("/").status_code == 200
            assert client.get("/", headers={"host": "evil.example"}).status_code == 400
        with httpx2.Client(base_url=running.base) as stranger:
            assert stranger.get("/").status_code == 401
    assert running.process.returncode == 0
    assert running.rest_of_stdout == ""  # the address was the only line
    assert f"serving {tmp_path.resolve()} at {running.base}" in running.stderr
    assert running.stderr.rstrip().endswith("spbe: stopped")
    assert "Traceback" not in running.stderr and "INFO" not in running.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["penilaian.yaml"]  # nothing added by reading


def test_sigterm_stops_as_ctrl_c_does(tmp_path):
    (tmp_path / "penilaian.yaml").write_text(office_master(), encoding="utf-8")
    command = [sys.executable, "-m", "spbe_cli", "serve", str(tmp_path), "--port", "0", "--no-open"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().startswith("http://127.0.0.1:")
    finally:
        process.send_signal(signal.SIGTERM)  # a service manager's stop
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0 and out == ""
    assert err.rstrip().endswith("spbe: stopped") and "Traceback" not in err


def test_a_port_in_use_is_a_usage_error(tmp_path):
    (tmp_path / "penilaian.yaml").write_text(office_master(), encoding="utf-8")
    with serving(tmp_path) as running:
        port = running.base.rsplit(":", 1)[1].strip("/")
        done = subprocess.run(
            [sys.executable, "-m", "spbe_cli", "serve", str(tmp_path), "--port", port, "--no-open"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert f"cannot listen on 127.0.0.1 port {port}" in done.stderr


def test_another_host_warns_and_still_needs_the_token(tmp_path):
    (tmp_path / "penilaian.yaml").write_text(office_master(), encoding="utf-8")
    with serving(tmp_path, "--host", "0.0.0.0", "--token", "kunci-rahasia-kantor-2025") as running:
        assert running.address.endswith("?token=kunci-rahasia-kantor-2025")
        with httpx2.Client(base_url=running.base) as stranger:
            assert stranger.get("/").status_code == 401
            assert stranger.get("/?token=kunci-rahasia-kantor-2025").status_code == 303
    assert "--host 0.0.0.0: the pages can be reached from other machines" in running.stderr


def upload_and_confirm(
    running: Running, master_id: str, office: str, sheet: bytes, errors: list[str], together: threading.Barrier
) -> None:
    """One office's upload, as its sender does it: check, then confirm (again if asked to). Every office
    confirms at the same moment (the barrier), so the writes meet at the master's lock."""
    try:
        with running.client() as client:
            preview = client.post(
                "/upload",
                headers={"origin": running.origin},
                data={"into": master_id, "who": f"Petugas {office}"},
                files={"sheet": (f"{office}.xlsx", sheet)},
            )
            assert preview.status_code == 200, preview.text
            page = preview.text
            together.wait(timeout=120)
            for _ in range(5):
                fields = {name: form_value(page, name) for name in ("into", "upload", "who", "expect")}
                answer = client.post("/upload/confirm", headers={"origin": running.origin}, data=fields)
                if answer.status_code == 303:
                    return
                assert answer.status_code == 409, answer.text
                page = answer.text
            raise AssertionError(f"{office}: never written")
    except Exception as error:  # collected: a thread's failure must fail the test
        together.abort()  # the others stop waiting for this one
        errors.append(f"{office}: {error!r}")


def test_twenty_offices_uploading_into_one_master_at_once_lose_nothing(tmp_path, spbe, catalog):
    workspace = tmp_path / "ruang-kerja"
    workspace.mkdir()
    master = workspace / "penilaian.yaml"
    master.write_text(office_master(OFFICES), encoding="utf-8")
    pristine = master.read_bytes()
    sheets: dict[str, bytes] = {}
    for number in range(OFFICES):
        office = office_name(number)
        exported = tmp_path / f"opd-{number:02d}.xlsx"
        assert spbe("export", master, "--pic", office, "-o", exported).code == 0
        values = {indicator.id: n % 5 + 1 for n, indicator in enumerate(catalog.get("spbe-2020").indicators)}
        sheets[office] = fill_workbook(exported.read_bytes(), values)
    with serving(workspace) as running:
        with running.client() as client:
            master_id = re.search(r'<option value="([0-9a-f]{12})"', client.get("/upload").text).group(1)
        errors: list[str] = []
        together = threading.Barrier(OFFICES)
        threads = [
            threading.Thread(target=upload_and_confirm, args=(running, master_id, office, sheet, errors, together))
            for office, sheet in sheets.items()
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    assert errors == [], running.stderr[-6000:]
    assert not any(thread.is_alive() for thread in threads)
    log = [json.loads(line) for line in (workspace / ".spbe" / "log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(log) == OFFICES and sorted(entry["who"] for entry in log) == sorted(f"Petugas {o}" for o in sheets)
    assert len(list((workspace / ".spbe" / "uploads").iterdir())) == OFFICES
    # Every office's values are in the master: exactly what import --into writes from the same sheets.
    copy = tmp_path / "salinan.yaml"
    copy.write_bytes(pristine)
    given = []
    for office, sheet in sheets.items():
        path = tmp_path / f"kembali-{office.replace(' ', '-')}.xlsx"
        path.write_bytes(sheet)
        given.append(path)
    assert spbe("import", *given, "--into", copy).code == 0
    assert master.read_text(encoding="utf-8") == copy.read_text(encoding="utf-8")
    assert "mandiri:\n" not in master.read_text(encoding="utf-8")  # nothing left empty
    assert spbe("validate", master).code == 0 and spbe("score", master, "-f", "json").code == 0
    assert not list(workspace.glob("*.lock")) and not list((workspace / ".spbe").glob("*.lock"))
