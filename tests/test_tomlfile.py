import pytest

from genderindex.io.tomlfile import read_toml


class MyError(ValueError):
    pass


def test_reads_a_table(tmp_path):
    p = tmp_path / "a.toml"
    p.write_text('version = "x"\n[units]\n', encoding="utf-8")
    assert read_toml(p) == {"version": "x", "units": {}}


def test_errors_name_the_file(tmp_path):
    with pytest.raises(MyError, match=r"missing\.toml: rubric file not found"):
        read_toml(tmp_path / "missing.toml", MyError, "rubric file")
    with pytest.raises(MyError, match=r"missing\.toml: cannot read"):
        read_toml(tmp_path / "missing.toml", MyError)
    bad = tmp_path / "bad.toml"
    bad.write_text("x = [", encoding="utf-8")
    with pytest.raises(MyError, match=r"bad\.toml: invalid TOML"):
        read_toml(bad, MyError)
    with pytest.raises(MyError, match="cannot read"):
        read_toml(tmp_path, MyError)
