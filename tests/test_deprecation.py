"""Retiring a public name: the old name keeps working, with a DeprecationWarning that names
the replacement and the release that removes it (docs/stability.md)."""

from __future__ import annotations

import re
import warnings

import pytest

import diplocorpus as dc
from diplocorpus import _deprecation


@pytest.fixture
def retired(monkeypatch: pytest.MonkeyPatch) -> _deprecation.Renamed:
    entry = _deprecation.Renamed(old="parse_text", new="parse", since="0.2.0", removed_in="0.4.0")
    monkeypatch.setitem(_deprecation.RENAMED, "parse_text", entry)
    return entry


def test_a_retired_name_warns_and_gives_its_replacement(retired: _deprecation.Renamed) -> None:
    with pytest.warns(DeprecationWarning, match="parse_text") as caught:
        old = dc.parse_text  # type: ignore[attr-defined]
    assert old is dc.parse
    (warning,) = caught
    assert str(warning.message) == (
        "diplocorpus.parse_text is deprecated since 0.2.0 and will be removed in 0.4.0; "
        "use diplocorpus.parse"
    )
    assert warning.filename == __file__  # the user's line, not the package's


def test_from_import_of_a_retired_name_warns(retired: _deprecation.Renamed) -> None:
    with pytest.warns(DeprecationWarning, match="use diplocorpus.parse$"):
        from diplocorpus import parse_text  # type: ignore[attr-defined]  # noqa: PLC0415
    assert parse_text is dc.parse


def test_a_retired_name_is_not_public(retired: _deprecation.Renamed) -> None:
    assert "parse_text" not in dc.__all__
    assert "parse_text" not in dir(dc)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'parse_txt'"):
        _ = dc.parse_txt  # type: ignore[attr-defined]
    assert not hasattr(dc, "parse_txt")


def test_current_names_do_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in dc.__all__:
            getattr(dc, name)


def test_every_retired_name_stays_for_at_least_one_minor_release() -> None:
    def minor(version: str) -> tuple[int, int]:
        major, minor_, *_ = (int(part) for part in re.findall(r"\d+", version))
        return major, minor_

    for old, entry in _deprecation.RENAMED.items():
        assert old == entry.old
        assert entry.new in dc.__all__
        assert minor(entry.removed_in) >= (minor(entry.since)[0], minor(entry.since)[1] + 2)


def _collect(limit: int, size: int = 0) -> list[int]:
    return list(range(limit + size))


collect = _deprecation.renamed_keyword("count", "limit", since="0.2.0", removed_in="0.4.0")(
    _collect
)


def test_a_renamed_keyword_warns_and_passes_its_value_on() -> None:
    with pytest.warns(DeprecationWarning, match="count") as caught:
        assert collect(count=3) == [0, 1, 2]  # type: ignore[call-arg]
    (warning,) = caught
    assert str(warning.message) == (
        "_collect(count=...) is deprecated since 0.2.0 and will be removed in 0.4.0; use limit=..."
    )
    assert warning.filename == __file__


def test_the_new_keyword_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert collect(limit=2, size=1) == [0, 1, 2]


def test_both_keywords_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="both 'count' \\(deprecated\\) and 'limit'"):
        collect(count=1, limit=2)  # type: ignore[call-arg]
