# Connect to a listener the test opened on the host's loopback.
import socket

PORT = 0  # set by the test
for host in ("127.0.0.1", "localhost"):
    try:
        socket.create_connection((host, PORT), timeout=1).sendall(b"judge-hostile-hello")
    except OSError:
        pass


def can_shift(a, b):
    return len(a) == len(b) and b in a + a
