"""Determinism across processes: Python salts string hashes per process, so a set
of bigrams iterates in another order in every run. The engine's idf sums must not
depend on that order (a last-bit difference can tip a close choice)."""
import os
import subprocess
import sys

from .helpers import REPO, SEEDS

_PROBE = """
import hashlib
from pathlib import Path
from generator.reconstruct.blocks import parse_blocks
from generator.reconstruct.classify import cohesion, idf_weights
h = hashlib.sha256()
for path in sorted(Path(%r).glob("*.txt")):
    sets, idf = idf_weights(parse_blocks(path.read_text(encoding="utf-8")))
    for a in sets:
        for b in sets:
            h.update(cohesion(a, b, idf).hex().encode())
print(h.hexdigest())
"""


def test_idf_sums_do_not_depend_on_string_hashing():
    digests = set()
    for salt in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=salt, PYTHONPATH=str(REPO))
        out = subprocess.run([sys.executable, "-c", _PROBE % str(SEEDS)], env=env, check=True,
                             capture_output=True, text=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1
