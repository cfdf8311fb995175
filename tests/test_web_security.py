"""The guard's rules on their own: Host names, origins, tokens (no server, no process)."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

from judge.web.security import Guard, bearer, host_name  # noqa: E402

GUARD = Guard.for_server("s3cret-token", "127.0.0.1", 8765)


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("127.0.0.1:8765", "127.0.0.1"),
        ("LOCALHOST:1", "localhost"),
        ("[::1]:8765", "::1"),
        ("[::1]", "::1"),
        ("x", "x"),
    ],
)
def test_host_name_drops_the_port_and_brackets(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765", "10.1.2.3:8765", "127.0.0.1"])
def test_ip_addresses_and_localhost_are_allowed(host: str) -> None:
    assert GUARD.host_ok(host)


@pytest.mark.parametrize("host", ["evil.example:8765", "localhost.evil.example", "127.0.0.1.nip.io:8765", "", None])
def test_other_names_are_refused_as_dns_rebinding(host: str | None) -> None:
    assert not GUARD.host_ok(host)


def test_a_server_bound_to_a_name_answers_to_it() -> None:
    guard = Guard.for_server("t", "judge.lab", 80, ["workstation"])
    assert guard.host_ok("judge.lab") and guard.host_ok("workstation:80")
    assert not guard.host_ok("other.lab")
    assert guard.cookie == "judge-token-80"


@pytest.mark.parametrize(
    ("method", "origin", "site", "ok"),
    [
        ("POST", None, None, True),  # a script (curl, httpx): no Origin, no Sec-Fetch-Site
        ("POST", "http://127.0.0.1:8765", "same-origin", True),
        ("POST", "http://evil.example", "cross-site", False),
        ("POST", "http://evil.example", None, False),
        ("POST", "null", None, False),  # a sandboxed iframe or a file:// page
        ("POST", None, "cross-site", False),
        ("POST", "http://localhost:8765", "same-site", False),  # another port is another origin
        ("POST", "http://127.0.0.1:9999", None, False),
        ("GET", "http://evil.example", "cross-site", True),  # reading still needs the token
    ],
)
def test_only_this_origin_may_act(method: str, origin: str | None, site: str | None, ok: bool) -> None:
    assert GUARD.origin_ok(method, "127.0.0.1:8765", origin, site) is ok


def test_tokens_compare_exactly() -> None:
    assert GUARD.token_ok("s3cret-token")
    for wrong in ("", None, "s3cret-toke", "s3cret-token ", "S3CRET-TOKEN"):
        assert not GUARD.token_ok(wrong)


def test_authorization_headers_in_jupyter_and_bearer_form() -> None:
    assert bearer("token abc") == "abc"
    assert bearer("Bearer abc") == "abc"
    assert bearer("Basic abc") is None
    assert bearer(None) is None
