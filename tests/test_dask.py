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


# ---- a real cluster: a scheduler and workers as processes of their own, in a directory of
# their own, as `dask scheduler` / `dask worker` run them on other machines.

@pytest.fixture(scope="module")
def real_cluster(tmp_path_factory):
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    import time

    from distributed import Client

    home = tmp_path_factory.mktemp("cluster")  # the scheduler's and the workers' working directory
    sfile = home / "scheduler.json"
    common = ["--scheduler-file", str(sfile), "--host", "127.0.0.1", "--no-dashboard"]
    procs = []
    logs = []

    def start(module, *args):
        log = open(home / f"{module.rsplit('_', 1)[-1]}-{len(procs)}.log", "wb")
        logs.append(log)
        procs.append(subprocess.Popen([sys.executable, "-m", f"distributed.cli.{module}", *common, *args],
                                      cwd=home, stdout=log, stderr=subprocess.STDOUT))

    try:
        start("dask_scheduler", "--port", "0")
        deadline = time.monotonic() + 60
        while not sfile.exists() and time.monotonic() < deadline and procs[0].poll() is None:
            time.sleep(0.1)
        if not sfile.exists():
            pytest.skip("the dask scheduler did not start")
        for _ in range(2):
            start("dask_worker", "--nworkers", "1", "--nthreads", "1", "--local-directory", str(home))
        with Client(scheduler_file=str(sfile), timeout=60) as c:
            c.wait_for_workers(2, timeout=120)
            address = c.scheduler.address
            yield home, address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        for log in logs:
            log.close()


def test_relative_paths_on_a_real_cluster_in_another_directory(real_cluster, corpus, tmp_path):
    """Paths are resolved on the client: the workers, started elsewhere, write the parts into
    the client's out/ and find the client's inputs (before: empty parts in the workers' own
    directory and "0 document(s)")."""
    home, address = real_cluster
    client_dir = corpus.parent  # holds in/
    p = subprocess.run([sys.executable, "-m", "zzgov.dask", "in", "-o", "out", "--partitions", "3",
                        "--scheduler", address], cwd=client_dir, capture_output=True, text=True, timeout=300)
    assert p.returncode == 1, p.stderr  # the binary file
    assert "6 document(s) in 3 part(s)" in p.stderr, p.stderr
    parts = sorted((client_dir / "out").glob("part-*.jsonl"))
    assert len(parts) == 3
    assert concat(parts) == cli_jsonl(corpus)  # absolute source paths, as `zzgov parse` prints
    assert not list(home.rglob("part-*.jsonl")), "a part was written into a worker's directory"


def test_a_worker_that_cannot_see_an_input_says_so(real_cluster, tmp_path):
    """On one machine every worker sees every path; a path the client never checked (a bag
    of your own) stands in for a disk the worker does not share."""
    import dask.bag as db
    from distributed import Client

    from zzgov.dask import to_jsonl

    home, address = real_cluster
    missing = str(tmp_path / "elsewhere" / "notice.txt")
    with Client(address) as c:
        res = to_jsonl(db.from_sequence([missing], npartitions=1), tmp_path / "out", scheduler=c)
    assert res.documents == 0
    [(path, msg)] = res.errors
    assert path == missing
    assert msg.startswith("not found on worker tcp://127.0.0.1:") and "at the same paths" in msg


def test_an_output_folder_a_worker_cannot_see_is_a_clear_error(tmp_path):
    from zzgov.dask import write_part

    with pytest.raises(FileNotFoundError, match="no such folder on .*at the same paths"):
        write_part([str(RAW / "001_87fdf972b4e7a4f0.txt")], 0, str(tmp_path / "not-here"))
