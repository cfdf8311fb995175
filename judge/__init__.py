"""judge: a local judge for coding challenges."""

__version__ = "0.1.0"
