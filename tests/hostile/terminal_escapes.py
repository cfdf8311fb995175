# Print terminal control sequences on a failing sample test: clear the screen, retitle the
# window, set the clipboard (OSC 52), a C1 CSI, a bidi override; and raise with them too.
import sys

ESCAPES = "\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x9b31m\u202eevil\r"


def can_shift(a, b):
    print("out" + ESCAPES)
    print("err" + ESCAPES, file=sys.stderr)
    raise ValueError("boom" + ESCAPES)
