"""The lexicon's disk cache: a cold process computes the dictionary statistics and
writes them, the next one loads them lazily; both (and a process whose cache
directory is unwritable) must give exactly the same answers."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter: loads the lexicon, reports how (computed or from the
# cache file) and a digest of everything the engine asks of it.
PROBE = r"""
import hashlib, json, sys, time
from pathlib import Path
t = time.perf_counter()
from generator.reconstruct.lexicon import lexicon
lex = lexicon()
seconds = time.perf_counter() - t
mode = type(lex._shards).__name__
text = "".join(p.read_text(encoding="utf-8") for p in sorted(Path("seeds").glob("*.txt")))
text += "𠀀㐀豈ABC123 、。"
h = hashlib.sha256()
def put(*x):
    h.update(repr(x).encode("utf-8", "surrogatepass"))
put(lex.total, lex.logtotal, sorted(lex._start.items()), sorted(lex._inner.items()),
    sorted(lex._end.items()), sorted(lex._nonend.items()))
for c in sorted(set(text)):
    put(c, lex.cont_prior(c), lex.open_prior(c), lex.word_freq(c))
for i in range(0, len(text) - 16, 7):
    a, b = text[i:i + 1 + i % 9], text[i + 9:i + 10 + i % 6]
    put(lex.best(a), lex.boundary(a, b), lex.word_freq(a), lex.cont_prior(a), lex.open_prior(a))
probes = h.hexdigest()
freq = hashlib.sha256(repr(list(lex.freq.items())).encode("utf-8", "surrogatepass")).hexdigest()
print(json.dumps({"mode": mode, "probes": probes, "freq": freq, "seconds": seconds}))
"""


def _probe(cache_home: Path) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home), PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, env=env, check=True,
                         capture_output=True, text=True, timeout=300)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def cold(tmp_path_factory):
    """A fresh cache directory, probed twice: computed, then loaded."""
    cache = tmp_path_factory.mktemp("lexicon") / "cache"
    return cache, _probe(cache), _probe(cache)


def test_cold_compute_then_cached_load_agree(cold):
    cache, first, second = cold
    assert first["mode"] == "_Whole"  # computed from jieba's dictionary
    files = sorted((cache / "banmian").glob("lexicon-*.bin"))
    assert len(files) == 1 and files[0].stat().st_size > 1_000_000
    assert not list((cache / "banmian").glob(".lexicon-*"))  # no temporary left behind
    assert second["mode"] == "_Shards"  # loaded from the cache file
    assert (second["probes"], second["freq"]) == (first["probes"], first["freq"])
    assert second["seconds"] < first["seconds"]


def test_unwritable_cache_falls_back(cold, tmp_path):
    _, good, _ = cold
    blocked = tmp_path / "blocked"  # a file where the cache directory should be
    blocked.write_text("not a directory")
    fallback = _probe(blocked)
    assert fallback["mode"] == "_Whole"
    assert (fallback["probes"], fallback["freq"]) == (good["probes"], good["freq"])


def test_damaged_cache_is_recomputed(cold, tmp_path):
    cache, good, _ = cold
    copy = tmp_path / "cache"
    shutil.copytree(cache, copy)
    (path,) = (copy / "banmian").glob("lexicon-*.bin")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    repaired = _probe(copy)
    assert repaired["mode"] == "_Whole"
    assert (repaired["probes"], repaired["freq"]) == (good["probes"], good["freq"])
    assert path.read_bytes() == next((cache / "banmian").glob("lexicon-*.bin")).read_bytes()


PINYIN_PROBE = r"""
import hashlib, json, sys
from generator.search.pinyin import _dictionary
d = _dictionary()
print(json.dumps({"n": len(d), "digest": hashlib.sha256(repr(list(d.items())).encode()).hexdigest()}))
"""

PINYIN_REFERENCE = r"""
import hashlib, json, logging, re
import jieba
jieba.setLogLevel(logging.WARNING)
with jieba.dt.get_dict_file() as f:
    text = f.read().decode("utf-8")
d = {w: int(n) for w, n in re.findall(r"^(\S{2,4}) (\d+)", text, re.M) if int(n) > 0}
print(json.dumps({"n": len(d), "digest": hashlib.sha256(repr(list(d.items())).encode()).hexdigest()}))
"""


def test_pinyin_dictionary_cache(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(REPO))

    def run(code):
        out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, check=True,
                             capture_output=True, text=True, timeout=300)
        return json.loads(out.stdout.strip().splitlines()[-1])

    reference = run(PINYIN_REFERENCE)
    assert run(PINYIN_PROBE) == reference  # computed, cache written
    assert len(list((tmp_path / "cache" / "banmian").glob("pinyin-dict-*.marshal"))) == 1
    assert run(PINYIN_PROBE) == reference  # loaded from the cache
