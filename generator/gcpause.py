"""Python's cycle collector kept off what a catalogue build holds until it exits.

Validation's results and the site's plan are millions of objects that make no garbage cycles
and live until the command ends; the collector's full passes over them cost a third of a warm
validation and 6 s of a 20,000-product build. :func:`paused_gc` pauses it while they are made;
in a one-shot command (:func:`one_shot_process`) they are then frozen out of its sight, and
forked workers do not copy their pages by touching them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: set for a one-shot command (:func:`one_shot_process`): what was loaded lives until exit
_FREEZE_AFTER_LOAD = False


def one_shot_process() -> None:
    """This process runs one command and exits (``ocop validate``, ``ocop build``; not
    ``ocop serve`` or a test session): the loaded catalogue is then moved out of the cycle
    collector's sight (:func:`gc.freeze`) instead of being scanned by every later full
    collection, and forked page writers do not copy its pages by touching them."""
    global _FREEZE_AFTER_LOAD
    _FREEZE_AFTER_LOAD = True


def one_shot() -> bool:
    """Whether this process runs one command and exits (:func:`one_shot_process`)."""
    return _FREEZE_AFTER_LOAD


def freeze_for_workers() -> None:
    """In a one-shot command, about to fork workers that share its work: what it holds now is
    frozen too, so neither its collector nor theirs writes to the pages they share."""
    if _FREEZE_AFTER_LOAD:
        gc.freeze()


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cycle collector paused while a catalogue's results or a site's plan are made, and
    what they made frozen after it in a one-shot command."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _FREEZE_AFTER_LOAD:
            gc.freeze()
        if enabled:
            gc.enable()
