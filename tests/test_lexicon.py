"""Lexicon files: the shipped ones load and cover the categories; malformed files fail
with an error naming the file and the entry."""
import collections
import textwrap

import pytest

from genderindex.language.lexicon import LexiconError, expand_pattern, load_lexicon
from genderindex.resources import lexicon_dir
from genderindex.types import CATEGORIES


def _write(tmp_path, name, body):
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


GOOD = """
    language: vi
    category: appearance
    entries:
      - id: test.appearance.one
        patterns: ["cụm từ một"]
        severity: warning
        message: "m"
        source: "s"
"""


def test_shipped_vietnamese_lexicon_is_large_and_covers_every_category():
    lex = load_lexicon("vi", [lexicon_dir() / "vi"])
    counts = collections.Counter(e.category for e in lex.entries)
    assert len(lex.entries) >= 150
    assert set(counts) == set(CATEGORIES)
    assert all(e.source and e.message for e in lex.entries)


def test_shipped_english_lexicon():
    lex = load_lexicon("en", [lexicon_dir() / "en"])
    assert len(lex.entries) >= 60
    assert set(e.category for e in lex.entries) == set(CATEGORIES)
    assert lex.by_id("en.gendered_occupation.chairman") is not None


def test_ids_are_prefixed_by_language_and_category():
    for lang in ("vi", "en"):
        for e in load_lexicon(lang, [lexicon_dir() / lang]).entries:
            assert e.id.startswith(f"{lang}.{e.category}."), e.id


def test_valid_user_file_loads(tmp_path):
    p = _write(tmp_path, "mine.yaml", GOOD)
    lex = load_lexicon("vi", [p])
    assert [e.id for e in lex.entries] == ["test.appearance.one"]
    assert lex.entries[0].keys == (("cụm từ một",),)


def test_duplicate_id_names_file_and_entry(tmp_path):
    a = _write(tmp_path, "a.yaml", GOOD)
    b = _write(tmp_path, "b.yaml", GOOD)
    with pytest.raises(LexiconError) as err:
        load_lexicon("vi", [a, b])
    msg = str(err.value)
    assert "b.yaml" in msg and "test.appearance.one" in msg and "duplicate" in msg


@pytest.mark.parametrize(
    "entry,needle",
    [
        ('{id: x.bad.cat, patterns: ["a"], severity: warning, message: m, source: s, category: nonsense}', "category"),
        ('{id: x.bad.sev, patterns: ["a"], severity: fatal, message: m, source: s}', "severity"),
        ('{id: x.bad.pat, patterns: [], severity: info, message: m, source: s}', "patterns"),
        ('{id: x.bad.msg, patterns: ["a"], severity: info, source: s}', "message"),
        ('{id: x.bad.src, patterns: ["a"], severity: info, message: m}', "source"),
        ('{id: x.bad.key, patterns: ["a"], severity: info, message: m, source: s, sugestions: [b]}', "sugestions"),
        ('{id: x.bad.ctx, patterns: ["a"], severity: info, message: m, source: s, context: {unless_folowed_by: [b]}}', "unless_folowed_by"),
        ('{id: x.bad.paren, patterns: ["(a|b"], severity: info, message: m, source: s}', "unclosed"),
        ('{id: x.bad.list, patterns: ["{nolist} a"], severity: info, message: m, source: s}', "nolist"),
        ('{id: x.bad.win, patterns: ["a"], severity: info, message: m, source: s, context: {requires_nearby: {words: [b], window: 0}}}', "window"),
    ],
)
def test_malformed_entry_names_file_and_entry(tmp_path, entry, needle):
    p = _write(tmp_path, "broken.yaml", f"language: vi\ncategory: appearance\nentries:\n  - {entry}\n")
    with pytest.raises(LexiconError) as err:
        load_lexicon("vi", [p])
    msg = str(err.value)
    entry_id = entry.split("id: ")[1].split(",")[0]
    assert "broken.yaml" in msg and entry_id in msg and needle in msg


def test_invalid_yaml_names_file(tmp_path):
    p = _write(tmp_path, "syntax.yaml", "entries: [\n  - id: x\n")
    with pytest.raises(LexiconError, match="syntax.yaml.*invalid YAML"):
        load_lexicon("vi", [p])


def test_entry_without_id_is_named_by_position(tmp_path):
    p = _write(tmp_path, "noid.yaml", 'category: appearance\nentries:\n  - {patterns: ["a"], severity: info, message: m, source: s}\n')
    with pytest.raises(LexiconError, match=r"noid.yaml: entry '#1'"):
        load_lexicon("vi", [p])


def test_missing_lexicon_path_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon"):
        load_lexicon("vi", [tmp_path / "nope.yaml"])


def test_pattern_expansion_alternation_optional_and_lists():
    lists = {"job": ("giám đốc", "kỹ sư")}
    keys = {k[0] for k in expand_pattern("nữ {job}", lists)}
    assert keys == {"nữ giám đốc", "nữ kỹ sư"}
    keys = {k[0] for k in expand_pattern("vợ (phải )?theo (ý )?chồng", {})}
    assert keys == {"vợ theo chồng", "vợ phải theo chồng", "vợ theo ý chồng", "vợ phải theo ý chồng"}
    # patterns are normalised like the text (old tone placement, capitals)
    assert expand_pattern("Hoà Bình", {}) == [("hòa bình",)]
    # gap patterns keep their parts
    assert expand_pattern("nạn nhân ... đáng trách", {}) == [("nạn nhân", "đáng trách")]


def test_files_for_another_language_are_skipped(tmp_path):
    p = _write(tmp_path, "en_only.yaml", GOOD.replace("language: vi", "language: en"))
    assert load_lexicon("vi", [p]).entries == []
    assert len(load_lexicon("en", [p]).entries) == 1
