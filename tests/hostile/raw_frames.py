# Write raw frames on the judge's reply channel during the call: a huge length, garbage,
# an answer with a broken tail, a reply nested thousands deep. One per test, in turn.
import json
import os
import struct

import __main__

count = [0]


def frame(body):
    return struct.pack(">I", len(body)) + body


FRAMES = [
    struct.pack(">I", 0xFFFFFFFF) + b"x" * 100,
    frame(b"not json at all"),
    frame(json.dumps({"status": "ok", "answer": True}).encode() + b"\0" + b"\xff\xfe\xfd"),
    frame(b"[" * 50_000 + b"]" * 50_000),
    frame(json.dumps({"status": "exception", "type": 5, "mro": [1], "message": None}).encode()),
    frame(json.dumps({"status": "ok", "stdout": "x" * (2 << 20)}).encode()),
    frame(json.dumps({"status": "ok"}).encode()) + frame(json.dumps({"status": "ok"}).encode()),
]


def can_shift(a, b):
    count[0] += 1
    os.write(__main__.REP_FD, FRAMES[count[0] % len(FRAMES)])
    return len(a) == len(b) and b in a + a
