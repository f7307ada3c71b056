"""spbe serve as an attacker meets it: the token and its cookie, the Host allow-list, same-origin POSTs,
the size and count caps, methods, path tricks and the headers every answer carries. In-process
(Starlette's TestClient); tests/web/test_served.py does the same over a real socket."""

from __future__ import annotations

import re

import pytest

from ..helpers import EXAMPLES, WEB_ORIGIN, WEB_TOKEN, office_master

KABUPATEN = (EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml").read_text(encoding="utf-8")
# Every page, and what it needs in its address (a file's id is filled in).
PAGES = [
    "/",
    "/a/{id}",
    "/a/{id}/report",
    "/a/{id}/report.pdf",
    "/a/{id}/results.xlsx",
    "/a/{id}/assessment.xlsx",
    "/a/{id}/office.xlsx?office=Bappeda",
    "/upload",
    "/compare",
    "/plan",
    "/rank",
    "/rank/page",
    "/lang/id",
]


def file_id(client, name: str = "penilaian.yaml") -> str:
    found = re.search(rf'href="/a/([0-9a-f]{{12}})">{re.escape(name)}<', client.get("/").text)
    assert found, f"{name} is not listed"
    return found.group(1)


@pytest.fixture
def workspace(served):
    return served({"penilaian.yaml": KABUPATEN})


def test_the_token_is_traded_for_a_strict_http_only_cookie_and_leaves_the_address(served):
    site = served({"penilaian.yaml": KABUPATEN}, login=False)
    answer = site.client.get(f"/plan?token={WEB_TOKEN}&target=Baik")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/plan?target=Baik"  # the token is gone from the address
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert WEB_TOKEN not in cookie  # the cookie is a session key of its own, never the token
    page = site.client.get("/")
    assert page.status_code == 200 and "Sukamaju" in page.text


@pytest.mark.parametrize("page", PAGES)
def test_without_the_cookie_every_page_answers_401_and_shows_nothing_of_the_workspace(served, page):
    site = served({"penilaian.yaml": KABUPATEN})
    address = page.format(id=file_id(site.client))
    stranger = type(site.client)(site.client.app, base_url=WEB_ORIGIN, follow_redirects=False)
    with stranger:
        answer = stranger.get(address)
        assert answer.status_code == 401
        assert "Sukamaju" not in answer.text and "penilaian" not in answer.text and "Bappeda" not in answer.text
        assert "address spbe serve printed" in answer.text
        posted = stranger.post("/upload", headers={"origin": WEB_ORIGIN}, files={"sheet": ("a.xlsx", b"x")})
        assert posted.status_code == 401


def test_a_wrong_token_or_cookie_answers_403(served):
    site = served({"penilaian.yaml": KABUPATEN}, login=False)
    assert site.client.get("/?token=not-the-token").status_code == 403
    assert site.client.get(f"/?token={WEB_TOKEN}x").status_code == 403
    site.client.cookies.set("spbe-8000", "forged")
    answer = site.client.get("/")
    assert answer.status_code == 403 and "Sukamaju" not in answer.text


def test_the_cookie_of_another_start_does_not_open_this_one(served):
    first = served({"penilaian.yaml": KABUPATEN})
    cookie = first.client.cookies.get("spbe-8000")
    second = served(login=False, folder="ws")  # the same folder, started again: a new session key
    second.client.cookies.set("spbe-8000", cookie)
    assert second.client.get("/").status_code == 403


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "[::1"])
def test_a_host_header_not_of_this_server_is_refused_even_with_the_token(served, host):
    site = served({"penilaian.yaml": KABUPATEN}, login=False)
    answer = site.client.get(f"/?token={WEB_TOKEN}", headers={"host": host})
    assert answer.status_code == 400
    assert "Sukamaju" not in answer.text and "set-cookie" not in answer.headers


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_loopback_names_are_this_server(served, host):
    site = served({"penilaian.yaml": KABUPATEN})
    assert site.client.get("/", headers={"host": host}).status_code == 200


def test_allow_host_and_the_bound_address_let_other_names_in(served):
    site = served({"penilaian.yaml": KABUPATEN}, allowed=["spbe.kantor.local"])
    assert site.client.get("/", headers={"host": "spbe.kantor.local:8000"}).status_code == 200
    assert site.client.get("/", headers={"host": "10.0.0.5:8000"}).status_code == 400  # bound to loopback
    wide = served({"penilaian.yaml": KABUPATEN}, host="0.0.0.0", folder="wide")
    assert wide.client.get("/", headers={"host": "10.0.0.5:8000"}).status_code == 200  # an IP: no rebinding
    assert wide.client.get("/", headers={"host": "rebind.evil.example"}).status_code == 400


@pytest.mark.parametrize(
    "headers",
    [
        {},  # neither Sec-Fetch-Site nor Origin: not known to come from the pages
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site", "origin": WEB_ORIGIN},
        {"sec-fetch-site": "same-site"},
        {"sec-fetch-site": "none"},
        {"origin": "http://127.0.0.1:9999"},
    ],
)
def test_a_post_not_from_these_pages_is_refused(workspace, headers):
    before = (workspace.folder / "penilaian.yaml").read_bytes()
    answer = workspace.client.post(
        "/upload", headers=headers, data={"into": "x", "who": "x"}, files={"sheet": ("a.xlsx", b"PK")}
    )
    assert answer.status_code == 403 and "pages themselves" in answer.text
    confirm = workspace.client.post("/upload/confirm", headers=headers, data={"into": "x"})
    assert confirm.status_code == 403
    assert (workspace.folder / "penilaian.yaml").read_bytes() == before
    assert not (workspace.folder / ".spbe").exists()


def test_a_post_from_the_pages_passes_the_guard(workspace):
    for headers in ({"sec-fetch-site": "same-origin"}, {"origin": WEB_ORIGIN}):
        answer = workspace.client.post("/upload", headers=headers, data={"who": "Budi"})
        assert answer.status_code == 400 and "Choose the sheet" in answer.text  # the page's own answer


def test_a_get_never_changes_anything(workspace):
    assert workspace.client.get("/upload/confirm").status_code == 405
    for method in ("PUT", "DELETE", "PATCH"):
        assert workspace.client.request(method, "/upload", headers={"origin": WEB_ORIGIN}).status_code == 405


def test_a_body_over_the_cap_is_refused_by_its_length_and_while_it_streams(served):
    site = served({"penilaian.yaml": KABUPATEN}, max_body=4096)
    big = b"PK\x03\x04" + b"0" * 10_000
    answer = site.client.post(
        "/upload", headers={"origin": WEB_ORIGIN}, data={"who": "x"}, files={"sheet": ("a.xlsx", big)}
    )
    assert answer.status_code == 413 and "larger than" in answer.text

    def chunks():
        for _ in range(10):
            yield b"0" * 1000

    streamed = site.client.post(
        "/upload/confirm",
        headers={"origin": WEB_ORIGIN, "content-type": "application/x-www-form-urlencoded"},
        content=chunks(),
    )
    assert streamed.status_code == 413
    assert not (site.folder / ".spbe").exists()


def test_one_file_per_upload_and_few_fields(workspace):
    two = workspace.client.post(
        "/upload",
        headers={"origin": WEB_ORIGIN},
        data={"who": "x"},
        files=[("sheet", ("a.xlsx", b"PK")), ("other", ("b.xlsx", b"PK"))],
    )
    assert two.status_code == 400 and "Too many files" in two.text
    many = workspace.client.post(
        "/upload/confirm", headers={"origin": WEB_ORIGIN}, data={f"f{n}": "x" for n in range(50)}
    )
    assert many.status_code == 400 and "Too many fields" in many.text
    assert not (workspace.folder / ".spbe").exists()


@pytest.mark.parametrize(
    "address",
    [
        "/a/../../etc/passwd",
        "/a/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/a/..%2fpenilaian.yaml",
        "/a/penilaian.yaml",
        "/a/ZZZZZZZZZZZZ",
        "/a/0123456789ab",
        "/a/0123456789ab/report",
        "/static/../../penilaian.yaml",
        "/penilaian.yaml",
        "/.spbe/log.jsonl",
        "/a/{id}/office.xlsx?office=../../etc/passwd",
        "/a/{id}/report?stage=../../x",
    ],
)
def test_no_address_names_a_file_by_its_path(workspace, address):
    answer = workspace.client.get(address.format(id=file_id(workspace.client)))
    assert answer.status_code == 404
    assert "levels:" not in answer.text and "root:" not in answer.text


def test_a_link_out_of_the_workspace_is_not_listed_nor_served(served, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "rahasia.yaml").write_text(KABUPATEN.replace("Sukamaju", "Rahasia"), encoding="utf-8")
    site = served({"penilaian.yaml": KABUPATEN})
    (site.folder / "tautan.yaml").symlink_to(outside / "rahasia.yaml")
    (site.folder / "folder").symlink_to(outside, target_is_directory=True)
    page = site.client.get("/").text
    assert "Rahasia" not in page and "tautan.yaml" not in page and "folder/" not in page


def test_the_language_switch_goes_back_only_to_this_server(workspace):
    for target in (
        "//evil.example/x",
        "http://evil.example/",
        "/\\evil.example",
        "%2F%2Fevil.example",
        "javascript:alert(1)",
    ):
        answer = workspace.client.get("/lang/id", params={"next": target})
        assert answer.status_code == 303 and answer.headers["location"] == "/"
    back = workspace.client.get("/lang/id", params={"next": "/plan?target=Baik"})
    assert back.headers["location"] == "/plan?target=Baik"
    assert "samesite=strict" in back.headers["set-cookie"].lower()
    assert workspace.client.get("/lang/xx").status_code == 404


def test_every_answer_carries_a_policy_allowing_nothing_from_elsewhere(workspace):
    identifier = file_id(workspace.client)
    for address in ("/", f"/a/{identifier}", f"/a/{identifier}/report", "/nowhere", "/rank/page"):
        headers = workspace.client.get(address).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "http" not in policy and "*" not in policy
        assert "frame-ancestors 'self'" in policy and "form-action 'self'" in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"
    stranger = type(workspace.client)(workspace.client.app, base_url=WEB_ORIGIN)
    with stranger:
        assert "default-src 'none'" in stranger.get("/").headers["content-security-policy"]


def test_the_pages_fetch_nothing_from_elsewhere(workspace):
    identifier = file_id(workspace.client)
    for address in ("/", f"/a/{identifier}", "/upload", "/compare", "/plan", "/rank"):
        text = workspace.client.get(address).text
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), address
        assert "<script" not in text  # the pages work without any script


def test_a_file_written_with_hostile_text_is_shown_inert(served):
    hostile = '<script>alert("x")</script>\u202eevil'
    master = office_master(offices=3).replace("Pemerintah Kota Uji", hostile.replace('"', '\\"'))
    master = master.replace('pic: "OPD 01"', 'pic: "<img src=x onerror=alert(1)>"')
    site = served({"<b>nama</b>.yaml": master})
    overview = site.client.get("/")
    assert overview.status_code == 200
    assert "<script>alert" not in overview.text and "<img src=x" not in overview.text and "<b>nama" not in overview.text
    assert "&lt;script&gt;" in overview.text and "\\u202e" in overview.text and "\u202e" not in overview.text
    identifier = re.search(r'href="/a/([0-9a-f]{12})"', overview.text).group(1)
    page = site.client.get(f"/a/{identifier}")
    assert "<img src=x" not in page.text and "&lt;img src=x onerror=alert(1)&gt;" in page.text
