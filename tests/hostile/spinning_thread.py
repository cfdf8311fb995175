# A non-daemon thread that spins forever, and stdin read to EOF at import.
import sys
import threading

sys.stdin.read()


def spin():
    while True:
        pass


threading.Thread(target=spin).start()


def can_shift(a, b):
    return len(a) == len(b) and b in a + a
