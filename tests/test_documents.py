"""Reading drafts: text, markdown, docx, html, and clear errors for bad input."""
import io

import pytest

from genderindex.io import documents
from genderindex.io.documents import DocumentError, read_document


def test_utf8_text_and_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffChị là bóng hồng.".encode("utf-8"))
    d = read_document(p)
    assert d.text == "Chị là bóng hồng." and d.kind == "text"


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("phái yếu".encode("utf-16"))
    assert read_document(p).text == "phái yếu"


def test_markdown_kept_as_is(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# Tiêu đề\n\n*phái yếu*\n", encoding="utf-8")
    d = read_document(p)
    assert d.kind == "markdown" and "*phái yếu*" in d.text


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("bin.txt", b"abc\x00\x01\x02", "binary"),
        ("latin1.txt", "phái yếu".encode("cp1258", errors="replace") + b"\xe9\xff", "not UTF-8"),
        ("fake.docx", b"this is not a zip", "not a valid .docx"),
        ("zip.txt", b"PK\x03\x04rest", ".docx"),
    ],
)
def test_bad_inputs_give_one_line_reason(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(DocumentError) as err:
        read_document(p)
    assert reason in str(err.value) and name in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(DocumentError, match="is a directory"):
        read_document(tmp_path)


def test_file_over_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 1001)
    with pytest.raises(DocumentError, match="too large"):
        read_document(p)


def test_docx(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Đoạn một không có gì.")
    d.add_paragraph("Cô ấy là bóng hồng của đội.")
    p = tmp_path / "draft.docx"
    d.save(p)
    got = read_document(p)
    assert got.kind == "docx"
    assert got.text.splitlines() == ["Đoạn một không có gì.", "Cô ấy là bóng hồng của đội."]


def test_html_main_text_and_fallback(tmp_path):
    html = (
        "<html><head><title>t</title><script>var phai_yeu = 1;</script></head><body>"
        "<nav>Trang chủ | Liên hệ</nav><article><h1>Tiêu đề bài</h1>"
        + "".join(f"<p>Đoạn văn số {i} nói về một nữ giám đốc và công việc của chị ở công ty.</p>" for i in range(8))
        + "<p>Chị không thích bị gọi là bóng hồng.</p></article></body></html>"
    )
    p = tmp_path / "a.html"
    p.write_text(html, encoding="utf-8")
    got = read_document(p)
    assert got.kind == "html"
    assert "bóng hồng" in got.text and "<p>" not in got.text and "var phai_yeu" not in got.text
    assert "bóng hồng" in documents.strip_tags(html)
    assert "<" not in documents.strip_tags(html)


def test_stdin(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO("chairman".encode())

    monkeypatch.setattr("sys.stdin", FakeStdin())
    d = read_document("-")
    assert d.name == "<stdin>" and d.text == "chairman"
