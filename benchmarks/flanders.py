"""Flanders scale: one command that builds synthetic data at 1,000 and 10,000 partners and measures
everything the targets are about. Prints a table and writes benchmarks/out/flanders.json.

    python benchmarks/flanders.py                 # 1,000 and 10,000 partners (about 5 minutes)
    python benchmarks/flanders.py --sizes 1000    # quicker

Per size, in one run on this machine:
- validate: ``validate_folder`` in a fresh process (median of 3), and the ``netwerkkaart validate`` command;
- full build: ``mkdocs build`` of the site (search index, maps and exports included);
- baseline: ``mkdocs build`` of a plain mkdocs-material site (same theme settings, its own search
  plugin) with as many trivial pages as the full site has pages, built right after it, and the ratio;
- peak memory: the largest sum of resident memory of the build's process tree (sampled every 20 ms;
  pages shared after fork count twice, so this errs high);
- site size, largest page, search index size;
- search in headless Chromium: time to the first result (median of 3, cold cache) and bytes fetched, per query;
- region map (the largest region): bytes of the map (document, data, borders, Leaflet) and time to markers;
- ``mkdocs serve --dirty`` (as ``make serve``) on one region of 1,000 partners: time from saving a YAML
  edit to the page showing it (median of 3 edits).
"""

from __future__ import annotations

import argparse
import functools
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
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
CHROMIUM = os.environ.get("NK_CHROMIUM", "/usr/bin/chromium")
TARGETS = {"validate_s": 3.0, "build_ratio": 1.3, "growth": 11.0, "memory_mb": 1024, "search_ms": 100,
           "search_kb": 500, "map_kb": 300, "map_ms": 500, "serve_s": 3.0}
THEME = "theme:\n  name: material\n  language: nl\n  font: false\n  features: [navigation.instant, navigation.tabs]\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants, from /proc."""
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
    total = 0
    for pid in family:
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    return total / 2**20


def run_measured(command: list[str], **kwargs) -> tuple[float, float]:
    """Run ``command``; return (seconds, peak MB of its process tree)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kwargs)
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, tree_rss_mb(process.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    output = process.stdout.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output}")
    return seconds, peak


def validate_seconds(data: Path) -> tuple[float, float]:
    code = ("import sys, time; from pathlib import Path; from generator.validate import validate_folder; "
            "t = time.perf_counter(); r = validate_folder(Path(sys.argv[1])); s = time.perf_counter() - t; "
            "assert not r.errors, r.errors[:3]; print(s)")
    runs = [float(subprocess.run([sys.executable, "-c", code, str(data)], env=ENV, check=True, capture_output=True,
                                 text=True).stdout) for _ in range(3)]
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "validate", str(data)], env=ENV, check=True, capture_output=True)
    return statistics.median(runs), time.perf_counter() - start


def site_config(folder: Path, data: Path, url: str) -> Path:
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(f"site_name: Netwerkkaart Vlaanderen\nsite_url: {url}\ndocs_dir: docs\n{THEME}"
                    f"plugins:\n  - netwerkkaart:\n      data_dir: {data}\n", encoding="utf-8")
    return path


def baseline_config(folder: Path, pages: int) -> Path:
    docs = folder / "docs"
    (docs / "p").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Start\n\nEen gewone site.\n", encoding="utf-8")
    for i in range(pages - 1):
        (docs / "p" / f"pagina-{i:05d}.md").write_text(f"# Pagina {i}\n\nEen korte tekst over pagina {i}.\n",
                                                       encoding="utf-8")
    # Not in the nav, like our partner pages: a nav with every page makes MkDocs quadratic
    # (1,000 such pages took 19 s instead of 1.7 s).
    path = folder / "mkdocs.yml"
    path.write_text(f"site_name: Basis\nsite_url: http://127.0.0.1:9/\n{THEME}"
                    "nav:\n  - Start: index.md\nnot_in_nav: |\n  /p/\n", encoding="utf-8")
    return path


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
    }


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):  # a closed tab
            super().handle_error(request, client_address)


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    server = Server(("127.0.0.1", port), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure_region_map(base: str, region: str, runs: int = 3) -> dict:
    """Open the region page's map document with a cold cache and no tiles; bytes and time to markers."""
    from playwright.sync_api import sync_playwright

    times, sizes, markers = [], [], 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                                    "--disable-background-networking"])
        for _ in range(runs):
            context = browser.new_context()
            context.route(re.compile(r"^https?://(?!127\.0\.0\.1).*"), lambda route: route.abort())  # no tiles
            page = context.new_page()
            done = []
            page.on("requestfinished", lambda r: done.append(r))
            page.goto(f"{base}kaarten/kaart.html?d=regio/{region}")
            page.wait_for_selector(".folium-map[data-loaded] .leaflet-marker-icon")
            times.append(page.evaluate("performance.now()"))
            markers = int(page.get_attribute(".folium-map", "data-markers"))
            page.wait_for_load_state("networkidle")
            sizes.append(sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in done))
            context.close()
        browser.close()
    return {"region": region, "markers": markers, "kb": round(max(sizes) / 1024),
            "ms_to_markers": round(statistics.median(times))}


def measure_serve(work: Path, partners: int = 1000) -> float:
    """`mkdocs serve` on one region with ``partners`` partners: save an edit, time until the page shows it."""
    one = {"regio-01": flanders_regions()["regio-01"]}
    data = work / "serve-data"
    write_dataset(data, partners, one, seed=2)
    port = free_port()
    config = site_config(work / "serve", data, f"http://127.0.0.1:{port}/")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config), "--dev-addr",
                               f"127.0.0.1:{port}"], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    url = f"http://127.0.0.1:{port}/partners/partner-00007/"

    def page_text() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.time() + 300
        while "Partner 7" not in page_text():
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.2)
        target = next(data.rglob("partner-00007.yml"))
        text = target.read_text(encoding="utf-8")
        times = []
        for edit in range(3):
            time.sleep(2)  # let the watcher settle
            marker = f"Gewijzigd {edit} {int(time.time())}"
            start = time.perf_counter()
            target.write_text(text.replace("korte_beschrijving: ", f"korte_beschrijving: {marker}. ", 1), encoding="utf-8")
            while marker not in page_text():
                if time.perf_counter() - start > 120:
                    raise SystemExit("the edit never showed")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    finally:
        os.killpg(server.pid, signal.SIGINT)  # like Ctrl-C: mkdocs serve cleans up
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def measure_size(work: Path, partners: int) -> dict:
    data = work / f"data-{partners}"
    write_dataset(data, partners, flanders_regions(), seed=1)
    row: dict = {"partners": partners}
    row["validate_s"], row["validate_command_s"] = validate_seconds(data)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    config = site_config(work / f"site-{partners}", data, base)
    site = work / f"site-{partners}" / "site"
    row["build_s"], row["build_peak_mb"] = run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                                                         str(config), "-d", str(site)])
    row.update(site_facts(site))
    baseline = baseline_config(work / f"baseline-{partners}", row["pages"])
    row["baseline_s"], row["baseline_peak_mb"] = run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                                                               str(baseline), "-d", str(work / f"baseline-{partners}" / "site")])
    row["build_ratio"] = round(row["build_s"] / row["baseline_s"], 2)
    server = serve(site, port)
    try:
        runs = [measure_search(base) for _ in range(3)]  # each query 3 times, cold: the median
        row["search"] = [dict(first, ms_to_first_result=round(statistics.median(r[i]["ms_to_first_result"] for r in runs)),
                              search_kb_fetched=max(r[i]["search_kb_fetched"] for r in runs),
                              ms_all=[r[i]["ms_to_first_result"] for r in runs])
                         for i, first in enumerate(runs[0])]
        biggest = max((p.parent.name for p in site.glob("regio-*/index.html")),
                      key=lambda r: len(json.loads((site / "kaarten" / "regio" / f"{r}.json").read_text("utf-8"))["markers"]))
        row["region_map"] = measure_region_map(base, biggest)
    finally:
        server.shutdown()
    for folder in (data, site, work / f"baseline-{partners}"):
        shutil.rmtree(folder, ignore_errors=True)
    return row


def verdicts(rows: list[dict], serve_s: float | None) -> list[tuple[str, str, str, bool]]:
    big = rows[-1]
    out = [
        (f"valideren, {big['partners']:,} partners".replace(",", "."), f"{big['validate_s']:.2f} s", f"≤ {TARGETS['validate_s']} s",
         big["validate_s"] <= TARGETS["validate_s"]),
        ("volledige build / basis", f"{big['build_s']:.1f} s / {big['baseline_s']:.1f} s = {big['build_ratio']}×",
         f"≤ {TARGETS['build_ratio']}×", big["build_ratio"] <= TARGETS["build_ratio"]),
        ("piekgeheugen (build)", f"{big['build_peak_mb']:.0f} MB", f"≤ {TARGETS['memory_mb']} MB",
         big["build_peak_mb"] <= TARGETS["memory_mb"]),
    ]
    if len(rows) > 1:
        growth = rows[-1]["build_s"] / rows[0]["build_s"]
        out.append((f"groei build {rows[0]['partners']:,} → {big['partners']:,}".replace(",", "."), f"{growth:.1f}×",
                    f"≤ {TARGETS['growth']}×", growth <= TARGETS["growth"]))
    slowest = max(big["search"], key=lambda q: q["ms_to_first_result"])
    heaviest = max(big["search"], key=lambda q: q["search_kb_fetched"])
    out.append(("zoeken: eerste resultaat (traagste)", f"{slowest['ms_to_first_result']} ms ({slowest['query']})",
                f"≤ {TARGETS['search_ms']} ms", slowest["ms_to_first_result"] <= TARGETS["search_ms"]))
    out.append(("zoeken: opgehaald (meeste)", f"{heaviest['search_kb_fetched']} KB ({heaviest['query']})",
                f"≤ {TARGETS['search_kb']} KB", heaviest["search_kb_fetched"] <= TARGETS["search_kb"]))
    rm = big["region_map"]
    out.append((f"regiokaart ({rm['markers']} plaatsen)", f"{rm['kb']} KB, {rm['ms_to_markers']} ms",
                f"≤ {TARGETS['map_kb']} KB, ≤ {TARGETS['map_ms']} ms",
                rm["kb"] <= TARGETS["map_kb"] and rm["ms_to_markers"] <= TARGETS["map_ms"]))
    if serve_s is not None:
        out.append(("mkdocs serve: wijziging zichtbaar (regio met 1.000)", f"{serve_s:.1f} s", f"≤ {TARGETS['serve_s']} s",
                    serve_s <= TARGETS["serve_s"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "flanders.json")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="netwerkkaart-bench-") as tmp:
        work = Path(tmp)
        for size in args.sizes:
            print(f"… {size} partners", flush=True)
            rows.append(measure_size(work, size))
        serve_s = None if args.no_serve else measure_serve(work)
    print()
    print(f"{'partners':>9} {'valideren':>10} {'build':>8} {'basis':>8} {'ratio':>6} {'geheugen':>9} {'site':>8} "
          f"{'pagina':>7} {'grootste pagina':>34} {'zoekindex':>10}")
    for r in rows:
        print(f"{r['partners']:>9} {r['validate_s']:>8.2f} s {r['build_s']:>6.1f} s {r['baseline_s']:>6.1f} s "
              f"{r['build_ratio']:>5}× {r['build_peak_mb']:>6.0f} MB {r['site_mb']:>5.0f} MB {r['pages']:>7} "
              f"{r['largest_page'] + ' ' + str(r['largest_page_kb']) + ' KB':>34} {r['search_index_mb']:>7} MB")
    for r in rows:
        print(f"\nzoeken bij {r['partners']} partners: " + ", ".join(
            f"{q['query']} {q['ms_to_first_result']} ms/{q['search_kb_fetched']} KB" for q in r["search"]))
    print()
    checks = verdicts(rows, serve_s)
    for name, measured, target, ok in checks:
        print(f"{'✓' if ok else '✗'} {name:<52} {measured:<36} doel {target}")
    result = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}", "queries": QUERIES, "sizes": rows, "serve_edit_s": serve_s,
              "targets": TARGETS, "verdicts": [{"wat": n, "gemeten": m, "doel": t, "gehaald": ok} for n, m, t, ok in checks]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\n{args.out}")


if __name__ == "__main__":
    main()
