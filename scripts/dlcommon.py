"""What the evaluation scripts share (python3 stdlib only): the held-out split and offsets.

The split, one rule for every data set: a document is held out when the SHA-1 of its id (UTF-8),
read as one big-endian integer, is divisible by 5 -- `int(sha1(id).hexdigest(), 16) % 5 == 0`,
about a fifth of any set, fixed by the id alone, so it never changes between runs or machines.
Rules are written against the training part; its errors may be read, the held-out part's never.

Offsets: dateline exports UTF-8 byte offsets; the gold files and scorers count code points.

The research data: `../shared` beside the repository, or the folder `$DATELINE_SHARED` names.
"""
from __future__ import annotations

import bisect
import hashlib
import os
from typing import Callable, Optional

#: The repository's root folder.
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: The research data (gold sets and scorers), not shipped with the repository.
SHARED = os.environ.get("DATELINE_SHARED") or os.path.normpath(os.path.join(ROOT, "..", "shared"))

#: The names of the three parts, in the order the scripts print them.
PARTS = ("all", "train", "held-out")


def held_out(doc_id: str) -> bool:
    """Whether the document with this id is in the held-out fifth."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 5 == 0


def in_part(part: str, doc_id: str) -> bool:
    """Whether the document is in `part`, one of PARTS ("heldout" is accepted for "held-out")."""
    if part == "all":
        return True
    if part == "train":
        return not held_out(doc_id)
    if part in ("held-out", "heldout"):
        return held_out(doc_id)
    raise ValueError(f"unknown part {part!r}; one of {PARTS}")


def byte_to_cp(text: str) -> Callable[[int], Optional[int]]:
    """A function from UTF-8 byte offsets of `text` to code-point offsets; it gives None for an
    offset that is not on a character boundary (or outside the text)."""
    if text.isascii():
        n = len(text)
        return lambda b: b if 0 <= b <= n else None
    starts = []
    pos = 0
    for ch in text:
        starts.append(pos)
        pos += len(ch.encode("utf-8"))
    starts.append(pos)

    def cp(b: int) -> Optional[int]:
        i = bisect.bisect_left(starts, b)
        return i if i < len(starts) and starts[i] == b else None

    return cp


def _self_test() -> None:
    # The rule is fixed: these are held out among doc0..doc29, on every machine, for good.
    assert [d for d in (f"doc{i}" for i in range(30)) if held_out(d)] == \
        ["doc3", "doc7", "doc8", "doc12", "doc17", "doc27"]
    assert in_part("all", "doc3") and in_part("held-out", "doc3") and not in_part("train", "doc3")
    ids = [f"doc{i}" for i in range(1000)]
    share = sum(map(held_out, ids)) / len(ids)
    assert 0.15 < share < 0.25, share
    cp = byte_to_cp("aé€b")  # bytes: a=0, é=1..3, €=3..6, b=6
    assert [cp(b) for b in (0, 1, 2, 3, 4, 6, 7, 8)] == [0, 1, None, 2, None, 3, 4, None]
    ascii_cp = byte_to_cp("abc")
    assert [ascii_cp(b) for b in (0, 3, 4, -1)] == [0, 3, None, None]


if __name__ == "__main__":
    _self_test()
    print("dlcommon: ok")
