"""zzgov.dask on a local Dask cluster: the parts, concatenated, are `zzgov parse DIR --format jsonl`."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import RAW

NOTICE_SNIPPET = "1. 建设学校。\n责任领导：王明\n牵头单位：市教育局\n"


def cli_jsonl(path) -> bytes:
    p = subprocess.run([sys.executable, "-m", "zzgov", "parse", str(path), "--format", "jsonl"], capture_output=True)
    return p.stdout


def concat(parts) -> bytes:
    return b"".join(p.read_bytes() for p in parts)


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    # In-process workers (threads): no ports beyond loopback, quick to start and stop.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def corpus(tmp_path):
    """The seed files plus one unreadable file and one in a subdirectory."""
    src = tmp_path / "in"
    shutil.copytree(RAW, src)
    (src / "zz_bad.bin").write_bytes(bytes(range(256)) * 4)
    (src / "sub").mkdir()
    (src / "sub" / "task.txt").write_text(NOTICE_SNIPPET, encoding="utf-8")
    return src


def test_parts_on_a_local_cluster_concatenate_to_the_cli_output(client, corpus, tmp_path):
    from zzgov.dask import to_jsonl

    res = to_jsonl([corpus], tmp_path / "out", npartitions=3)
    assert [p.name for p in res.parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in res.parts]
    assert concat(res.parts) == cli_jsonl(corpus)
    assert res.documents == 6
    assert [(p.rsplit("/", 1)[-1], m) for p, m in res.errors] == [("zz_bad.bin", "binary file, not text")]


def test_the_default_scheduler_is_the_active_client(client, corpus, tmp_path):
    from distributed import get_task_stream

    from zzgov.dask import to_jsonl

    with get_task_stream(client) as stream:
        res = to_jsonl(corpus, tmp_path / "out", partition_size=2)
    ran = [t["key"] for t in stream.data]
    assert sum("write_part" in str(k) for k in ran) == 4  # the parts were written on the cluster
    assert len(res.parts) == 4  # 7 inputs, 2 per partition
    assert concat(res.parts) == cli_jsonl(corpus)


def test_a_rerun_with_fewer_partitions_leaves_no_stale_parts(client, corpus, tmp_path):
    from zzgov.dask import to_jsonl

    to_jsonl(corpus, tmp_path / "out", npartitions=5)
    res = to_jsonl(corpus, tmp_path / "out", npartitions=2)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["part-00000.jsonl", "part-00001.jsonl"]
    assert concat(res.parts) == cli_jsonl(corpus)


def test_parse_bag_maps_the_same_parse(client):
    from zzgov.dask import parse_bag, paths_bag

    outcomes = parse_bag(paths_bag(RAW, npartitions=2)).compute()
    assert b"".join(o.output for o in outcomes) == cli_jsonl(RAW)


def test_local_processes_without_a_cluster(corpus, tmp_path):
    pytest.importorskip("dask.bag")
    from zzgov.dask import to_jsonl

    res = to_jsonl(corpus, tmp_path / "out", npartitions=2, scheduler="sync")
    assert concat(res.parts) == cli_jsonl(corpus)


def test_module_command_line(corpus, tmp_path):
    pytest.importorskip("dask.bag")
    p = subprocess.run([sys.executable, "-m", "zzgov.dask", str(corpus), "-o", str(tmp_path / "out"),
                        "--partitions", "2", "--scheduler", "sync"], capture_output=True, text=True)
    assert p.returncode == 1  # the unreadable input
    assert "zzgov: error: " in p.stderr and "zz_bad.bin: binary file, not text" in p.stderr
    assert concat(sorted((tmp_path / "out").glob("part-*.jsonl"))) == cli_jsonl(corpus)


def test_missing_paths_fail_before_any_work(tmp_path):
    pytest.importorskip("dask.bag")
    from zzgov.dask import to_jsonl

    with pytest.raises(FileNotFoundError):
        to_jsonl([tmp_path / "nope"], tmp_path / "out")


def test_a_clear_error_without_dask(tmp_path):
    """Importing zzgov.dask never needs dask; using it without dask says what to install.
    (In a child process with dask hidden, so a running cluster here is not disturbed.)"""
    hide = "import sys; sys.modules['dask'] = None; sys.modules['dask.bag'] = None; "
    lib = subprocess.run([sys.executable, "-c", hide + (
        "import zzgov.dask as zd\n"
        "try:\n    zd.to_jsonl(sys.argv[1], sys.argv[2])\n"
        "except ImportError as exc:\n    print(exc)\n    sys.exit(3)\n"), str(RAW), str(tmp_path / "out")],
        capture_output=True, text=True)
    assert lib.returncode == 3, lib.stderr
    assert "pip install 'zzgov[dask]'" in lib.stdout
    cli = subprocess.run([sys.executable, "-c", hide + "from zzgov.dask import main; main()", str(RAW), "-o",
                          str(tmp_path / "out")], capture_output=True, text=True)
    assert cli.returncode == 1
    assert cli.stderr.startswith("zzgov: error: zzgov.dask needs dask: pip install 'zzgov[dask]'")
    assert "Traceback" not in cli.stderr
    assert not (tmp_path / "out").exists()
