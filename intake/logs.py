"""Logging that never records a client address.

uvicorn's access log is switched off (it would log every client's address and port); every remaining record is
scrubbed of anything that looks like an IPv4 or IPv6 address, including in tracebacks, before it is written.
"""

from __future__ import annotations

import logging
import re

IP_ADDRESS = re.compile(
    r"(?<![\w.:])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"                       # IPv4
    r"|(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])"     # IPv6 (and mapped IPv4 tails)
)
SCRUBBED = "[address]"


def scrub(text: str) -> str:
    """The text with every IP-address-like token replaced."""
    return IP_ADDRESS.sub(SCRUBBED, text)


class ScrubAddresses(logging.Filter):
    """Rewrites a record's message and traceback without addresses (runs before any formatter)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Scrub the record in place; never drops it."""
        record.msg, record.args = scrub(record.getMessage()), ()
        if record.exc_info:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def log_config(level: str = "INFO") -> dict:
    """A logging.dictConfig for uvicorn and the service: one scrubbed stderr handler, no access log."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"scrub": {"()": ScrubAddresses}},
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["scrub"],
                                "stream": "ext://sys.stderr"}},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "intake": {"handlers": ["stderr"], "level": level, "propagate": False},
            "httpx": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        },
        "root": {"handlers": ["stderr"], "level": "WARNING"},
    }
