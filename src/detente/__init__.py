"""detente: dated, sourced records of what states and organisations do to each other."""

__version__ = "0.1.0"
