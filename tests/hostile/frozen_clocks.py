# Freeze every clock the child could report, then run slowly: the judge must still see it.
import resource
import time

for name in ("time", "perf_counter", "process_time", "monotonic", "thread_time"):
    setattr(time, name, lambda: 0.0)
    setattr(time, name + "_ns", lambda: 0)
resource.getrusage = lambda who: None


def can_shift(a, b):
    x = 0
    while True:
        x += 1
