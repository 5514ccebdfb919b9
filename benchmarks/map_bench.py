"""Benchmark: a region map with N partners (issue target at 1,000: <= 300 KB before tiles,
markers on screen <= 500 ms in headless Chromium).

    python benchmarks/map_bench.py [--partners 1000]

Renders only the maps (no MkDocs), serves them on 127.0.0.1, opens the region map with a cold
cache and no tiles, and measures the bytes transferred and the time from navigation start
to the markers being on the map. Writes benchmarks/out/map.json.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_dataset  # noqa: E402

from generator.render import maps  # noqa: E402
from generator.model import build_site  # noqa: E402
from generator.validate.pipeline import validate_folder  # noqa: E402

REGION = {"bench": ["42003", "42004", "42006", "42008", "42011", "42028"]}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--partners", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_dataset(work / "data", args.partners, REGION)
        site = build_site(validate_folder(work / "data").project)
        files, site_maps = maps.render_maps(site, maps.Tiles(None))
        for item in files + maps.asset_files():
            target = work / "site" / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.content if isinstance(item.content, bytes) else item.content.encode("utf-8"))
        region_map = next(m for m in site_maps if m.name == "regio/bench")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(work / "site")))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        times, sizes = [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("NK_CHROMIUM", "/usr/bin/chromium"),
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for _ in range(args.runs):
                page = browser.new_context().new_page()
                done = []
                page.on("requestfinished", lambda r: done.append(r))
                page.on("pageerror", lambda e: print("pageerror", e))
                page.on("console", lambda m: print("console", m.text) if m.type == "error" else None)
                page.goto(f"http://127.0.0.1:{port}/{maps.DOCUMENT}?d={region_map.name}")
                page.wait_for_selector(".folium-map[data-loaded] .leaflet-marker-icon")
                times.append(page.evaluate("performance.now()"))
                page.wait_for_load_state("networkidle")
                sizes.append(sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in done))
                page.context.close()
            browser.close()
        server.shutdown()
    times.sort()
    result = {"partners": args.partners, "markers": region_map.markers, "kb_before_tiles": round(max(sizes) / 1024),
              "ms_to_markers_median": round(times[len(times) // 2]), "ms_all": [round(t) for t in times],
              "targets": {"kb": 300, "ms": 500}, "date": time.strftime("%Y-%m-%d")}
    print(f"partners {args.partners}, markers {region_map.markers}: {result['kb_before_tiles']} KB before tiles, "
          f"markers after {result['ms_to_markers_median']} ms (median of {args.runs}; targets 300 KB, 500 ms)")
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "map.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
