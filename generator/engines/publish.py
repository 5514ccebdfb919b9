"""Build the site so that a failed build never leaves half a site: build aside, then swap.

The folder rules (what may be replaced, the lock, the swap) are in outdir.py; this module knows MkDocs:
where its configuration puts the data and docs/, and how to run it in a child that dies with us.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from . import outdir
from .siteurl import CHECKED


class BuildFailed(Exception):
    """The MkDocs build did not succeed; the message holds its output."""


class Stopped(Exception):
    """This process was asked to stop (SIGTERM, SIGHUP) during the build; the child is gone."""


def locations(config_file: Path) -> tuple[Path, Path | None, Path]:
    """``(data folder, docs folder, the configuration's folder)`` as the MkDocs configuration gives them;
    the defaults (next to the configuration, ``docs``) when it cannot be read (MkDocs will say why)."""
    config_dir = Path(os.path.abspath(config_file)).parent
    data, docs = config_dir, config_dir / "docs"
    try:
        from mkdocs.utils.yaml import yaml_load

        with open(config_file, "rb") as handle:
            config = yaml_load(handle)
    except Exception:  # noqa: BLE001 - unreadable or invalid: MkDocs reports it when it builds
        return data, docs, config_dir
    if not isinstance(config, dict):
        return data, docs, config_dir
    if isinstance(config.get("docs_dir"), str):
        docs = config_dir / config["docs_dir"]
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        items = list(plugins.items())
    elif isinstance(plugins, list):
        items = [next(iter(p.items())) for p in plugins if isinstance(p, dict) and len(p) == 1]
    else:
        items = []
    for name, options in items:
        if name == "netwerkkaart" and isinstance(options, dict) and isinstance(options.get("data_dir"), str):
            data = config_dir / options["data_dir"]
    return data, docs, config_dir


MAX_CONFIG = 1024 * 1024  # a mkdocs.yml is a few kilobytes


def check_config(config_file: Path) -> dict:
    """The MkDocs configuration as read, or :class:`outdir.Refused`: NK710 when it is missing, not a regular
    file (a folder, a pipe that would make the build hang, a device) or too big; NK711 when it is no YAML
    with settings. Looks at the type before opening: a FIFO is never opened."""
    import stat

    try:
        info = os.stat(config_file)
    except FileNotFoundError:
        raise outdir.Refused("NK710", target=config_file, reason="het bestand bestaat niet") from None
    except OSError as exc:
        raise outdir.Refused("NK710", target=config_file, reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise outdir.Refused("NK710", target=config_file, reason="het is een map, geen bestand")
    if not stat.S_ISREG(info.st_mode):
        raise outdir.Refused("NK710", target=config_file,
                             reason="het is geen gewoon bestand (maar een pijp, apparaat of socket)")
    if info.st_size > MAX_CONFIG:
        raise outdir.Refused("NK710", target=config_file, reason="het is groter dan 1 MB")
    try:
        with open(config_file, "rb") as handle:
            raw = handle.read(MAX_CONFIG + 1)
    except OSError as exc:
        raise outdir.Refused("NK710", target=config_file, reason=exc.strerror or str(exc)) from None
    try:
        from mkdocs.utils.yaml import yaml_load

        config = yaml_load(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise outdir.Refused("NK711", target=config_file, reason="het is geen UTF-8-tekst") from None
    except Exception as exc:  # noqa: BLE001 - YAML errors of every kind, and MkDocs' own (!ENV, !relative)
        cause = exc.__cause__ or exc.__context__ or exc  # MkDocs wraps the YAML error
        mark = getattr(cause, "problem_mark", None)
        where = f"regel {mark.line + 1}, kolom {mark.column + 1}: " if mark is not None else ""
        what = getattr(cause, "problem", None) or "de YAML-opbouw klopt niet"
        raise outdir.Refused("NK711", target=config_file, reason=f"{where}{what}") from None
    if not isinstance(config, dict):
        raise outdir.Refused("NK711", target=config_file, reason="er staan geen instellingen in (naam: waarde)")
    return config


def guard(config_file: Path, site_dir: Path) -> Path:
    """:func:`outdir.guard` for a site built from ``config_file``."""
    data, docs, config_dir = locations(config_file)
    return outdir.guard(site_dir, data=data, docs=docs, config_dir=config_dir)


def build(config_file: Path, site_dir: Path, say: Callable[[str], None] = lambda text: None) -> None:
    """Build the site into a fresh folder beside ``site_dir`` and swap it in. Call :func:`guard` first."""
    with outdir.replacing(site_dir, say=say) as fresh:
        done = run_mkdocs(["build", "--strict", "-q", "-f", os.path.abspath(config_file), "-d", str(fresh)])
        if done.returncode != 0 or not (fresh / "index.html").is_file():
            raise BuildFailed((done.stdout + done.stderr).strip())


# The child we start: it starts MkDocs in its own process group and waits. When we die, even by SIGKILL,
# the kernel sends it SIGTERM (PR_SET_PDEATHSIG) and it kills the whole group: MkDocs and the processes
# MkDocs started (exports, search index). It does nothing but wait, so it reacts at once.
_WATCHDOG = """
import os, signal, sys
signal.signal(signal.SIGTERM, lambda *_: os.killpg(0, signal.SIGKILL))
signal.signal(signal.SIGHUP, lambda *_: os.killpg(0, signal.SIGKILL))
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, "-m", "mkdocs", *sys.argv[1:]])
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 1)
"""
_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> Callable[[], None] | None:
    """A ``preexec_fn`` that asks Linux to send the child SIGTERM when ``parent`` dies; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None

    def preexec() -> None:
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the line above
            os._exit(1)

    return preexec


def _stop(signum: int, frame: object) -> None:
    raise Stopped(signal.Signals(signum).name)


def run_mkdocs(args: list[str]) -> subprocess.CompletedProcess:
    """Run ``mkdocs ARGS`` in a child process group that never outlives this process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env[CHECKED] = "1"  # `netwerkkaart build` reports a loopback site_url itself (NK717), the plugin need not
    if os.name != "posix":  # no process groups or fork: a plain child
        return subprocess.run([sys.executable, "-m", "mkdocs", *args], capture_output=True, text=True, check=False,
                              env=env)
    child = subprocess.Popen([sys.executable, "-c", _WATCHDOG, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True, preexec_fn=_die_with(os.getpid()), env=env)
    handlers = {}
    try:
        if _main_thread():
            for sig in (signal.SIGTERM, signal.SIGHUP):
                handlers[sig] = signal.signal(sig, _stop)
        out, err = child.communicate()
        return subprocess.CompletedProcess(child.args, child.returncode, out, err)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        if child.returncode is None:  # stopped, interrupted (Ctrl-C) or failed: take the whole group down
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except OSError:
                pass
            child.wait()


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
