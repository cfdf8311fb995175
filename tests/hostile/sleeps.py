import time


def can_shift(a, b):
    time.sleep(3600)
