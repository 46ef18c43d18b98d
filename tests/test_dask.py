"""genderindex.dask on a distributed.LocalCluster gives exactly the single-process result;
Parquet in, Parquet out."""
from __future__ import annotations

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import genderindex as gi  # noqa: E402
from genderindex.dask import analyze_dask, analyze_parquet, result_meta  # noqa: E402
from genderindex.frame import decode_nested  # noqa: E402

SENTENCES = [
    "Bà Đỗ Thị Lan, Phó Chủ tịch UBND huyện, cho biết: “Cầu mới sẽ xong vào cuối năm.”",
    "Ông Vũ Đức Minh nói rằng hợp tác xã đã bán hết lứa cam đầu mùa.",
    "Chị Ngô Bích Ngọc, kỹ sư, trình bày mẫu máy sấy nông sản tại hội chợ.",
    'Senator Mary Collins told reporters: "We need a vote this week."',
    "The river flooded two villages overnight, officials said.",
]


def _articles(n: int = 40) -> pd.DataFrame:
    rows = [{"id": f"a{i}", "title": f"Tin {i}", "text": SENTENCES[i % 5] + f" Số {i}."} for i in range(n)]
    rows[7]["text"] = None  # a bad row stays a row, with its error
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_local_cluster_identical_to_single_process(client):
    df = _articles()
    expected = gi.analyze_frame(df)
    ddf = dd.from_pandas(df, npartitions=4)
    lazy = analyze_dask(ddf)
    assert list(lazy.columns) == list(result_meta().columns)
    got = lazy.compute()
    pd.testing.assert_frame_equal(got, expected)
    assert "missing 'text'" in got.loc[7, "error"]


def test_parquet_in_parquet_out(client, tmp_path):
    df = _articles(30)
    df["outlet"] = "Báo Thử"
    df.to_parquet(tmp_path / "in.parquet")
    analyze_parquet(str(tmp_path / "in.parquet"), str(tmp_path / "out"))
    back = decode_nested(pd.read_parquet(tmp_path / "out"))
    expected = gi.analyze_frame(df)
    assert len(back) == 30
    pd.testing.assert_frame_equal(back.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False)
