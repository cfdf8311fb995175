"""For challenge authors: ``judge new`` scaffolds a challenge, ``judge validate`` checks one."""
