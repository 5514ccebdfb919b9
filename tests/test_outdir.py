"""Output folders the tool replaces (`build --site`, `generate`): what may be replaced, the marker,
the lock, what a killed run leaves behind, the permissions of the result, and a child that dies with us."""

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import CASES, ROOT
from generator.engines import outdir
from generator.cli import main

CONFIG = ("site_name: Test\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n  language: nl\n  font: false\n"
          "plugins:\n  - netwerkkaart:\n      search: false\n")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def project(tmp_path: Path) -> Path:
    """A data folder with mkdocs.yml, docs/ and a Git folder, inside tmp_path/project."""
    root = tmp_path / "project"
    shutil.copytree(CASES / "_basis", root)
    (root / "docs").mkdir()
    (root / "docs" / "over.md").write_text("# Over\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return root


def snapshot(folder: Path) -> dict:
    """Every path under ``folder`` with its content (files) or None (folders, links)."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
            for p in sorted(folder.rglob("*"))}


def mark(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / outdir.MARKER).write_text(outdir.MARKER_TEXT, encoding="utf-8")
    return folder


def second_partner(root: Path) -> Path:
    source = root / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    other = source.with_name("tweede-partner.yml")
    other.write_text(source.read_text(encoding="utf-8").replace("id: huis-van-het-kind-zele", "id: tweede-partner")
                     .replace("naam: Huis van het Kind Zele", "naam: Tweede partner"), encoding="utf-8")
    return other


# -- what may be replaced (item 1) -----------------------------------------------------------------------

REFUSED = [
    (".", "NK701", "is de gegevensmap"),
    ("partners", "NK701", "is de map partners/"),
    ("regions", "NK701", "is de map regions/"),
    ("partners/dender", "NK701", "ligt in de map partners/"),
    ("regions/dender/nieuw", "NK701", "ligt in de map regions/"),
    ("docs", "NK701", "is de map met de eigen pagina's"),
    ("docs/site", "NK701", "ligt in de map met de eigen pagina's"),
    (".git", "NK701", "is een Git-map"),
    (".git/objects", "NK701", "ligt in een Git-map"),
    ("..", "NK701", "bevat de gegevensmap"),
    ("/", "NK701", "is de hoofdmap van het bestandssysteem"),
    ("THUIS", "NK701", "is je thuismap"),
    ("eigen", "NK702", "is niet door netwerkkaart gemaakt"),
    ("vals-merk", "NK702", "is niet door netwerkkaart gemaakt"),
    ("merk-met-gegevens", "NK702", "is niet door netwerkkaart gemaakt"),
    ("link-naar-partners", "NK701", "is de map partners/"),
    ("link-naar-eigen", "NK702", "is niet door netwerkkaart gemaakt"),
    ("met-vorige", "NK703", "met-vorige.vorige' bestaat al"),
]


def hostile(tmp_path: Path, monkeypatch) -> Path:
    root = project(tmp_path)
    home = tmp_path / "thuis"
    home.mkdir()  # empty: only the home rule can refuse it
    monkeypatch.setenv("HOME", str(home))
    (root / "eigen").mkdir()
    (root / "eigen" / "notities.txt").write_text("van mij", encoding="utf-8")
    (root / "vals-merk").mkdir()
    (root / "vals-merk" / outdir.MARKER).write_text("toevallig dezelfde naam\n", encoding="utf-8")
    (root / "vals-merk" / "notities.txt").write_text("van mij", encoding="utf-8")
    mark(root / "merk-met-gegevens")  # a marker copied into a data folder does not make it ours
    shutil.copytree(root / "regions", root / "merk-met-gegevens" / "regions")
    (root / "link-naar-partners").symlink_to(root / "partners")
    (root / "link-naar-eigen").symlink_to(root / "eigen")
    mark(root / "met-vorige")
    (root / "met-vorige.vorige").mkdir()
    (root / "met-vorige.vorige" / "notities.txt").write_text("van mij", encoding="utf-8")
    return root


@pytest.mark.parametrize("target,code,says", REFUSED, ids=[r[0] for r in REFUSED])
def test_build_refuses_folders_it_does_not_own_and_touches_nothing(tmp_path, monkeypatch, target, code, says):
    root = hostile(tmp_path, monkeypatch)
    monkeypatch.chdir(root)
    target = str(tmp_path / "thuis") if target == "THUIS" else target
    before = snapshot(tmp_path)
    result = run("build", "--site", target, "--config", str(root / "mkdocs.yml"))
    assert result.exit_code == 2, result.output
    assert f"Fout: {code} " in result.output and says in result.output
    assert "Traceback" not in result.output
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("target,code,says", REFUSED, ids=[r[0] for r in REFUSED])
def test_generate_refuses_the_same_folders(tmp_path, monkeypatch, target, code, says):
    root = hostile(tmp_path, monkeypatch)
    monkeypatch.chdir(root)
    target = str(tmp_path / "thuis") if target == "THUIS" else target
    before = snapshot(tmp_path)
    result = run("generate", target, "--data", str(root))
    assert result.exit_code == 2, result.output
    assert f"Fout: {code} " in result.output and says in result.output
    assert snapshot(tmp_path) == before


def test_a_data_dir_set_in_mkdocs_yml_is_protected(tmp_path):
    root = project(tmp_path)
    shutil.move(root / "partners", root / "gegevens" / "partners")
    shutil.move(root / "regions", root / "gegevens" / "regions")
    (root / "mkdocs.yml").write_text(CONFIG.replace("search: false", "search: false\n      data_dir: gegevens"),
                                     encoding="utf-8")
    result = run("build", "--site", str(root / "gegevens" / "partners"), "--config", str(root / "mkdocs.yml"))
    assert result.exit_code == 2 and "NK701" in result.output and "is de map partners/" in result.output


def test_owned_needs_the_signature_not_only_the_name(tmp_path):
    assert not outdir.owned(tmp_path)
    (tmp_path / outdir.MARKER).write_text("iets anders\n" + outdir.SIGNATURE + "\n", encoding="utf-8")
    assert not outdir.owned(tmp_path)
    (tmp_path / outdir.MARKER).write_text(outdir.MARKER_TEXT, encoding="utf-8")
    assert outdir.owned(tmp_path)
    (tmp_path / outdir.MARKER).unlink()
    (tmp_path / outdir.MARKER).symlink_to(tmp_path / "elders")
    (tmp_path / "elders").write_text(outdir.MARKER_TEXT, encoding="utf-8")
    assert not outdir.owned(tmp_path)


# -- generate replaces its folder (item 6) and gives it normal permissions (item 13) ---------------------

def test_generate_drops_the_pages_of_removed_partners(tmp_path):
    root = project(tmp_path)
    other = second_partner(root)
    out = tmp_path / "paginas"
    first = run("generate", str(out), "--data", str(root))
    assert first.exit_code == 0, first.output
    page = next(out.rglob("tweede-partner*"))
    assert outdir.owned(out)
    other.unlink()
    second = run("generate", str(out), "--data", str(root))
    assert second.exit_code == 0, second.output
    assert not page.exists() and list(out.rglob("tweede-partner*")) == []
    assert list(out.rglob("huis-van-het-kind-zele*"))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".netwerkkaart-build")) == []
    assert not (tmp_path / "paginas.vorige").exists()


def test_only_the_settings_file_generate_writes_keeps_a_folder_owned(tmp_path):
    folder = mark(tmp_path / "uit")
    (folder / "mkdocs.yml").write_text(outdir.GENERATED_CONFIG + ": bouw met mkdocs build\nsite_name: x\n", encoding="utf-8")
    assert outdir.owned(folder)
    (folder / "mkdocs.yml").write_text("site_name: Mijn eigen site\n", encoding="utf-8")
    assert not outdir.owned(folder)


def test_generate_into_an_empty_folder_and_a_new_nested_one(tmp_path):
    root = project(tmp_path)
    (tmp_path / "leeg").mkdir()
    assert run("generate", str(tmp_path / "leeg"), "--data", str(root)).exit_code == 0
    assert run("generate", str(tmp_path / "uit" / "diep"), "--data", str(root)).exit_code == 0
    assert (tmp_path / "uit" / "diep" / "docs" / "index.md").is_file()


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def modes_in(folder: Path) -> set[tuple[str, int]]:
    return {("map" if p.is_dir() else "bestand", stat.S_IMODE(p.stat().st_mode)) for p in [folder, *folder.rglob("*")]}


def test_generated_folder_has_normal_permissions(tmp_path, umask_022):
    root = project(tmp_path)
    out = tmp_path / "paginas"
    assert run("generate", str(out), "--data", str(root)).exit_code == 0
    assert modes_in(out) == {("map", 0o755), ("bestand", 0o644)}


# -- the lock, and what a killed run leaves behind (item 14) ---------------------------------------------

def test_a_second_run_waits_for_the_lock_and_says_who_holds_it(tmp_path):
    target = tmp_path / "site"
    said = []
    with outdir.locked(target):
        with pytest.raises(outdir.Refused) as refused:
            with outdir.locked(target, wait=0, say=said.append):
                pass
    assert said == [f"Wacht op een andere build (pid {os.getpid()}) die naar {target} schrijft…"]
    assert str(refused.value).startswith(f"NK704 Een andere build (pid {os.getpid()})")
    with outdir.locked(target, wait=0):  # released
        pass


def test_generate_gives_up_after_the_wait_with_exit_1(tmp_path, monkeypatch):
    root = project(tmp_path)
    out = mark(tmp_path / "paginas")
    monkeypatch.setattr(outdir, "WAIT_SECONDS", 0)
    before = snapshot(out)
    with outdir.locked(out):
        result = CliRunner().invoke(main, ["generate", str(out), "--data", str(root)])
    assert result.exit_code == 1
    assert "Wacht op een andere build (pid" in result.stderr and "NK704" in result.stderr
    assert snapshot(out) == before


def test_leftovers_of_killed_runs_are_removed_and_nothing_else(tmp_path):
    root = project(tmp_path)
    dead = mark(tmp_path / f"{outdir.BUILD_PREFIX}999999-dood")
    (dead / "index.md").write_text("half", encoding="utf-8")
    alive = mark(tmp_path / f"{outdir.BUILD_PREFIX}1-levend")  # a run that still holds its marker
    held = outdir._mark(alive)
    foreign = tmp_path / f"{outdir.BUILD_PREFIX}van-mij"  # the name, but not our marker
    foreign.mkdir()
    (foreign / "notities.txt").write_text("van mij", encoding="utf-8")
    try:
        result = CliRunner().invoke(main, ["generate", str(tmp_path / "paginas"), "--data", str(root)])
    finally:
        os.close(held)
    assert result.exit_code == 0, result.output
    assert not dead.exists() and "Opgeruimd" in result.stderr
    assert alive.is_dir() and (foreign / "notities.txt").is_file()


def test_the_previous_site_comes_back_when_a_run_was_killed_between_the_renames(tmp_path):
    root = project(tmp_path)
    previous = mark(root / "site.vorige")
    (previous / "index.html").write_text("oude site", encoding="utf-8")
    shutil.copytree(CASES / "NK107-dubbele-sleutel" / "invoer", root, dirs_exist_ok=True)  # this build fails
    result = run("build", "--site", str(root / "site"), "--config", str(root / "mkdocs.yml"))
    assert result.exit_code == 1, result.output
    assert "teruggezet" in result.output and "vorige site blijft staan" in result.output
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "oude site"
    assert not previous.exists()


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def test_two_builds_at_once_both_succeed(tmp_path):
    root = project(tmp_path)
    site = root / "site"
    args = command("build", "--site", str(site), "--config", str(root / "mkdocs.yml"))
    builds = [subprocess.Popen(args, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(2)]
    outputs = [b.communicate(timeout=300) for b in builds]
    assert [b.returncode for b in builds] == [0, 0], outputs
    assert (site / "index.html").is_file() and outdir.owned(site)
    assert [p.name for p in root.iterdir() if p.name.startswith(outdir.BUILD_PREFIX)] == []
    assert not (root / "site.vorige").exists()


HANG = """
import os, subprocess, sys, time
from pathlib import Path

def on_config(config):
    if os.environ.get("NK_TEST_HANG"):
        grandchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
        Path(os.environ["NK_TEST_HANG"]).write_text(f"{os.getpid()} {grandchild.pid}")
        time.sleep(120)
"""


def gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError):
        return True


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def start_hanging_build(tmp_path: Path):
    """A build whose MkDocs child (with a child of its own) hangs; returns (root, args, build, [pids])."""
    root = project(tmp_path)
    (root / "hang.py").write_text(HANG, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG + "hooks:\n  - hang.py\n", encoding="utf-8")
    pids = tmp_path / "pids"
    args = command("build", "--site", str(root / "site"), "--config", str(root / "mkdocs.yml"))
    build = subprocess.Popen(args, cwd=root, env=dict(os.environ, NK_TEST_HANG=str(pids), PYTHONPATH=str(ROOT)),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if not wait_for(lambda: pids.is_file() and pids.read_text().strip(), 120):
        build.kill()
        build.wait()
        pytest.fail("MkDocs did not start")
    children = [int(pid) for pid in pids.read_text().split()]
    assert not any(gone(pid) for pid in children)
    return root, args, build, children


def stop_all(build, children) -> None:
    """When a test fails: leave nothing running."""
    build.kill()
    build.communicate()
    for pid in children:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
def test_mkdocs_dies_with_a_killed_build_and_the_next_build_cleans_up(tmp_path):
    root, args, build, children = start_hanging_build(tmp_path)
    try:
        build.send_signal(signal.SIGKILL)
        build.communicate()
        assert wait_for(lambda: all(gone(pid) for pid in children), 10), "MkDocs outlived the build"
    finally:
        stop_all(build, children)
    assert [p.name for p in root.iterdir() if p.name.startswith(outdir.BUILD_PREFIX)]  # left by the kill
    again = subprocess.run(args, cwd=root, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    assert "Opgeruimd" in again.stderr
    assert [p.name for p in root.iterdir() if p.name.startswith(outdir.BUILD_PREFIX)] == []
    assert (root / "site" / "index.html").is_file()


def test_a_stopped_build_stops_mkdocs_and_cleans_up(tmp_path):
    root, args, build, children = start_hanging_build(tmp_path)
    try:
        build.send_signal(signal.SIGTERM)
        _, err = build.communicate(timeout=60)
        assert build.returncode == 1 and "De build is gestopt" in err and "Traceback" not in err
        assert wait_for(lambda: all(gone(pid) for pid in children), 10), "MkDocs outlived the build"
    finally:
        stop_all(build, children)
    assert [p.name for p in root.iterdir() if p.name.startswith(outdir.BUILD_PREFIX)] == []
    assert not (root / "site").exists()
