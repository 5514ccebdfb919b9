"""Flanders scale, side by side: one command that builds synthetic data at 1,000 and 10,000 partners
and measures every target as a ratio against a peer or a floor measured in the same run, on the same
machine. Prints one table and writes benchmarks/out/flanders.json (absolute numbers included, for
information: they move 2x between machines of one kind; the ratios do not).

    python benchmarks/flanders.py                 # 1,000 and 10,000 partners (about 15 minutes)
    python benchmarks/flanders.py --sizes 1000    # quick: a few minutes, to check a change first
    python benchmarks/flanders.py --sizes 40 --runs 1 --serve-partners 30   # the smoke test's size
    python benchmarks/flanders.py --sizes 10000 --runs 1 --builds-only --no-serve   # the three builds only
    python benchmarks/flanders.py --sizes 1000 --engines plugin,generate   # without Zensical

Per size:
- validate: the ``netwerkkaart validate`` command against the floor (the same files read and run
  through libyaml's event parser alone, in one process: no values, no checks) and against a peer
  (``check-jsonschema`` with our partner schema on the partner files);
- build: ``mkdocs build`` of the site against a plain mkdocs-material site with as many trivial pages,
  built right after it; peak memory of the build's whole process tree;
- the same build by the two other engines (issue 13), each against the same baseline with the same targets:
  ``netwerkkaart generate`` then plain ``mkdocs build`` of the generated mkdocs.yml (no plugin), and the same
  generate output built by ``zensical build`` (0.0.73 from .[test]; NK_ZENSICAL picks another): wall time of
  generate + build (median of --runs, min-max; Zensical always without its cache), peak memory of each
  step's process tree, the output's pages and sizes, and a check that it has every partner page, a
  Pagefind index and the map data (a broken engine cannot reach its target); --engines picks engines;
- search in headless Chromium, per query, time to the first result against (a) mkdocs-material's own
  search on a plain site with the same pages' titles and text, and (b) Pagefind's own
  ``pagefind.search()`` on our index without our wrapper (the floor); bytes fetched; and the cold path
  from the home page (Enter on the home page -> first result visible) against the same path on the plain site;
- region map (the largest region): bytes and time to markers against folium's own default for the
  same points (``folium.Map`` + ``MarkerCluster`` of one ``Marker`` per place, Leaflet served from this
  machine);
- offline: the pack of the region with the most partners ("Bewaar deze regio voor onderweg"): the bytes
  it takes on the device (text stored packed; the browser's own count of its cache storage), and the
  seconds to save it over loopback in headless Chromium (absolute targets: ≤ 10 MB, ≤ 15 s);
And once: ``mkdocs serve --dirty`` on one region (1,000 partners): from saving a YAML edit to the page
showing it, against plain ``mkdocs serve --dirty`` of a site with as many pages after saving one
Markdown page.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import flanders_regions, write_dataset  # noqa: E402
from search_bench import QUERIES, Quiet, measure as measure_search  # noqa: E402

HERE = Path(__file__).parent
ROOT = HERE.parent
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
CHROMIUM = os.environ.get("NK_CHROMIUM", "/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Ratios against a peer or floor of the same run; bytes and memory are absolute (machine-independent).
TARGETS = {"validate_floor": 2.5, "build_ratio": 1.3, "growth": 11.0, "memory_mb": 1024,
           "search_vs_material": 0.25, "search_vs_pagefind": 1.2, "home_search_vs_material": 1.0, "search_kb": 150,
           "map_ms_vs_folium": 0.5, "map_kb_vs_folium": 0.5, "map_kb": 300, "serve_vs_mkdocs": 1.0,
           "wegwijzer_kb": 300, "coverage_share": 0.05}
# "Nu open" (issue 14): the hours on a page (data-nk-open) add at most this share to its bytes (open_weight).
TARGETS["open_share"] = 0.10
# "Bewaar deze regio voor onderweg" (generator/render/offline.py): one region's pack, bytes, and the time to save it.
OFFLINE_TARGETS = {"offline_mb": 10, "offline_save_s": 15}
THEME = "theme:\n  name: material\n  language: nl\n  font: false\n  features: [navigation.instant, navigation.tabs]\n"
# The floor of validation: read every file and let libyaml produce its events, nothing else.
FLOOR = """
import os, sys, time, yaml
t = time.perf_counter()
n = 0
for top in ("regions", "partners"):
    for folder, _, names in os.walk(os.path.join(sys.argv[1], top)):
        for name in names:
            with open(os.path.join(folder, name), "rb") as f:
                for _ in yaml.parse(f.read(), Loader=yaml.CSafeLoader):
                    pass
            n += 1
print(n)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spread(values: list[float]) -> dict:
    """Median with min and max: the figure and how much it moved."""
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3), "max": round(max(values), 3)}


def _family(root: int) -> set[int]:
    """``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    family, grew = {root}, True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in family} - family
        family |= more
        grew = bool(more)
    return family


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants, summed: a page a forked child shares with its
    parent (copy on write) is counted once per process, so this overstates what the tree takes."""
    total = 0
    for pid in _family(root):
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    return total / 2**20


def tree_memory_mb(root: int) -> tuple[float, float]:
    """(RSS summed, PSS summed) of ``root`` and its descendants, in MB. PSS (proportional set size, from
    /proc/<pid>/smaps_rollup) counts a page shared by n processes as 1/n in each: summed over the tree,
    every page the tree holds counts once. That is the memory the build takes from the machine, and the
    figure the memory target is judged on; RSS summed is reported beside it."""
    rss = pss = 0
    for pid in _family(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return rss / 1024, pss / 1024


# Every POLL_S the memory of the whole process tree is read (tree_memory_mb). Reading smaps_rollup walks
# a process's page tables: every 20 ms, for a build of several 400 MB processes, it made the build itself
# 20 to 40 % slower (30 November: 31.4 s polled against 22.0-25.6 s with /usr/bin/time, in turns with the
# baseline), and not the small baseline. Our memory peaks last seconds (a Pagefind group, the main process
# while it renders), so 100 ms still finds them.
POLL_S = 0.1
PEAK_RSS: dict[str, float] = {"mb": 0.0}  # the last run_measured's peak of RSS summed (tree_memory_mb)


class TooSlow(Exception):
    """A measured command ran past its time limit and was stopped: (seconds, peak MB) so far."""


# ext4 without a journal (this machine's disk) checks, for each file it makes, whether the free inode it
# found was deleted recently, and skips it if so: deleted less than 60 s ago, or 360 s while that block of
# the inode table is not yet on disk, which every new file in the same block makes it again (perf:
# recently_deleted in find_inode_bit). Making 10,000 files took 0.3 s of system time on a quiet disk and
# 2-6 s within minutes of removing a site: a measured build paid for the removal of the one before, the
# more the more files it writes. So nothing is deleted while builds are measured: remove() moves a tree
# into the work folder's bin (a rename), emptied with the work folder when the benchmark ends.
BIN: dict[str, Path | None] = {"dir": None}  # set by main (work/weg); None: remove() deletes


def remove(tree: Path) -> None:
    """Move ``tree`` into the bin (see above), or delete it when there is no bin."""
    tree = Path(tree)
    if not tree.exists():
        return
    bin_dir = BIN["dir"]
    if bin_dir is not None:
        bin_dir.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(tree, bin_dir / f"{len(os.listdir(bin_dir)):04d}-{tree.name}")
            return
        except OSError:  # another file system: delete it after all
            pass
    shutil.rmtree(tree, ignore_errors=True)


def settle() -> None:
    """Before a measured build: what earlier steps wrote is on disk (its writing does not count)."""
    os.sync()


def run_measured(command: list[str], ok_codes: tuple[int, ...] = (0,), timeout: float | None = None,
                 memory: bool = True, **kwargs) -> tuple[float, float]:
    """Run ``command``; return (seconds, peak MB of its process tree: PSS summed, see tree_memory_mb; the
    peak of RSS summed goes to PEAK_RSS). With ``timeout``: stop its process group after that many seconds
    and raise TooSlow. ``memory=False``: only the time (peak 0; see timed_then_memory)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=timeout is not None, **kwargs)
    peak = peak_rss = 0.0
    output = []
    reader = threading.Thread(target=lambda: output.append(process.stdout.read()), daemon=True)
    reader.start()  # a chatty command must not block on a full pipe
    while process.poll() is None:
        if memory:
            rss, pss = tree_memory_mb(process.pid)
            peak, peak_rss = max(peak, pss), max(peak_rss, rss)
            PEAK_RSS["mb"] = peak_rss
        if timeout is not None and time.perf_counter() - start > timeout:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            reader.join()
            raise TooSlow(time.perf_counter() - start, peak)
        time.sleep(POLL_S)
    seconds = time.perf_counter() - start
    reader.join()
    if process.returncode not in ok_codes:
        text = b"".join(output).decode("utf-8", "replace")
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{text[-3000:]}")
    return seconds, peak


def timed_then_memory(command: list[str], out: Path, second: Path) -> tuple[float, float]:
    """A build measured twice: its time in a run with nothing read beside it, its peak memory in a second run
    (into ``second``, put in the bin after). Reading the memory of every process 10 times a second (the
    kernel walks each one's page tables) slowed our build of five processes by 1 to 2 s at 10,000 partners,
    the one-process baseline hardly (30 November: 20.6 s against 18.6-19.2 s without)."""
    settle()
    seconds, _ = run_measured(command + ["-d", str(out)], memory=False)
    settle()
    _, peak = run_measured(command + ["-d", str(second)])
    remove(second)
    return seconds, peak


def timed(command: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=ENV, check=True, capture_output=True)
        out.append(time.perf_counter() - start)
    return out


def measure_validate(data: Path, runs: int, peer: bool = True) -> dict:
    """Our command, the libyaml floor and check-jsonschema, each as a whole command (Python start-up included)."""
    ours = timed([sys.executable, "-m", "generator", "validate", str(data)], runs)
    floor = timed([sys.executable, "-c", FLOOR, str(data)], runs)
    partners = sorted(str(p) for p in (data / "partners").rglob("*.yml"))
    peer_bin = Path(sys.executable).with_name("check-jsonschema")
    if peer and peer_bin.exists():
        # One run: it is the slowest of the three and only reported, not a target.
        peer_s = timed([str(peer_bin), "--schemafile", str(ROOT / "generator" / "schemas" / "partner.schema.json"),
                      *partners], 1)
    else:
        peer_s = None
    return {"ours_s": spread(ours), "floor_s": spread(floor), "peer_check_jsonschema_s": spread(peer_s) if peer_s else None,
            "ratio_floor": round(statistics.median(ours) / statistics.median(floor), 2),
            "ratio_peer": round(statistics.median(ours) / peer_s[0], 2) if peer_s else None}

# The coverage pages' share of the build (issue 19: at most 5%): the work the build does only for them, timed
# in one process on the same data: the coverage tables (with the questions: vragen.answered made anew each time,
# though the build shares it with search and the wegwijzer, so this is an upper bound), every <regio>/dekking/
# page, its Markdown turned into HTML as MkDocs does (default extensions), and the shaded maps' data.
COVERAGE = """
import json, sys, time, markdown
from generator.render import maps, pages
from generator.model import build_site
from generator.validate.pipeline import validate_folder
site = build_site(validate_folder(sys.argv[1]).project)
md = markdown.Markdown(extensions=["toc", "tables", "fenced_code"])
times = []
for _ in range(int(sys.argv[2])):
    site.__dict__.pop("_coverage", None); site.__dict__.pop("_answered", None)
    t = time.perf_counter()
    made = [pages._coverage_page(site, region) for region in site.regions]
    for page in made:
        md.reset().convert(page.body)
    shaded = []
    maps._coverage_maps(site, lambda url, name, title, data, region: shaded.append(json.dumps(data)))
    times.append(time.perf_counter() - t)
print(json.dumps({"s": times, "pages": len(made), "maps": len(shaded)}))
"""


def measure_coverage(data: Path, runs: int, build_s: float) -> dict:
    out = subprocess.run([sys.executable, "-c", COVERAGE, str(data), str(runs)], env=ENV, check=True,
                         capture_output=True, text=True, cwd=ROOT)
    found = json.loads(out.stdout.strip().splitlines()[-1])
    median = statistics.median(found["s"])
    return {"s": spread(found["s"]), "pages": found["pages"], "maps": found["maps"], "build_s": build_s,
            "share": round(median / build_s, 4)}


def site_config(folder: Path, data: Path, url: str) -> Path:
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(f"site_name: Netwerkkaart Vlaanderen\nsite_url: {url}\ndocs_dir: docs\n{THEME}"
                    f"plugins:\n  - netwerkkaart:\n      data_dir: {data}\n", encoding="utf-8")
    return path


def baseline_config(folder: Path, pages: list[tuple[str, str]], url: str = "http://127.0.0.1:9/") -> Path:
    """A plain mkdocs-material site: a home page and one page per (title, text), outside the nav like our
    partner pages (a nav with every page makes MkDocs quadratic: 1,000 such pages took 19 s instead of 1.7 s)."""
    docs = folder / "docs"
    (docs / "p").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Start\n\nEen gewone site.\n", encoding="utf-8")
    for i, (title, text) in enumerate(pages):
        (docs / "p" / f"pagina-{i:05d}.md").write_text(f"# {title}\n\n{text}\n", encoding="utf-8")
    path = folder / "mkdocs.yml"
    path.write_text(f"site_name: Basis\nsite_url: {url}\n{THEME}"
                    "nav:\n  - Start: index.md\nnot_in_nav: |\n  /p/\n", encoding="utf-8")
    return path


def trivial_pages(count: int) -> list[tuple[str, str]]:
    return [(f"Pagina {i}", f"Een korte tekst over pagina {i}.") for i in range(count - 1)]


TAGS = re.compile(r"<[^>]+>")


def content_pages(site: Path) -> list[tuple[str, str]]:
    """Our pages' titles and searchable text, as plain Markdown paragraphs (for the search peer)."""
    out = []
    for page in sorted(site.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        body = re.search(r"data-pagefind-body[^>]*>(.*?)</article>", text, re.S)
        title = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
        if not body or not title:
            continue
        plain = html.unescape(" ".join(TAGS.sub(" ", body.group(1)).split()))
        name = html.unescape(TAGS.sub("", title.group(1))).strip()
        out.append((name.replace("#", ""), re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", plain[:1500])))
    return out


def site_facts(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.name == "index.html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    return {
        "pages": len(pages),
        "site_mb": round(sum(p.stat().st_size for p in files) / 2**20, 1),
        "largest_page": largest.relative_to(site).parent.as_posix() + "/",
        "largest_page_kb": round(largest.stat().st_size / 1024),
        "search_index_mb": round(sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()) / 2**20, 1),
        **wegwijzer_facts(site),
        "open_weight": open_weight(site),
    }


# the states (inline hours, or a reference into the page's table) and that table (pages.py share_hours)
OPEN_STATE = re.compile(r"<(?:p|span) (?:class=\"nk-open\" data-nk-open='[^']*' hidden data-pagefind-ignore|"
                        r"data-nk-open-ref=\"\d+\" hidden)></(?:p|span)>| data-nk-uren='[^']*'")


def open_weight(site: Path) -> dict:
    """"Nu open" (issue 14): what it adds to the pages, in bytes as served (not compressed; gzip beside it,
    for information). Per page type (its largest page): the hours in it (the data-nk-open elements
    nk-open.js fills in, or their references and the page's table of hours) against the same page without
    them; once per visit (cached after) nk-open.js and the generated holidays; the wegwijzer's hours
    (field "o") in the largest region's file; and what a map's first popup fetches (the region's hours
    file, kaarten/uren/, plus the two scripts): the map data itself only names that file."""
    import gzip

    from generator.topics.hours import HOLIDAYS_ASSET

    scripts = sum((site / path).stat().st_size for path in ("assets/netwerkkaart/nk-open.js", HOLIDAYS_ASSET))
    kinds = {"a-z": "a-z/**/index.html", "regio": "*/index.html", "gemeente": "*/gemeenten/*/index.html",
             "levensdomein": "*/levensdomeinen/*/index.html", "partner": "partners/*/index.html"}
    pages = {}
    for kind, pattern in kinds.items():
        found = [p for p in site.glob(pattern) if kind != "regio" or (p.parent / "gemeenten").is_dir()]
        if not found:
            continue
        largest = max(found, key=lambda p: p.stat().st_size)
        raw = largest.read_bytes()
        bare = OPEN_STATE.sub("", raw.decode("utf-8")).encode("utf-8")  # the page without them
        added = len(raw) - len(bare)
        pages[kind] = {"page": largest.relative_to(site).parent.as_posix() + "/", "page_kb": round(len(bare) / 1024, 1),
                       "hours_kb": round(added / 1024, 1), "share": round(added / len(bare), 3),
                       "hours_gzip_kb": round((len(gzip.compress(raw)) - len(gzip.compress(bare))) / 1024, 1)}
    regions = list((site / "wegwijzer").glob("regio-*.json"))
    biggest = max(regions, key=lambda p: p.stat().st_size)
    people = json.loads(biggest.read_text(encoding="utf-8"))["partners"]
    wegwijzer_hours = sum(len(json.dumps(p["o"], ensure_ascii=False, separators=(",", ":")).encode("utf-8")) + 5
                          for p in people if "o" in p)  # + ',"o":'
    popup = max(p.stat().st_size for p in (site / "kaarten" / "uren").glob("*.json"))
    return {"scripts_kb": round(scripts / 1024, 1), "pages": pages,
            "worst": max(pages, key=lambda k: pages[k]["share"]),
            "wegwijzer_hours_kb": round(wegwijzer_hours / 1024, 1),
            "wegwijzer_share": round(wegwijzer_hours / biggest.stat().st_size, 3),
            "map_first_popup_kb": round((popup + scripts) / 1024, 1)}


def wegwijzer_facts(site: Path) -> dict:
    """What the wegwijzer fetches for one region: its index plus the largest region's file (or, on a small
    site, every region's file: then wegwijzer.js fetches them all, so that not even the region is asked for)."""
    from generator.render.wegwijzer import INDEX, LOAD_ALL_BELOW

    index = (site / INDEX).stat().st_size
    regions = [p.stat().st_size for p in (site / INDEX).parent.glob("regio-*.json")]
    fetched = index + (sum(regions) if sum(regions) < LOAD_ALL_BELOW else max(regions))
    return {"wegwijzer_kb": round(fetched / 1024), "wegwijzer_index_kb": round(index / 1024),
            "wegwijzer_largest_region_kb": round(max(regions) / 1024)}


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):  # a closed tab
            super().handle_error(request, client_address)


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    server = Server(("127.0.0.1", port), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _browser(p):
    return p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)


def measure_pagefind_floor(base: str, queries: list[str], runs: int) -> list[dict]:
    """Pagefind's own API on our index, no wrapper: from search() to the first result's data (cold cache)."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = _browser(p)
        for query in queries:
            times = []
            for _ in range(runs):
                context = browser.new_context()
                page = context.new_page()
                page.goto(base + "bench-leeg.html")
                # Loaded and initialised as our search page does on opening, before the query is typed.
                page.evaluate("""async () => {
                    window.__pf = await import('/pagefind/pagefind.js');
                    await window.__pf.options({baseUrl: '/'});
                    await window.__pf.init();
                    // one index per region (search.py): Pagefind's own mergeIndex, every region
                    const terms = await (await fetch('/zoeken/termen.json')).json();
                    for (const id of terms.indexen || []) await window.__pf.mergeIndex('/pagefind/regio/' + id + '/');
                }""")
                page.wait_for_load_state("networkidle")
                times.append(page.evaluate("""async (q) => {
                    const t0 = performance.now();
                    window.__pf.preload(q);  // as Pagefind's docs advise while typing (our page does the same)
                    const found = await window.__pf.search(q);
                    if (found.results.length) await found.results[0].data();
                    return performance.now() - t0;
                }""", query))
                context.close()
            rows.append({"query": query, "ms": spread(times)})
        browser.close()
    return rows


MATERIAL_READY = """() => { const m = document.querySelector('.md-search-result__meta');
    return m && m.textContent.trim() !== '' && !/initialis/i.test(m.textContent); }"""


def measure_material(base: str, queries: list[str], runs: int) -> list[dict]:
    """mkdocs-material's own search on the plain site: page loaded and the index ready, then from the
    query arriving in the box to the first result in the DOM (the same moment as ours). One browser
    context per run (its worker loads the whole index once), every query in it."""
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {q: [] for q in queries}
    counts: dict[str, int] = {q: 0 for q in queries}
    with sync_playwright() as p:
        browser = _browser(p)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base, wait_until="networkidle")
            page.wait_for_function(MATERIAL_READY, timeout=600_000)
            page.focus(".md-search__input")
            for query in queries:
                # mkdocs-material reads the box on keyup: the query arrives whole, in one event.
                page.evaluate("""(q) => {
                    window.__t1 = undefined;
                    const input = document.querySelector('.md-search__input');
                    const meta = document.querySelector('.md-search-result__meta');
                    const list = document.querySelector('.md-search-result__list');
                    list.replaceChildren();  // the previous query's results
                    const idle = meta.textContent;
                    new MutationObserver((m, obs) => {
                        // the first result, or the word that there is none
                        if (list.querySelector('.md-search-result__item') || meta.textContent !== idle) {
                            window.__t1 = performance.now(); obs.disconnect();
                        }
                    }).observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true});
                    input.value = q;
                    window.__t0 = performance.now();
                    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
                }""", query)
                page.wait_for_function("window.__t1 !== undefined", timeout=120_000)
                times[query].append(page.evaluate("window.__t1 - window.__t0"))
                counts[query] = max(counts[query], page.locator(".md-search-result__item").count())
            context.close()
        browser.close()
    return [{"query": q, "ms": spread(times[q]), "results": counts[q]} for q in queries]


def measure_home_search(base: str, baseline: str, query: str, runs: int) -> dict:
    """The cold path: the home page has loaded; from the Enter key (ours: results appear on the home page) or the
    typed query (mkdocs-material: it searches as you type) to the first result visible."""
    from playwright.sync_api import sync_playwright

    ours, material = [], []
    with sync_playwright() as p:
        browser = _browser(p)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base, wait_until="load")
            start = time.perf_counter()
            page.evaluate("""(q) => { const input = document.querySelector('form.nk-search-form input');
                input.value = q; input.dispatchEvent(new Event('input', {bubbles: true})); input.form.requestSubmit(); }""",
                          query)  # typed and Enter in one step (see search_bench.measure)
            page.wait_for_selector("[data-nk-results] li:not([hidden]) a", timeout=120_000)
            ours.append((time.perf_counter() - start) * 1000)
            context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(baseline, wait_until="load")
            page.focus(".md-search__input")
            start = time.perf_counter()
            page.evaluate("""(q) => { const input = document.querySelector('.md-search__input'); input.value = q;
                input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true})); }""", query)
            page.wait_for_selector(".md-search-result__item", timeout=300_000)
            material.append((time.perf_counter() - start) * 1000)
            context.close()
        browser.close()
    return {"query": query, "ours_ms": spread(ours), "material_ms": spread(material),
            "ratio": round(statistics.median(ours) / statistics.median(material), 2)}


def _open_map(browser, url: str, ready: str) -> tuple[float, int]:
    """Cold cache, no tiles: (ms from navigation start to ``ready``, bytes fetched)."""
    context = browser.new_context()
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1).*"), lambda route: route.abort())  # no tiles, no CDN
    page = context.new_page()
    done = []
    page.on("requestfinished", lambda r: done.append(r))
    page.goto(url)
    page.wait_for_selector(ready, timeout=120_000)
    ms = page.evaluate("performance.now()")
    page.wait_for_load_state("networkidle")
    size = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in done)
    context.close()
    return ms, size


def folium_peer(folder: Path, points: list[tuple[float, float, str]]) -> Path:
    """folium's own default for the same points: a Map with a MarkerCluster of one Marker per place. Its
    Leaflet, MarkerCluster and jQuery (its popups use it) are served from this machine (the XStatic copies);
    the other CDN files of folium's default page (Bootstrap, Font Awesome, awesome-markers) are refused by the browser
    route like tiles, which only makes the peer lighter and faster."""
    import folium
    import xstatic.pkg.jquery as jquery
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as cluster
    from folium.plugins import MarkerCluster

    folder.mkdir(parents=True, exist_ok=True)
    local = {"jquery-3.7.1.min.js": "jquery.min.js"}  # folium's popups are made with jQuery
    shutil.copy(Path(jquery.BASE_DIR) / "jquery.min.js", folder / "jquery.min.js")
    for package, names in ((leaflet, ["leaflet.js", "leaflet.css"]),
                           (cluster, ["leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"])):
        for name in names:
            shutil.copy(Path(package.BASE_DIR) / name, folder / name)
            local[name] = name
    shutil.copytree(Path(leaflet.BASE_DIR) / "images", folder / "images", dirs_exist_ok=True)
    # A tile layer as ours has (its requests are refused like ours): MarkerCluster needs its maxZoom.
    m = folium.Map(location=[51.0, 4.3], zoom_start=9, tiles="https://tegels.invalid/{z}/{x}/{y}.png",
                   attr="geen tegels in de meting", max_zoom=18)
    group = MarkerCluster().add_to(m)
    for lat, lon, name in points:
        folium.Marker([lat, lon], popup=name).add_to(group)
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]])  # like ours: the view fits the places
    text = m.get_root().render()

    def localise(match: re.Match) -> str:
        url = match.group(0)
        name = url.rsplit("/", 1)[-1]
        return local.get(name, url)

    text = re.sub(r"https://[^\"']+\.(?:js|css)", localise, text)
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


STORED = """async (prefix) => {
  let bytes = 0, packed = 0, files = 0;
  for (const name of await caches.keys()) {
    if (!name.startsWith(prefix)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      bytes += (await response.arrayBuffer()).byteLength;
      packed += response.headers.has("x-nk-gz") ? 1 : 0;
      files += 1;
    }
  }
  const estimate = navigator.storage && navigator.storage.estimate ? await navigator.storage.estimate() : {};
  return {bytes, packed, files, usage: (estimate.usageDetails || {}).caches || estimate.usage || 0};
}"""


def measure_offline(site: Path, base: str) -> dict:
    """The offline pack of the region with the most partners (its manifest, offline/<regio>.json): the bytes
    it takes on the device (the cached bodies, text packed with gzip by offline.js; and what the browser
    reports for its cache storage), the files' own bytes, and the time to save it over loopback in headless
    Chromium, from the click on "Bewaar deze regio voor onderweg" to "Bewaard op" (once: it is a few
    seconds, not a race)."""
    from playwright.sync_api import sync_playwright

    packs = [json.loads(p.read_text("utf-8")) for p in (site / "offline").glob("*.json")]
    pack = max(packs, key=lambda m: sum(f.startswith("partners/") for f in m["bestanden"]))
    with sync_playwright() as p:
        browser = _browser(p)
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}{pack['regio']}/")
        page.wait_for_selector("[data-nk-offline-save]")
        start = time.perf_counter()
        page.click("[data-nk-offline-save]")
        page.wait_for_selector("[data-nk-offline-saved]", timeout=300_000)
        save_s = time.perf_counter() - start
        stored = page.evaluate(STORED, f"netwerkkaart-offline|/|{pack['regio']}|")
        context.close()
        browser.close()
    import gzip

    # what travels over the network when the server compresses
    wire = sum(len(gzip.compress((site / (f + "index.html" if f == "" or f.endswith("/") else f)).read_bytes(), 6))
               for f in pack["bestanden"])
    return {"region": pack["regio"], "partners": sum(f.startswith("partners/") for f in pack["bestanden"]),
            "files": len(pack["bestanden"]), "mb": round(stored["bytes"] / 1e6, 2),
            "storage_mb": round(stored["usage"] / 1e6, 2), "packed_files": stored["packed"],
            "files_mb": round(pack["bytes"] / 1e6, 2), "gzip_mb": round(wire / 1e6, 2),
            "save_s": round(save_s, 1), "load": [round(x, 1) for x in os.getloadavg()]}


def measure_region_map(site: Path, base: str, work: Path, runs: int) -> dict:
    """The largest region's map and folium's default map of the same places, each opened ``runs`` times."""
    from playwright.sync_api import sync_playwright

    biggest = max((p.parent.name for p in site.glob("regio-*/index.html")),
                  key=lambda r: len(json.loads((site / "kaarten" / "regio" / f"{r}.json").read_text("utf-8"))["markers"]))
    data = json.loads((site / "kaarten" / "regio" / f"{biggest}.json").read_text("utf-8"))
    points = [(lat, lon, data["partners"][who][0]) for lat, lon, who in data["markers"]]
    folium_peer(site / "bench-folium", points)
    ours, peer = [], []
    with sync_playwright() as p:
        browser = _browser(p)
        for _ in range(runs):
            ours.append(_open_map(browser, f"{base}kaarten/kaart.html?d=regio/{biggest}",
                                  ".folium-map[data-loaded] .leaflet-marker-icon"))
            peer.append(_open_map(browser, f"{base}bench-folium/index.html", ".leaflet-marker-icon"))
        browser.close()
    ours_ms, peer_ms = [t for t, _ in ours], [t for t, _ in peer]
    ours_kb, peer_kb = max(s for _, s in ours) / 1024, max(s for _, s in peer) / 1024
    return {"region": biggest, "places": len(points), "ours_ms": spread(ours_ms), "folium_ms": spread(peer_ms),
            "ours_kb": round(ours_kb), "folium_kb": round(peer_kb),
            "ratio_ms": round(statistics.median(ours_ms) / statistics.median(peer_ms), 2),
            "ratio_kb": round(ours_kb / peer_kb, 2)}


def _serve_edits(config: Path, url: str, target: Path, old: str, new: str, runs: int, ready: str) -> list[float]:
    """Start ``mkdocs serve --dirty``; ``runs`` times: save ``target`` with ``old`` replaced, time until ``url`` shows it."""
    port = int(re.search(r":(\d+)/", url).group(1))
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config), "--dev-addr",
                               f"127.0.0.1:{port}"], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)

    def page_text() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.time() + 600
        while ready not in page_text():
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit(f"mkdocs serve did not start ({config})")
            time.sleep(0.2)
        text = target.read_text(encoding="utf-8")
        times = []
        for edit in range(runs):
            time.sleep(2)  # let the watcher settle
            marker = f"Gewijzigd {edit} {int(time.time())}"
            start = time.perf_counter()
            target.write_text(text.replace(old, new.format(marker=marker), 1), encoding="utf-8")
            while marker not in page_text():
                if time.perf_counter() - start > 300:
                    raise SystemExit("the edit never showed")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
        return times
    finally:
        os.killpg(server.pid, signal.SIGINT)  # like Ctrl-C: mkdocs serve cleans up
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def measure_serve(work: Path, partners: int, runs: int) -> dict:
    """`mkdocs serve --dirty` on one region with ``partners`` partners against plain `mkdocs serve --dirty` of
    a mkdocs-material site with as many pages: save one file, time until the page shows the change."""
    one = {"regio-01": flanders_regions()["regio-01"]}
    data = work / "serve-data"
    write_dataset(data, partners, one, seed=2)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    config = site_config(work / "serve", data, url)
    count = work / "serve-count"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(count)],
                   env=ENV, check=True, capture_output=True)
    pages = sum(1 for _ in count.rglob("index.html"))
    shutil.rmtree(count)
    ours = _serve_edits(config, f"{url}partners/partner-00007/", next(data.rglob("partner-00007.yml")),
                        "korte_beschrijving: ", "korte_beschrijving: {marker}. ", runs, "Partner 7")
    port = free_port()
    plain_url = f"http://127.0.0.1:{port}/"
    plain = baseline_config(work / "serve-basis", trivial_pages(pages), plain_url)
    page = work / "serve-basis" / "docs" / "p" / "pagina-00007.md"
    theirs = _serve_edits(plain, f"{plain_url}p/pagina-00007/", page, "Een korte tekst",
                          "{marker}. Een korte tekst", runs, "Pagina 7")
    return {"partners": partners, "pages": pages, "ours_s": spread(ours), "mkdocs_s": spread(theirs),
            "ratio": round(statistics.median(ours) / statistics.median(theirs), 2)}


def queries_for(partners: int) -> list[str]:
    """The benchmark's queries, with a partner name that exists at this size."""
    return [f"Partner {max(1, partners * 4321 // 10000)}" if q.startswith("Partner ") else q for q in QUERIES]


# The three engines that make the same site (issue 13): MkDocs with our plugin; `netwerkkaart generate` then
# plain mkdocs-material (the generated mkdocs.yml has no plugin); the same generate output built by Zensical.
ENGINES = ("plugin", "generate", "zensical")
ENGINE_NAMES = {"plugin": "mkdocs build met de plugin", "generate": "generate + mkdocs-material (zonder plugin)",
                "zensical": "generate + Zensical"}


def zensical_command() -> str | None:
    """Zensical as the tests find it (tests/browser/test_core_generate_site.py): NK_ZENSICAL, else the one
    installed by .[test] next to this Python, else on PATH."""
    beside = Path(sys.executable).with_name("zensical")
    return os.environ.get("NK_ZENSICAL") or (str(beside) if beside.exists() else None) or shutil.which("zensical")


def zensical_version(command: str) -> str:
    try:
        done = subprocess.run([command, "--version"], env=ENV, capture_output=True, text=True, timeout=60)
        return (done.stdout or done.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "?"


def engine_check(site: Path, partners: int) -> dict:
    """So that a broken engine cannot win: the output has a page per partner, a Pagefind index (a pagefind/
    folder with pagefind.js somewhere in it: one index or one per region) and the map document with its data."""
    partner_pages = sum(1 for _ in site.glob("partners/*/index.html"))
    search = (site / "pagefind").is_dir() and any((site / "pagefind").rglob("pagefind.js"))
    maps = site / "kaarten"
    map_data = sum(1 for _ in maps.rglob("*.json")) if (maps / "kaart.html").is_file() else 0
    return {"partner_pages": partner_pages, "search_index": search, "map_data_files": map_data,
            "ok": partner_pages >= partners and search and map_data > 0}


def engine_facts(site: Path) -> dict:
    """The size facts of site_facts for any engine's output (no wegwijzer or "nu open" detail)."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.name == "index.html"]
    largest = max(pages, key=lambda p: p.stat().st_size, default=None)  # None: a stopped build wrote nothing
    return {"pages": len(pages), "site_mb": round(sum(p.stat().st_size for p in files) / 2**20, 1),
            "largest_page": largest.relative_to(site).parent.as_posix() + "/" if largest else None,
            "largest_page_kb": round(largest.stat().st_size / 1024) if largest else 0,
            "search_index_mb": round(sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()) / 2**20, 1)}


def measure_generated(work: Path, data: Path, partners: int, runs: int, engines: list[str], url: str,
                      timeout: float | None = None) -> dict:
    """`netwerkkaart generate` then each engine on its output, ``runs`` times (each run generates anew, so
    Zensical never starts with its cache): wall time of generate + build (median, min-max), peak memory (the
    larger of the two steps' process trees: they run one after the other), the output's facts and check.
    An engine's build that runs past ``timeout`` seconds is stopped: its time is then a lower bound
    ("stopped_after_s"), its output incomplete, and it is not measured again at this size."""
    bron = work / f"bron-{partners}"
    zensical = zensical_command() if "zensical" in engines else None
    if "zensical" in engines and not zensical:
        raise SystemExit("Zensical niet gevonden: pip install zensical==0.0.73 (zit in .[test]; make setup), "
                         "of NK_ZENSICAL=<pad>, of --engines zonder zensical.")
    steps: dict[str, dict[str, list[float]]] = {e: {"generate_s": [], "generate_mb": [], "build_s": [], "build_mb": []}
                                                for e in engines if e != "plugin"}
    out: dict[str, dict] = {}
    stopped: dict[str, float] = {}
    for i in range(runs):
        gen_s, gen_mb = run_measured([sys.executable, "-m", "generator", "generate", str(bron), "--data", str(data),
                                      "--naam", "Netwerkkaart Vlaanderen", "--site-url", url], cwd=data)
        for engine in steps:
            if engine in stopped:
                continue
            if engine == "generate":
                site = work / f"generate-site-{partners}"
                command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bron / "mkdocs.yml"), "-d", str(site)]
            else:
                site = bron / "site"  # zensical.toml: site_dir = "site"
                command = [zensical, "build", "-f", str(bron / "zensical.toml")]
            remove(site)
            remove(bron / ".cache")  # Zensical's cache: every run builds cold
            settle()
            try:
                build_s, build_mb = run_measured(command, timeout=timeout)
            except TooSlow as slow:
                build_s, build_mb = slow.args
                stopped[engine] = round(build_s, 1)
                print(f"    {ENGINE_NAMES[engine]}: gestopt na {build_s:.0f} s", flush=True)
            for key, value in (("generate_s", gen_s), ("generate_mb", gen_mb), ("build_s", build_s), ("build_mb", build_mb)):
                steps[engine][key].append(value)
            if i == runs - 1 or engine in stopped:  # the facts and the check of the last run's output
                out[engine] = {**engine_facts(site), "check": engine_check(site, partners)}
                if engine in stopped:
                    out[engine]["check"]["ok"] = False
            if engine == "generate":
                remove(site)
    remove(bron)
    for engine, s in steps.items():
        totals = [g + b for g, b in zip(s["generate_s"], s["build_s"])]
        out[engine].update({"name": ENGINE_NAMES[engine], "runs": len(totals), "stopped_after_s": stopped.get(engine),
                            "total_s": spread(totals),
                            "generate_s": spread(s["generate_s"]), "build_s": spread(s["build_s"]),
                            "generate_peak_mb": round(max(s["generate_mb"])), "build_peak_mb": round(max(s["build_mb"])),
                            "peak_mb": round(max(s["generate_mb"] + s["build_mb"]))})
        if engine == "zensical":
            out[engine]["version"] = zensical_version(zensical)
    return out


def measure_size(work: Path, partners: int, runs: int, jsonschema_peer: bool = True,
                 engines: tuple[str, ...] = ENGINES, builds_only: bool = False, engine_timeout: float | None = None) -> dict:
    """One size. ``engines``: which of the three builds to measure; ``builds_only``: only the build rows (no
    validate, coverage, search, map, offline). Search, map and offline need the plugin build's site."""
    data = work / f"data-{partners}"
    write_dataset(data, partners, flanders_regions(), seed=1)
    row: dict = {"partners": partners, "engines": {}}
    if not builds_only:
        print("  valideren", flush=True)
        row["validate"] = measure_validate(data, runs, jsonschema_peer)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site = work / f"site-{partners}" / "site"
    if "plugin" in engines:
        config = site_config(work / f"site-{partners}", data, base)
        print("  build", flush=True)
        row["build_s"], row["build_peak_mb"] = timed_then_memory(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], site,
            work / f"site-{partners}" / "geheugen")
        row["build_peak_rss_mb"] = round(PEAK_RSS["mb"])
        row.update(site_facts(site))
        row["engines"]["plugin"] = {
            "name": ENGINE_NAMES["plugin"], "runs": 1, "total_s": spread([row["build_s"]]),
            "peak_mb": round(row["build_peak_mb"]),
            **{k: row[k] for k in ("pages", "site_mb", "largest_page", "largest_page_kb", "search_index_mb")},
            "check": engine_check(site, partners)}
        if not builds_only:
            print("  dekking", flush=True)
            row["coverage"] = measure_coverage(data, runs, row["build_s"])

    def measure_baseline(pages: int) -> None:
        baseline = baseline_config(work / f"baseline-{partners}", trivial_pages(pages))
        row["baseline_s"], row["baseline_peak_mb"] = timed_then_memory(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(baseline)],
            work / f"baseline-{partners}" / "site", work / f"baseline-{partners}" / "geheugen")
        remove(work / f"baseline-{partners}")

    if "plugin" in engines:
        measure_baseline(row["pages"])  # right after the plugin build, as before the other engines
    others = [e for e in engines if e != "plugin"]
    if others:
        print(f"  generate, dan {' en '.join('mkdocs-material' if e == 'generate' else 'Zensical' for e in others)}",
              flush=True)
        row["engines"].update(measure_generated(work, data, partners, runs, others, base, engine_timeout))
    if "baseline_s" not in row:
        measure_baseline(next(iter(row["engines"].values()))["pages"])
    if "plugin" in engines:
        row["build_ratio"] = round(row["build_s"] / row["baseline_s"], 2)
    for engine in row["engines"].values():  # every engine against the same plain mkdocs-material baseline
        engine["ratio"] = round(engine["total_s"]["median"] / row["baseline_s"], 2)
    if "plugin" in engines and not builds_only:
        measure_in_browser(work, site, partners, runs, row, port, base)
    for folder in (data, site, work / f"plain-{partners}"):
        remove(folder)
    return row


def measure_in_browser(work: Path, site: Path, partners: int, runs: int, row: dict, port: int, base: str) -> None:
    """Search, the region map and the offline pack, on the plugin build's site."""
    # The search peer: the same pages' titles and text as a plain mkdocs-material site with its own search.
    print("  zoeken", flush=True)
    plain_port = free_port()
    plain_base = f"http://127.0.0.1:{plain_port}/"
    plain = baseline_config(work / f"plain-{partners}", content_pages(site), plain_base)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain), "-d",
                    str(work / f"plain-{partners}" / "site")], env=ENV, check=True, capture_output=True)
    (site / "bench-leeg.html").write_text("<!doctype html><title>leeg</title>", encoding="utf-8")
    server, plain_server = serve(site, port), serve(work / f"plain-{partners}" / "site", plain_port)
    try:
        queries = queries_for(partners)
        rounds = [measure_search(base, queries) for _ in range(runs)]  # each query ``runs`` times, cold: the median
        floor = {r["query"]: r for r in measure_pagefind_floor(base, queries, runs)}
        material = {r["query"]: r for r in measure_material(plain_base, queries, runs)}
        row["search"] = []
        for i, first in enumerate(rounds[0]):
            ms = [r[i]["ms_to_first_result"] for r in rounds]
            q = first["query"]
            row["search"].append({
                "query": q, "results": first["results"], "ours_ms": spread(ms),
                "search_kb_fetched": max(r[i]["search_kb_fetched"] for r in rounds),
                "pagefind_ms": floor[q]["ms"], "material_ms": material[q]["ms"], "material_results": material[q]["results"],
                "ratio_pagefind": round(statistics.median(ms) / max(floor[q]["ms"]["median"], 1), 2),
                "ratio_material": round(statistics.median(ms) / max(material[q]["ms"]["median"], 1), 2)})
        row["home_search"] = measure_home_search(base, plain_base, "kinderopvang", runs)
        print("  kaart", flush=True)
        row["region_map"] = measure_region_map(site, base, work, runs)
        print("  offline", flush=True)
        row["offline"] = measure_offline(site, base)
    finally:
        server.shutdown()
        plain_server.shutdown()


def _ratio(value: float, target: float) -> tuple[str, bool]:
    return f"≤ {target}×", value <= target


def engine_verdicts(big: dict, add, out: list[dict]) -> None:
    """The two engines beside the plugin build, with the plugin build's targets: build <= 1.3x the plain
    mkdocs-material baseline of the same run, peak memory <= 1 GB. An output that misses partner pages, the
    search index or the map data does not reach its target, however fast."""
    for key, engine in big["engines"].items():
        if key == "plugin":
            continue  # its rows are the "volledige build" ones above
        check = engine["check"]
        missing = ", ".join(what for what, there in (("partnerpagina's", check["partner_pages"] >= big["partners"]),
                                                     ("zoekindex", check["search_index"]),
                                                     ("kaartgegevens", check["map_data_files"] > 0)) if not there)
        broken = f"; ONVOLLEDIG, ontbreekt: {missing}" if missing else ""
        t = engine["total_s"]
        if engine.get("stopped_after_s"):
            broken = f"; GESTOPT na {engine['stopped_after_s']:.0f} s bouwen: de tijd is een ondergrens{broken}"
        add(f"build {engine['name']} / basis (generate {engine['generate_s']['median']:.1f} s + bouwen "
            f"{engine['build_s']['median']:.1f} s; {t['min']:.1f}–{t['max']:.1f} s over {engine['runs']} run(s)"
            f"{broken})", f"{'> ' if engine.get('stopped_after_s') else ''}{t['median']:.1f} s", f"{big['baseline_s']:.1f} s", engine["ratio"], TARGETS["build_ratio"])
        out[-1]["gehaald"] = out[-1]["gehaald"] and check["ok"]
        add(f"piekgeheugen {engine['name']} (generate {engine['generate_peak_mb']} MB, bouwen "
            f"{engine['build_peak_mb']} MB)", f"{engine['peak_mb']:.0f} MB", "", engine["peak_mb"],
            TARGETS["memory_mb"], absolute=True)
        out[-1]["doel"] = f"≤ {TARGETS['memory_mb']} MB"


def verdicts(rows: list[dict], serve: dict | None) -> list[dict]:
    """One row per target: what, ours, the peer or floor, the ratio, the target, reached or not."""
    big = rows[-1]
    n = f"{big['partners']:,}".replace(",", ".")
    out = []

    def add(what: str, ours: str, peer: str, ratio: float | None, target: float, absolute: bool = False) -> None:
        value = ratio if ratio is not None else float("inf")
        out.append({"wat": what, "wij": ours, "tegen": peer, "verhouding": "" if absolute else f"{ratio}×",
                    "doel": f"≤ {target}" + ("" if absolute else "×"), "gehaald": value <= target})

    if "validate" in big:
        v = big["validate"]
        add(f"valideren ({n} partners) / vloer: libyaml alleen", f"{v['ours_s']['median']:.2f} s",
            f"{v['floor_s']['median']:.2f} s", v["ratio_floor"], TARGETS["validate_floor"])
        if v["peer_check_jsonschema_s"]:
            out.append({"wat": "valideren / check-jsonschema (alleen schema, ter info)", "wij": f"{v['ours_s']['median']:.2f} s",
                        "tegen": f"{v['peer_check_jsonschema_s']['median']:.2f} s", "verhouding": f"{v['ratio_peer']}×",
                        "doel": "—", "gehaald": True})
    if "build_s" in big:
        add("volledige build / basis (mkdocs-material, evenveel pagina's)", f"{big['build_s']:.1f} s",
            f"{big['baseline_s']:.1f} s", big["build_ratio"], TARGETS["build_ratio"])
        out[-1]["gehaald"] = out[-1]["gehaald"] and big["engines"]["plugin"]["check"]["ok"]
        add("piekgeheugen van de build (alle processen, PSS; RSS opgeteld "
            f"{big.get('build_peak_rss_mb', 0):.0f} MB)", f"{big['build_peak_mb']:.0f} MB", "", big["build_peak_mb"],
            TARGETS["memory_mb"], absolute=True)
        out[-1]["doel"] = f"≤ {TARGETS['memory_mb']} MB"
        if len(rows) > 1 and "build_s" in rows[0]:
            growth = round(rows[-1]["build_s"] / rows[0]["build_s"], 2)
            add(f"groei build {rows[0]['partners']:,} → {big['partners']:,}".replace(",", "."),
                f"{rows[-1]['build_s']:.1f} s", f"{rows[0]['build_s']:.1f} s", growth, TARGETS["growth"])
    engine_verdicts(big, add, out)
    if "search" in big:
        worst_m = max(big["search"], key=lambda q: q["ratio_material"])
        add(f"zoeken: eerste resultaat / mkdocs-material (slechtste: {worst_m['query']})",
            f"{worst_m['ours_ms']['median']:.0f} ms", f"{worst_m['material_ms']['median']:.0f} ms",
            worst_m["ratio_material"], TARGETS["search_vs_material"])
        worst_p = max(big["search"], key=lambda q: q["ratio_pagefind"])
        add(f"zoeken: eerste resultaat / Pagefind alleen (slechtste: {worst_p['query']})",
            f"{worst_p['ours_ms']['median']:.0f} ms", f"{worst_p['pagefind_ms']['median']:.0f} ms",
            worst_p["ratio_pagefind"], TARGETS["search_vs_pagefind"])
        hs = big["home_search"]
        add(f"zoeken vanaf de startpagina / mkdocs-material ({hs['query']})", f"{hs['ours_ms']['median']:.0f} ms",
            f"{hs['material_ms']['median']:.0f} ms", hs["ratio"], TARGETS["home_search_vs_material"])
        heaviest = max(big["search"], key=lambda q: q["search_kb_fetched"])
        add(f"zoeken: opgehaald (meeste: {heaviest['query']})", f"{heaviest['search_kb_fetched']} KB", "",
            heaviest["search_kb_fetched"], TARGETS["search_kb"], absolute=True)
        out[-1]["doel"] = f"≤ {TARGETS['search_kb']} KB"
        rm = big["region_map"]
        add(f"regiokaart ({rm['places']} plaatsen): tijd / folium standaard", f"{rm['ours_ms']['median']:.0f} ms",
            f"{rm['folium_ms']['median']:.0f} ms", rm["ratio_ms"], TARGETS["map_ms_vs_folium"])
        add("regiokaart: bytes / folium standaard", f"{rm['ours_kb']} KB", f"{rm['folium_kb']} KB", rm["ratio_kb"],
            TARGETS["map_kb_vs_folium"])
        add("regiokaart: bytes", f"{rm['ours_kb']} KB", "", rm["ours_kb"], TARGETS["map_kb"], absolute=True)
        out[-1]["doel"] = f"≤ {TARGETS['map_kb']} KB"
        add("wegwijzer: opgehaald voor één regio", f"{big['wegwijzer_kb']} KB", "", big["wegwijzer_kb"],
            TARGETS["wegwijzer_kb"], absolute=True)
        out[-1]["doel"] = f"≤ {TARGETS['wegwijzer_kb']} KB"
        ow = big["open_weight"]  # "nu open": the hours against the page without them (open_weight)
        worst = ow["pages"][ow["worst"]]
        add(f"nu open: uren op de pagina / pagina zonder ({worst['page']}; gzip + {worst['hours_gzip_kb']} KB; "
            f"+ {ow['scripts_kb']} KB scripts één keer; wegwijzer + {ow['wegwijzer_hours_kb']} KB; "
            f"kaart: {ow['map_first_popup_kb']} KB bij de eerste pop-up)",
            f"{worst['hours_kb']} KB", f"{worst['page_kb']} KB", worst["share"], TARGETS["open_share"])
        out[-1]["verhouding"] = f"{worst['share']:.1%}".replace(".", ",")
        out[-1]["doel"] = f"≤ {TARGETS['open_share']:.0%}"
        off = big["offline"]  # on the device: what the browser counts for its cache storage (bodies + its own overhead)
        stored = off["storage_mb"] or off["mb"]
        add(f"offline-pakket van één regio ({off['partners']} partners; tekst ingepakt: {off['mb']:.1f} MB aan bestanden, "
            f"uitgepakt {off['files_mb']:.1f} MB; bewaard in {off['save_s']:.1f} s bij belasting {off['load'][0]:.1f}, "
            f"doel ≤ {OFFLINE_TARGETS['offline_save_s']} s)", f"{stored:.1f} MB", "", stored,
            OFFLINE_TARGETS["offline_mb"], absolute=True)
        out[-1]["doel"] = f"≤ {OFFLINE_TARGETS['offline_mb']} MB"
        out[-1]["gehaald"] = out[-1]["gehaald"] and off["save_s"] <= OFFLINE_TARGETS["offline_save_s"]
    if "coverage" in big:
        cov = big["coverage"]
        add(f"dekking ({cov['pages']} pagina's, {cov['maps']} kaarten) / volledige build, zelfde run",
            f"{cov['s']['median']:.2f} s", f"{big['build_s']:.1f} s", cov["share"], TARGETS["coverage_share"], absolute=True)
        out[-1]["verhouding"] = f"{cov['share'] * 100:.1f}%"
        out[-1]["doel"] = f"≤ {TARGETS['coverage_share'] * 100:.0f}%"
    if serve is not None:
        add(f"make serve: wijziging zichtbaar / mkdocs serve ({serve['pages']} pagina's)",
            f"{serve['ours_s']['median']:.1f} s", f"{serve['mkdocs_s']['median']:.1f} s", serve["ratio"],
            TARGETS["serve_vs_mkdocs"])
    return out


def print_table(rows: list[dict], serve: dict | None, checks: list[dict]) -> None:
    print()
    if any("validate" in r and "build_s" in r for r in rows):
        print(f"{'partners':>9} {'valideren':>10} {'vloer':>8} {'build':>8} {'basis':>8} {'ratio':>6} {'geheugen':>9} "
              f"{'site':>8} {'pagina':>7} {'grootste pagina':>34}")
    for r in rows:
        if "validate" in r and "build_s" in r:
            print(f"{r['partners']:>9} {r['validate']['ours_s']['median']:>8.2f} s {r['validate']['floor_s']['median']:>6.2f} s "
                  f"{r['build_s']:>6.1f} s {r['baseline_s']:>6.1f} s {r['build_ratio']:>5}× {r['build_peak_mb']:>6.0f} MB "
                  f"{r['site_mb']:>5.0f} MB {r['pages']:>7} {r['largest_page'] + ' ' + str(r['largest_page_kb']) + ' KB':>34}")
    for r in rows:  # the three engines, each against the same baseline of this size
        print(f"\nbouwen bij {r['partners']} partners, basis (mkdocs-material, evenveel pagina's) {r['baseline_s']:.1f} s "
              f"(belasting {r['load'][0]:.1f} → {r['load'][1]:.1f}):")
        print(f"  {'motor':<44} {'tijd (min–max)':>22} {'verhouding':>10} {'geheugen':>9} {'pagina':>7} {'site':>8} "
              f"{'zoekindex':>9}  controle")
        for e in r["engines"].values():
            t, c = e["total_s"], e["check"]
            print(f"  {e['name']:<44} {t['median']:>6.1f} s ({t['min']:.1f}–{t['max']:.1f}) {e['ratio']:>9}× "
                  f"{e['peak_mb']:>6.0f} MB {e['pages']:>7} {e['site_mb']:>5.0f} MB {e['search_index_mb']:>6.1f} MB  "
                  f"{'in orde' if c['ok'] else 'ONVOLLEDIG'} ({c['partner_pages']} partnerpagina's, "
                  f"zoekindex {'ja' if c['search_index'] else 'nee'}, {c['map_data_files']} kaartbestanden)")
    for r in rows:
        if "search" not in r:
            continue
        print(f"\nzoeken bij {r['partners']} partners (wij / Pagefind alleen / mkdocs-material, ms; KB):")
        for q in r["search"]:
            print(f"  {q['query']:<14} {q['ours_ms']['median']:>6.0f} / {q['pagefind_ms']['median']:>6.0f} / "
                  f"{q['material_ms']['median']:>6.0f}   {q['search_kb_fetched']:>4} KB")
    print()
    width = max(len(c["wat"]) for c in checks)
    print(f"  {'wat':<{width}} {'wij':>10} {'tegen':>10} {'verhouding':>10}  doel")
    for c in checks:
        print(f"{'✓' if c['gehaald'] else '✗'} {c['wat']:<{width}} {c['wij']:>10} {c['tegen']:>10} "
              f"{c['verhouding']:>10}  {c['doel']}")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per noisy figure (median, min-max)")
    parser.add_argument("--serve-partners", type=int, default=1000)
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    parser.add_argument("--no-jsonschema-peer", action="store_true",
                        help="skip check-jsonschema (a few minutes at 10,000 partners; it is reported, not a target)")
    parser.add_argument("--engines", default=",".join(ENGINES),
                        help="which builds to measure, comma-separated: plugin (mkdocs build with the plugin), "
                             "generate (netwerkkaart generate + plain mkdocs-material), zensical (generate + Zensical); "
                             "search, map, offline and coverage need plugin")
    parser.add_argument("--builds-only", action="store_true",
                        help="only the build rows (no validate, coverage, search, map, offline; add --no-serve)")
    parser.add_argument("--engine-timeout", type=float, default=None, metavar="S",
                        help="stop the generate engines' build after S seconds (its time is then a lower bound)")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "flanders.json")
    args = parser.parse_args(argv)
    engines = tuple(e.strip() for e in args.engines.split(",") if e.strip())
    if not engines or set(engines) - set(ENGINES):
        parser.error(f"--engines: kies uit {', '.join(ENGINES)}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="netwerkkaart-bench-") as tmp:
        work = Path(tmp)
        BIN["dir"] = work / "weg"
        try:
            for size in args.sizes:
                print(f"… {size} partners", flush=True)
                before = os.getloadavg()[0]
                rows.append(measure_size(work, size, args.runs, not args.no_jsonschema_peer, engines, args.builds_only,
                                         args.engine_timeout))
                rows[-1]["load"] = [round(before, 1), round(os.getloadavg()[0], 1)]  # 1-minute load, before and after
            serve_row = None
            if not args.no_serve:
                print(f"… mkdocs serve, {args.serve_partners} partners", flush=True)
                serve_row = measure_serve(work, args.serve_partners, args.runs)
        finally:
            BIN["dir"] = None
    checks = verdicts(rows, serve_row)
    print_table(rows, serve_row, checks)
    result = {"date": time.strftime("%Y-%m-%d"),
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                         f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB, "
                         f"Python {platform.python_version()}, {platform.platform()}",
              "note": "Absolute times are this machine's; the targets are the ratios and the byte/memory figures.",
              "engines": list(engines),
              "zensical": zensical_version(zensical_command()) if "zensical" in engines else None,
              "queries": QUERIES, "sizes": rows, "serve": serve_row, "targets": TARGETS, "verdicts": checks}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\n{args.out}")
    return result


if __name__ == "__main__":
    main()
