"""Benchmark: Pagefind search on a site with N synthetic partners (issue target at 10,000:
first results <= 100 ms after a full page load, <= 500 KB transferred).

    python benchmarks/search_bench.py [--partners 10000]

Builds the site with `mkdocs build`, serves it on 127.0.0.1, opens the search page in
Debian's chromium, waits for the full load, then types queries and measures the time to
the first rendered result and the bytes fetched for search. Writes benchmarks/out/search.json.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import EXAMPLE_REGIONS, flanders_regions, write_dataset  # noqa: E402

QUERIES = ["Partner 4321", "2390", "OCMW", "kinderopvang", "Zele", "Dendermonde"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--partners", type=int, default=10000)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (for profiling)")
    parser.add_argument("--spread", choices=["vlaanderen", "voorbeeld"], default="vlaanderen",
                        help="vlaanderen: 285 gemeenten in 16 regio's; voorbeeld: alles in 12 gemeenten (slechtste geval)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        write_dataset(work / "data", args.partners, flanders_regions() if args.spread == "vlaanderen" else EXAMPLE_REGIONS)
        (work / "docs").mkdir()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        base = f"http://127.0.0.1:{port}/"
        (work / "mkdocs.yml").write_text(
            f"site_name: Bench\nsite_url: {base}\ndocs_dir: docs\ntheme:\n  name: material\n  language: nl\n"
            f"  font: false\n  features: [navigation.instant]\nplugins:\n  - netwerkkaart:\n      data_dir: {work / 'data'}\n",
            encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml"), "-d",
                        str(work / "site")], check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        build_seconds = time.perf_counter() - start
        index_bytes = sum(p.stat().st_size for p in (work / "site" / "pagefind").rglob("*") if p.is_file())
        handler = functools.partial(Quiet, directory=str(work / "site"))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        rows = measure(base)
        server.shutdown()
    result = {"partners": args.partners, "spread": args.spread, "build_seconds": round(build_seconds, 1),
              "pagefind_bundle_bytes_on_disk": index_bytes, "queries": rows, "date": time.strftime("%Y-%m-%d")}
    print(f"partners: {args.partners}  build: {build_seconds:.1f} s  pagefind bundle on disk: {index_bytes / 1e6:.1f} MB")
    print(f"{'zoekterm':<16} {'eerste resultaat (ms)':>22} {'opgehaald voor zoeken (KB)':>27} {'resultaten':>10}")
    for r in rows:
        print(f"{r['query']:<16} {r['ms_to_first_result']:>22} {r['search_kb_fetched']:>27} {r['results']:>10}")
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "search.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


def measure(base: str, queries: list[str] = QUERIES) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("NK_CHROMIUM", "/usr/bin/chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for query in queries:
            page = browser.new_context().new_page()  # a cold cache for every query
            fetched = []
            page.on("requestfinished", lambda r: fetched.append(r))
            page.goto(base + "zoeken/", wait_until="networkidle")  # the full page load, engine included
            before = len(fetched)
            # Timed inside the page: from the Enter key to the first result in the DOM. The query is typed
            # and submitted in one step (typing alone starts a search after 150 ms: on a busy machine its
            # results could come before a separate Enter, and the time would be wrong).
            page.evaluate("""(q) => {
                const input = document.querySelector('#nk-q');
                new MutationObserver((m, obs) => {
                    if (document.querySelector('[data-nk-results] li:not([hidden]) a')) {
                        window.__t1 = performance.now(); obs.disconnect();
                    }
                }).observe(document.querySelector('[data-nk-results]'), {childList: true, subtree: true});
                input.value = q;
                input.dispatchEvent(new Event('input', {bubbles: true}));  // as typing: the index chunks are preloaded
                window.__t0 = performance.now();
                input.form.requestSubmit();  // Enter
            }""", query)
            page.wait_for_function("window.__t1 !== undefined")
            elapsed = page.evaluate("window.__t1 - window.__t0")
            page.wait_for_load_state("networkidle")
            size = 0
            for request in fetched:
                if "/pagefind/" in request.url or request.url.endswith("/zoeken/termen.json"):  # all that search fetches
                    sizes = request.sizes()
                    size += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            rows.append({"query": query, "ms_to_first_result": round(elapsed), "results": page.locator("[data-nk-results] li").count(),
                         "search_kb_fetched": round(size / 1024), "requests_after_load": len(fetched) - before})
            page.context.close()
        browser.close()
    return rows


if __name__ == "__main__":
    main()
