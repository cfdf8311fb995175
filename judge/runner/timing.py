"""How often to time a test, and how to summarise the timings.

The judged call decides the verdict and is timed once. A test that ran fast gets a few
extra timing blocks, each running ``reps`` fresh copies of its input back to back, so a
block is long enough for the CPU clock (and the round trip around it) to be small
against it. The reported time is the median per-call time of the blocks, with their
spread. Slow tests are measured once: they resolve themselves, and repeating them would
cost the learner real waiting time.
"""

from __future__ import annotations

import statistics

#: Tests whose judged call took less CPU than this (ms) get extra timing blocks.
FAST_MS = 5.0
#: The CPU time (ms) one timing block aims at. A round trip to the child costs
#: 0.1–0.3 ms of its CPU here, varying by ±0.05 ms: a block must dwarf that.
BLOCK_MS = 1.0
#: The smallest per-call time assumed when sizing a block (1 µs).
FLOOR_MS = 0.001
#: A judged call this close to the harness's own cost says little about the solution's:
#: such tests are sized by a pilot block of PILOT_REPS calls instead.
PILOT_BELOW_MS = 0.2
PILOT_REPS = 64
#: Extra timing blocks per fast test (odd, so the median is a measured block).
BLOCKS = 3
MAX_REPS = 1000
#: Fresh input copies held at once in the child are bounded by this many bytes of JSON.
MAX_COPY_BYTES = 16 * 1024 * 1024


def worth_repeating(first_ms: float) -> bool:
    return first_ms < FAST_MS


def reps_for(first_ms: float, input_bytes: int) -> int:
    """Calls per block, so a block takes about BLOCK_MS, within the input-copy bound."""
    want = int(BLOCK_MS / max(first_ms, BLOCK_MS / MAX_REPS)) or 1
    return max(1, min(want, MAX_REPS, MAX_COPY_BYTES // BLOCKS // max(input_bytes, 1)))


#: (median, (min, max)) of per-call times, in ms.
Summary = tuple[float, tuple[float, float]]


def summarise(samples_ms: list[float]) -> Summary:
    """(median, (min, max)) of per-call times."""
    return statistics.median(samples_ms), (min(samples_ms), max(samples_ms))
