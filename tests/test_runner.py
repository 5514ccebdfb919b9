"""The runner for work beside the build (generator/engines/runner.py): in a forked child, or right away when this
process runs threads; failures come back as JobError with the reason; cancel stops it."""

import sys
import threading
from pathlib import Path

import pytest
from helpers import run_fork_cases_fresh

from generator.engines import runner


def copied(task: runner.Beside) -> dict[str, str]:
    found = {}
    task.finish(lambda folder: found.update({p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
                                             for p in folder.rglob("*.txt")}))
    return found


def test_files_are_made_and_copied(mode, tmp_path):
    files = runner.FilesBeside({"a/een.txt": lambda: "een", "twee.txt": lambda: b"twee"})
    files.finish(tmp_path)
    assert (tmp_path / "a" / "een.txt").read_text(encoding="utf-8") == "een"
    assert (tmp_path / "twee.txt").read_bytes() == b"twee"
    assert not files.task.folder.exists()  # the temporary folder is gone


def test_a_failing_job_says_why(mode, tmp_path):
    def broken():
        raise ValueError("kapot-4711")

    files = runner.FilesBeside({"een.txt": lambda: "een", "twee.txt": broken})
    with pytest.raises(runner.JobError, match="ValueError: kapot-4711"):
        files.finish(tmp_path)
    assert not (tmp_path / "een.txt").exists()  # nothing half copied


def test_a_command_runs_after_the_work_and_its_output_comes_with_a_failure(mode):
    def work(folder: Path):
        (folder / "in.txt").write_text("klaar", encoding="utf-8")
        return [sys.executable, "-c", "import sys; print('stuk-0815', file=sys.stderr); sys.exit(3)"]

    with pytest.raises(runner.JobError, match="stuk-0815"):
        runner.Beside(work).finish(lambda folder: None)
    ok = runner.Beside(lambda folder: [sys.executable, "-c", f"open({str(folder / 'uit.txt')!r}, 'w').write('ja')"])
    assert copied(ok) == {"uit.txt": "ja"}


def test_cancel_stops_the_work_and_nothing_is_copied(mode):
    task = runner.Beside(lambda folder: [sys.executable, "-c", "import time; time.sleep(60)"])
    task.cancel()
    with pytest.raises(runner.JobError):
        task.finish(lambda folder: pytest.fail("copied after cancel"))


def test_a_timeout_stops_the_work(mode):
    task = runner.Beside(lambda folder: [sys.executable, "-c", "import time; time.sleep(60)"])
    with pytest.raises(runner.JobError, match="nog niet klaar"):
        task.wait(timeout=0.2)
    assert task.cancelled


def test_under_threads_the_python_work_runs_right_away():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()  # as under `mkdocs serve`: no fork
    try:
        ran = []
        task = runner.Beside(lambda folder: ran.append(folder))
        assert ran == [task.folder] and task.pid is None
        task.finish(lambda folder: None)
    finally:
        stop.set()
        other.join()


def test_the_child_process_cases_also_run_where_this_process_has_threads():
    """In one pytest run with the browser tests (make test), this process runs threads by now and the
    fork cases above skip: they run here in a fresh process instead, so the fork path is always tested."""
    if runner.fork_is_safe():
        pytest.skip("the fork cases ran in this process")
    run_fork_cases_fresh(__file__, 5)
