"""Near-duplicates: the same story syndicated to many sites, found by its clean body.

Bodies are compared as sets of word 5-grams (folded keys), estimated with MinHash
(datasketch) and found with locality-sensitive hashing over the bands datasketch's
``MinHashLSH`` would use, its buckets holding pages by cluster (see :class:`_Index`). A
5-gram's hash is made from its words' CRC-32 with NumPy, a whole body at a time: hashing
each 5-gram's text with datasketch's default (SHA-1, one Python call a 5-gram) was three
quarters of the time of a big store's report.
Clusters are the same whatever the input order:
documents are indexed in order of their source, and each cluster lists its members sorted.
Nothing is dropped: a cluster says which sources ran the story.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ._models import str_tuple
from ._text import fold_key

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = ["DuplicateCluster", "find_duplicates"]

_SHINGLE = 5
# The 5-gram hash: the words' CRC-32 in a polynomial (wrapping at 2**64), then a 64-bit
# finaliser (MurmurHash3's fmix64) so that every bit of the 32 kept depends on every word.
_MULTIPLIER = 0x100000001B3
_MIX_1 = 0xFF51AFD7ED558CCD
_MIX_2 = 0xC4CEB9FE1A85EC53
_SEED = 1  # fixed: the same text gives the same signature in every run and process


@attrs.frozen(kw_only=True, slots=True)
class DuplicateCluster:
    """Sources whose bodies are near-duplicates (estimated Jaccard ≥ the threshold).

    ``members`` are sorted; ``representative`` is the member with the longest body (the
    first in ``members`` on a tie); ``similarity`` the lowest estimated similarity between
    the representative and another member.
    """

    members: tuple[str, ...] = attrs.field(converter=str_tuple)
    representative: str
    similarity: float


def find_duplicates(
    bodies: Iterable[tuple[str, str]],
    *,
    threshold: float = 0.7,
    num_perm: int = 128,
) -> tuple[DuplicateCluster, ...]:
    """Group ``(source, body text)`` pairs whose bodies are near-duplicates.

    Returns only clusters of two or more sources, sorted by their first member. Bodies of
    fewer than five words are never duplicates. Sources must be unique.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    # Imported here: datasketch imports scipy, most of a second, and only this needs it.
    from datasketch import MinHash, MinHashLSH  # noqa: PLC0415

    signatures: dict[str, MinHash] = {}
    lengths: dict[str, int] = {}
    crcs: dict[str, int] = {}  # each word's CRC-32, computed once for all the bodies
    for source, body in bodies:
        if source in signatures:
            raise ValueError(f"source {source!r} given twice")
        grams = shingle_hashes(body, crcs)
        if not grams:
            continue
        signature = MinHash(num_perm=num_perm, seed=_SEED, hashfunc=_given)
        signature.update_batch(grams)
        signatures[source] = signature
        lengths[source] = len(body)
    parent = {source: source for source in signatures}
    index = _Index(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)
    for source in sorted(signatures):
        signature = signatures[source]
        keys = index.keys(signature)
        compared: set[str] = set()  # a page met in several buckets is compared once
        for cluster in index.clusters(keys):
            # A cluster joins this page's when one of its pages is similar enough; the
            # pages of a cluster the page is in already need no comparison.
            if _find(parent, cluster.root) == _find(parent, source):
                continue
            for other in cluster.members:
                if other in compared:
                    continue
                compared.add(other)
                if signature.jaccard(signatures[other]) >= threshold:
                    _union(parent, source, other)
                    break
        index.insert(keys, source, _find(parent, source))
    groups: dict[str, list[str]] = {}
    for source in sorted(signatures):
        groups.setdefault(_find(parent, source), []).append(source)
    clusters = []
    for members in groups.values():
        if len(members) < 2:
            continue
        best = max(members, key=lambda s: (lengths[s], [-ord(c) for c in s]))
        similarity = min(signatures[best].jaccard(signatures[m]) for m in members if m != best)
        clusters.append(
            DuplicateCluster(members=members, representative=best, similarity=similarity)
        )
    return tuple(sorted(clusters, key=lambda c: c.members))


@attrs.define(slots=True)
class _Cluster:
    """The pages of one cluster in one bucket of the index (``root``: the cluster's name
    when the first of them went in; clusters merge later, and so do their entries)."""

    root: str
    members: list[str]


class _Index:
    """Locality-sensitive hashing over MinHash bands, as datasketch's ``MinHashLSH`` (whose
    band ranges it takes, so the pages that meet are the same), but a bucket holds its
    pages by cluster: a page is compared with a cluster's pages until one is similar, and
    a cluster it is in already is passed over whole. With ``MinHashLSH`` every page's query
    listed every page before it in its buckets, so a syndicated story's copies cost the
    square of their number."""

    __slots__ = ("_buckets", "_ranges")

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self._ranges = ranges
        self._buckets: list[dict[bytes, dict[str, _Cluster]]] = [{} for _ in ranges]

    def keys(self, signature: MinHash) -> list[bytes]:
        """The signature's band keys, one per band."""
        values = signature.hashvalues
        return [values[start:end].tobytes() for start, end in self._ranges]

    def clusters(self, keys: list[bytes]) -> list[_Cluster]:
        """The clusters with a page in one of the buckets of ``keys``, each once a bucket."""
        found: list[_Cluster] = []
        for table, key in zip(self._buckets, keys, strict=True):
            bucket = table.get(key)
            if bucket is not None:
                found.extend(bucket.values())
        return found

    def insert(self, keys: list[bytes], source: str, root: str) -> None:
        for table, key in zip(self._buckets, keys, strict=True):
            table.setdefault(key, {}).setdefault(root, _Cluster(root=root, members=[]))
            table[key][root].members.append(source)


def shingle_hashes(body: str, crcs: dict[str, int] | None = None) -> list[int]:
    """The 32-bit hashes of the body's distinct word 5-grams (folded words), in order; none
    for a body of fewer than five words. ``crcs`` keeps the words' CRC-32 from one body to
    the next (most words of a corpus are in many of its bodies)."""
    # Imported here, as datasketch is (which needs it too): not at the package's import.
    import numpy as np  # noqa: PLC0415

    words = fold_key(body).split()
    count = len(words) - _SHINGLE + 1
    if count < 1:
        return []
    known = {} if crcs is None else crcs
    for word in set(words).difference(known):
        known[word] = zlib.crc32(word.encode("utf-8"))
    crc = np.fromiter(map(known.__getitem__, words), np.uint64, len(words))
    grams = np.zeros(count, dtype=np.uint64)
    multiplier, shift = np.uint64(_MULTIPLIER), np.uint64(33)
    for k in range(_SHINGLE):
        grams = grams * multiplier + crc[k : k + count]
    grams ^= grams >> shift
    grams *= np.uint64(_MIX_1)
    grams ^= grams >> shift
    grams *= np.uint64(_MIX_2)
    grams ^= grams >> shift
    hashes: list[int] = np.unique(grams >> np.uint64(32)).tolist()
    return hashes


def _given(value: int) -> int:
    """The hash function MinHash is given: the 5-grams come hashed already."""
    return value


def _find(parent: dict[str, str], item: str) -> str:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        low, high = sorted((ra, rb))
        parent[high] = low
