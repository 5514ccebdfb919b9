"""runner.SiteWork: the work beside one build (downloads, search index, offline manifests), without MkDocs:
finished in that order into the site, cancelled as a whole, any failure one SiteWorkError in Dutch."""

import sys
import threading
from pathlib import Path

import pytest
from helpers import run_fork_cases_fresh

from generator import core
from generator.engines import runner
from generator.render import search
from generator.topics import urls


class FakeIndex:
    """search.SearchStream's API (start at once, finish into the site, cancel), recording what it saw."""

    made: list = []

    def __init__(self, pages, packed=None, fail: bool = False, wait: threading.Event | None = None) -> None:
        self.pages, self.fail, self.wait, self.cancelled = list(pages), fail, wait, False
        FakeIndex.made.append(self)

    def finish(self, site_dir, timeout: float = 600) -> None:
        if self.wait is not None:
            self.wait.wait(10)
        if self.cancelled or self.fail:
            raise search.SearchIndexError("Pagefind: kapot-2211")
        self.saw_downloads = (Path(site_dir) / "export" / "a.txt").is_file()
        (Path(site_dir) / urls.SEARCH_INDEX).mkdir(parents=True, exist_ok=True)
        (Path(site_dir) / urls.SEARCH_INDEX / "pagefind.js").write_text("//", encoding="utf-8")

    def cancel(self) -> None:
        self.cancelled = True
        if self.wait is not None:
            self.wait.set()


@pytest.fixture(autouse=True)
def no_fake_indexes_yet():
    FakeIndex.made = []


def build(tmp_path, jobs=None, searching=True) -> core.Build:
    from generator.render.pages import Page

    made = core.Build(root=tmp_path, search=searching, jobs=jobs or {"export/a.txt": lambda: "a"})
    made.pages = [Page(url="x/", title="X", body="<p>x</p>")]
    return made


def recording(calls: list):
    def manifests(site: Path, plan, hashes=None) -> None:
        calls.append(("offline", (site / "export" / "a.txt").is_file(), (site / urls.SEARCH_INDEX / "pagefind.js").is_file()))

    return manifests


def test_finish_puts_downloads_then_the_index_then_the_manifests_into_the_site(mode, monkeypatch, tmp_path):
    monkeypatch.setattr(search.SearchStream, "of", staticmethod(FakeIndex))
    calls: list = []
    work = runner.SiteWork(build(tmp_path), manifests=recording(calls)).start()
    work.finish(tmp_path / "site")
    assert (tmp_path / "site" / "export" / "a.txt").read_text(encoding="utf-8") == "a"
    assert FakeIndex.made[0].saw_downloads  # the index came after the downloads
    assert calls == [("offline", True, True)]  # and the manifests after both (they list the index's files)
    assert [p.url for p in FakeIndex.made[0].pages] == ["x/"]


def test_a_failing_download_is_one_dutch_error_and_the_rest_is_cancelled(mode, monkeypatch, tmp_path):
    monkeypatch.setattr(search.SearchStream, "of", staticmethod(FakeIndex))

    def broken():
        raise ValueError("stuk-3141")

    calls: list = []
    work = runner.SiteWork(build(tmp_path, {"export/a.txt": broken}), manifests=recording(calls)).start()
    with pytest.raises(runner.SiteWorkError, match="De downloads en het blad Mijn netwerk konden niet gemaakt "
                                                   "worden: ValueError: stuk-3141"):
        work.finish(tmp_path / "site")
    assert FakeIndex.made[0].cancelled and calls == []


def test_a_failing_search_index_is_one_dutch_error_and_no_manifest_is_written(mode, monkeypatch, tmp_path):
    monkeypatch.setattr(search.SearchStream, "of", staticmethod(lambda pages, packed=None: FakeIndex(pages, fail=True)))
    calls: list = []
    work = runner.SiteWork(build(tmp_path), manifests=recording(calls)).start()
    with pytest.raises(runner.SiteWorkError, match=r"De zoekindex \(Pagefind\) kon niet gemaakt worden: Pagefind: kapot-2211"):
        work.finish(tmp_path / "site")
    assert calls == []


def test_a_failing_manifest_is_one_dutch_error(mode, monkeypatch, tmp_path):
    def manifests(site, plan, hashes=None):
        raise OSError(28, "schijf vol")

    work = runner.SiteWork(build(tmp_path, searching=False), manifests=manifests).start()
    with pytest.raises(runner.SiteWorkError, match=r"bewaren voor onderweg \(offline/\) konden niet gemaakt worden"):
        work.finish(tmp_path / "site")


def test_cancel_stops_everything_and_nothing_reaches_the_site(mode, monkeypatch, tmp_path):
    monkeypatch.setattr(search.SearchStream, "of", staticmethod(FakeIndex))
    calls: list = []
    work = runner.SiteWork(build(tmp_path, {"export/a.txt": lambda: "a", "b.txt": lambda: "b"}),
                           manifests=recording(calls)).start()
    work.cancel()
    assert FakeIndex.made[0].cancelled and work.cancelled
    work.finish(tmp_path / "site")  # a finish after a cancel copies nothing
    assert not (tmp_path / "site" / "export").exists() and calls == []


def test_without_search_an_old_index_goes_and_the_manifests_are_still_written(mode, tmp_path):
    site = tmp_path / "site"
    (site / urls.SEARCH_INDEX).mkdir(parents=True)
    calls: list = []
    runner.SiteWork(build(tmp_path, searching=False), manifests=recording(calls)).start().finish(site)
    assert not (site / urls.SEARCH_INDEX).exists() and calls == [("offline", True, False)]


def test_serving_the_index_follows_in_a_thread_and_a_newer_build_cancels_it(monkeypatch, tmp_path):
    monkeypatch.setattr(runner, "fork_is_safe", lambda: False)  # as under `mkdocs serve` (threads)
    gate = threading.Event()
    monkeypatch.setattr(search.SearchStream, "of", staticmethod(lambda pages, packed=None: FakeIndex(pages, wait=gate)))
    calls, warned = [], []
    work = runner.SiteWork(build(tmp_path), manifests=recording(calls)).start()
    work.finish(tmp_path / "site", later=True, warn=warned.append)
    assert (tmp_path / "site" / "export" / "a.txt").is_file()  # the downloads are there at once
    assert work.finishing is not None and work.finishing.is_alive()  # the index is not
    work.cancel()  # a newer build: stops the index and waits for the thread
    assert work.finishing is None and calls == [] and warned == []  # a cancelled index is no warning

    failing = runner.SiteWork(build(tmp_path), manifests=recording(calls))
    monkeypatch.setattr(search.SearchStream, "of", staticmethod(lambda pages, packed=None: FakeIndex(pages, fail=True)))
    failing.start().finish(tmp_path / "site", later=True, warn=warned.append)
    failing.finishing.join()
    assert len(warned) == 1 and warned[0].startswith("De zoekindex (Pagefind) kon niet gemaakt worden") and calls == []


def test_the_real_search_index_and_manifests_need_no_mkdocs(tmp_path):
    """With the real SearchStream (Pagefind) and offline.write: a small site, no MkDocs imported."""
    import subprocess

    code = ("import sys; sys.modules['mkdocs'] = None\n"
            "from pathlib import Path\nfrom generator import core; from generator.engines import runner\n"
            "from generator.render.pages import Page\n"
            f"site = Path({str(tmp_path / 'site')!r})\n"
            "made = core.Build(root=site, jobs={'export/a.txt': lambda: 'a'})\n"
            "made.pages = [Page(url='x/', title='X', body='<main data-pagefind-body><p>woord</p></main>')]\n"
            "runner.SiteWork(made).start().finish(site)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "site" / urls.SEARCH_INDEX / "pagefind.js").is_file()
    assert (tmp_path / "site" / "export" / "a.txt").is_file()


def test_the_child_process_cases_also_run_where_this_process_has_threads():
    """As in test_runner.py: in one pytest run with the browser tests the fork cases skip; run them fresh."""
    if runner.fork_is_safe():
        pytest.skip("the fork cases ran in this process")
    run_fork_cases_fresh(__file__, 6)
