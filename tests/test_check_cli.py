"""``genderindex check``: output format, JSON schema, exit codes, bad inputs, config."""
import json
import subprocess
import sys

import pytest

DRAFT = "Tiêu đề\n\nChị ấy là một bóng hồng trong giới kỹ sư.\nAnh ta nói: “phụ nữ là phái yếu”.\n"


def run(*args, cwd=None, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "genderindex", "check", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, input=stdin, timeout=60,
    )


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def test_linter_lines_and_exit_1(draft, tmp_path):
    r = run(draft.name, cwd=tmp_path)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines[0].startswith("draft.txt:3:15: warning appearance vi.appearance.bong-hong: ")
    assert "→" in lines[0]
    assert lines[1].startswith("draft.txt:4:24: warning stereotype_women vi.stereotype_women.phai-yeu: ")
    assert "(in quote)" in lines[1]
    assert "\x1b[" not in r.stdout  # no colour when not a terminal


def test_clean_file_exit_0(tmp_path):
    p = tmp_path / "clean.md"
    p.write_text("# Bản tin\n\nUBND xã họp bàn kế hoạch sản xuất vụ đông.\n", encoding="utf-8")
    r = run(p)
    assert r.returncode == 0 and r.stdout == ""


def test_json_schema(draft):
    r = run("--format", "json", draft)
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert out["schema"] == "genderindex.check/1"
    (f,) = out["files"]
    assert f["path"] == str(draft) and f["lang"] == "vi" and f["error"] is None
    keys = {"rule", "category", "severity", "start", "end", "line", "col", "text", "in_quote",
            "message", "suggestions", "source", "note"}
    assert all(keys <= set(x) for x in f["findings"])
    assert [x["text"] for x in f["findings"]] == ["bóng hồng", "phái yếu"]
    assert all(DRAFT[x["start"] : x["end"]] == x["text"] for x in f["findings"])
    assert out["summary"] == {"files": 1, "errors": 0, "findings": 2,
                              "by_severity": {"error": 0, "warning": 2, "info": 0}}


def test_min_severity(draft):
    r = run("--min-severity", "error", draft)
    assert r.returncode == 0 and r.stdout == ""


def test_stdin_and_lang():
    r = run("-", "--lang", "en", stdin="The chairman resigned.\n")
    assert r.returncode == 1
    assert r.stdout.startswith("<stdin>:1:5: warning gendered_occupation en.gendered_occupation.chairman")


def test_bad_inputs_are_reported_and_others_still_checked(draft, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9 ph\xe1i")
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.seek(10 * 1024 * 1024 + 10)
        fh.write(b"x")
    r = run("missing.txt", "empty.txt", "bin.txt", "latin.txt", "big.txt", draft.name, cwd=tmp_path)
    assert r.returncode == 2
    err = r.stderr.splitlines()
    for name, reason in [("missing.txt", "no such file"), ("empty.txt", "empty file"), ("bin.txt", "binary"),
                         ("latin.txt", "not UTF-8"), ("big.txt", "too large")]:
        assert any(line.startswith(f"error: {name}: ") and reason in line for line in err), (name, err)
    assert len(r.stdout.splitlines()) == 2  # the good draft was still checked


def test_bad_input_in_json_output(tmp_path):
    r = run("--format", "json", tmp_path / "nope.txt")
    assert r.returncode == 2
    out = json.loads(r.stdout)
    assert out["files"][0]["error"] == "no such file"
    assert out["summary"]["errors"] == 1


@pytest.mark.parametrize("args", [["--format", "xml"], ["--min-severity", "fatal"], ["--lang", "fr"], []])
def test_usage_errors_exit_2(draft, args):
    r = run(*args, *([draft] if args else []))
    assert r.returncode == 2


def test_config_file_allow_and_extra_lexicon(draft, tmp_path):
    (tmp_path / "house.yaml").write_text(
        "language: vi\ncategory: stereotype_women\nentries:\n"
        "  - {id: house.trong-gioi, patterns: ['giới kỹ sư'], severity: info, message: 'thử', source: 'house style'}\n",
        encoding="utf-8",
    )
    (tmp_path / "genderindex.toml").write_text(
        'allow = ["vi.appearance.bong-hong"]\nlexicons = ["house.yaml"]\n', encoding="utf-8"
    )
    r = run("--format", "json", draft.name, cwd=tmp_path)
    rules = [x["rule"] for x in json.loads(r.stdout)["files"][0]["findings"]]
    assert rules == ["house.trong-gioi", "vi.stereotype_women.phai-yeu"]


def test_pyproject_tool_section(draft, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.genderindex]\nmin_severity = "error"\n', encoding="utf-8")
    assert run(draft.name, cwd=tmp_path).returncode == 0


def test_broken_lexicon_is_a_usage_error(draft, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - {id: bad.one, patterns: ['x'], severity: huge, message: m, source: s, category: appearance}\n")
    r = run("--lexicon", bad, draft)
    assert r.returncode == 2
    assert "bad.yaml" in r.stderr and "bad.one" in r.stderr


def test_broken_config_is_a_usage_error(draft, tmp_path):
    cfg = tmp_path / "gi.toml"
    cfg.write_text("min_severity = 'loud'\n")
    r = run("--config", cfg, draft)
    assert r.returncode == 2 and "gi.toml" in r.stderr


def test_docx_input(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Bài viết gọi chị là bóng hồng.")
    p = tmp_path / "d.docx"
    d.save(p)
    r = run(p)
    assert r.returncode == 1 and "vi.appearance.bong-hong" in r.stdout


def test_check_does_not_import_heavy_libraries(draft):
    code = (
        "import sys; sys.argv=['genderindex','check',%r]\n"
        "from genderindex.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad=[m for m in ('spacy','pandas','sklearn','trafilatura','docx','scipy') if m in sys.modules]\n"
        "print('HEAVY', bad)\n" % str(draft)
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in r.stdout, r.stdout + r.stderr
