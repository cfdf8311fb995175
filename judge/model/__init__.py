"""Plain data shared by every layer: verdicts, errors, config, tests, reports, events.

Nothing here imports anything else from the judge, runs a process or touches the disk.
"""
