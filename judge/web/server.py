"""Running the practice page: bind, print the address with its token, open the browser, serve."""

from __future__ import annotations

import errno
import ipaddress
import socket
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

import uvicorn

from judge.model.errors import JudgeError
from judge.runner.sandbox import ProcessSandbox
from judge.web.app import create_app
from judge.web.security import Guard, is_ip, new_token
from judge.web.settings import Settings

DEFAULT_PORT = 8765
#: Ports tried after the default one when it is taken (as Jupyter does); an explicit --port is not moved.
PORT_RETRIES = 20
#: Seconds a stopping server waits for open streams to end.
SHUTDOWN_GRACE_S = 3


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    return is_ip(host) and ipaddress.ip_address(host).is_loopback


def bind(host: str, port: int | None) -> socket.socket:
    """A listening socket: on ``port``, or the first free one from DEFAULT_PORT when it is None."""
    family = socket.AF_INET6 if is_ip(host) and ipaddress.ip_address(host).version == 6 else socket.AF_INET
    candidates = [port] if port is not None else [DEFAULT_PORT + i for i in range(PORT_RETRIES)]
    last: OSError | None = None
    for candidate in candidates:
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
        except OSError as exc:
            sock.close()
            if exc.errno == errno.EADDRINUSE:
                last = exc
                continue
            raise JudgeError(
                f"cannot listen on {host}:{candidate} ({exc.strerror}); try another --host or --port"
            ) from None
        sock.listen(128)
        sock.set_inheritable(True)
        return sock
    if port is not None:
        raise JudgeError(f"port {port} is already in use; pick another with --port (or --port 0 for any free one)")
    raise JudgeError(f"ports {candidates[0]}–{candidates[-1]} are all in use ({last}); pick one with --port")


def address(host: str, port: int) -> str:
    """The host part of the URL to print: a wildcard bind is reached at 127.0.0.1."""
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def serve(
    *,
    root: Path | None,
    sandbox: ProcessSandbox,
    host: str,
    port: int | None,
    open_browser: bool,
    say: Callable[[str], None],
) -> None:
    """Serve until Ctrl-C."""
    sock = bind(host, port)
    real_port = sock.getsockname()[1]
    names = [] if is_loopback(host) else [socket.gethostname(), socket.getfqdn()]
    guard = Guard.for_server(new_token(), host, real_port, names)
    app = create_app(Settings(root=root, sandbox=sandbox, guard=guard))
    url = f"http://{address(host, real_port)}/?token={guard.token}"
    say(f"judge: serving the practice page at {url}")
    if not is_loopback(host):
        say(f"judge: warning: listening on {host}: other machines can reach this page; only the token protects it")
    say("judge: press Ctrl-C to stop")
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, timeout_graceful_shutdown=SHUTDOWN_GRACE_S, lifespan="on"
    )
    server = uvicorn.Server(config)
    if open_browser:
        threading.Thread(target=_open_when_up, args=(server, url), daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


def _open_when_up(server: uvicorn.Server, url: str) -> None:
    """Open the browser once the server answers (a tab opened earlier would show an error)."""
    for _ in range(100):
        if server.started:
            webbrowser.open(url)
            return
        threading.Event().wait(0.05)
