"""Benchmark: load + validate N synthetic partners (issue target: 5,000 in <= 3 s on 2 cores).

    python benchmarks/validate_bench.py [--partners 5000] [--runs 3]

Prints a table and writes benchmarks/out/validate.json. Not a test: timings vary per machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import EXAMPLE_REGIONS, write_dataset  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--partners", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        write_dataset(data, args.partners, EXAMPLE_REGIONS)
        times = []
        for _ in range(args.runs):
            # A fresh process each run: import and reference-data loading count, as for a real user.
            code = ("import time,sys; t=time.perf_counter(); from generator.validate import validate_folder; "
                    "r=validate_folder(sys.argv[1]); "
                    "print(time.perf_counter()-t, len(r.project.records), len(r.errors), len(r.warnings))")
            out = subprocess.run([sys.executable, "-c", code, str(data)], capture_output=True, text=True, check=True)
            seconds, records, errors, warnings = out.stdout.split()
            times.append(float(seconds))
    result = {
        "partners": args.partners, "files": int(records), "errors": int(errors), "warnings": int(warnings),
        "seconds_median": round(statistics.median(times), 3), "seconds_all": [round(t, 3) for t in times],
        "target_seconds": 3.0, "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
    }
    print(f"{'partners':>10} {'bestanden':>10} {'fouten':>7} {'mediaan (s)':>12} {'doel (s)':>9}")
    print(f"{args.partners:>10} {result['files']:>10} {result['errors']:>7} {result['seconds_median']:>12} {3.0:>9}")
    out_dir = Path(__file__).parent / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "validate.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    if result["errors"]:
        sys.exit("synthetic data should be valid")


if __name__ == "__main__":
    main()
