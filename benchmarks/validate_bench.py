"""Benchmark: `netwerkkaart validate` on N synthetic partners against the libyaml floor of the same run.

    python benchmarks/validate_bench.py [--partners 10000] [--runs 3] [--example-regions] [--data DIR] [--compare TREE]

The floor is the one of docs/over-snelheid.md (benchmarks/flanders.py): read every file and let libyaml
produce its events, in one process, nothing else. Ours is the whole command (Python start-up included).
The runs are interleaved (ours, floor, ours, floor, ...) so a machine that gets busier or quieter
moves both alike; the target is a ratio (<= 2.5x the floor), never a time. ``--compare TREE`` also runs
the command from another checkout of the project (for example the code before a change, from
``git worktree add`` or ``git archive``) in the same rounds: before and after on the same data.

Prints a table and writes benchmarks/out/validate.json. Not a test: timings vary per machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from flanders import FLOOR  # noqa: E402  (the Flanders benchmark's floor: libyaml events only)
from synthetic import EXAMPLE_REGIONS, flanders_regions, write_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.5


def timed(command: list[str], cwd: Path, ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system, worker processes included) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(data: Path, runs: int, compare: Path | None) -> dict:
    """Interleaved rounds: ours (this tree), the floor, and the other tree if given; medians and ratios."""
    # `python -m generator` from a tree's folder imports that tree's generator package.
    trees = {"ours": ROOT} | ({"compare": compare.resolve()} if compare else {})
    times: dict[str, list[float]] = {name: [] for name in (*trees, "floor")}
    cpu: dict[str, list[float]] = {name: [] for name in times}
    command = [sys.executable, "-m", "generator", "validate", str(data)]
    for _ in range(runs):
        for name, tree in trees.items():
            wall, used = timed(command, tree)
            times[name].append(wall)
            cpu[name].append(used)
        wall, used = timed([sys.executable, "-c", FLOOR, str(data)], ROOT)
        times["floor"].append(wall)
        cpu["floor"].append(used)
    median = {name: statistics.median(values) for name, values in times.items()}
    cpu_median = {name: statistics.median(values) for name, values in cpu.items()}
    result: dict = {name: {"median": round(median[name], 3), "all": [round(t, 3) for t in values],
                           "cpu_median": round(cpu_median[name], 3)}
                    for name, values in times.items()}
    # The target is the wall-clock ratio; the CPU ratio (all processes) moves less on a busy machine.
    result["ratio_floor"] = round(median["ours"] / median["floor"], 2)
    result["cpu_ratio_floor"] = round(cpu_median["ours"] / cpu_median["floor"], 2)
    if compare:
        result["compare_ratio_floor"] = round(median["compare"] / median["floor"], 2)
        result["compare_cpu_ratio_floor"] = round(cpu_median["compare"] / cpu_median["floor"], 2)
        result["ours_vs_compare"] = round(median["ours"] / median["compare"], 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--partners", type=int, nargs="+", default=[10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--example-regions", action="store_true",
                        help="the two small example regions instead of the 285 municipalities in 16 regions (as flanders.py)")
    parser.add_argument("--data", type=Path, help="a folder per size to keep (or reuse) the synthetic data in")
    parser.add_argument("--compare", type=Path, help="another checkout of the project to time in the same rounds")
    args = parser.parse_args()
    regions = EXAMPLE_REGIONS if args.example_regions else flanders_regions()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.partners:
            data = (args.data or Path(tmp)) / f"partners-{size}{'-example' if args.example_regions else '-vl'}"
            if not (data / "partners").is_dir():
                write_dataset(data, size, regions)
            row = {"partners": size, **measure(data, args.runs, args.compare)}
            rows.append(row)
    # On a shared machine the clock times move with the load; the processor time of all processes moves less.
    print(f"belasting (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())} op {os.cpu_count()} kernen")
    print(f"{'partners':>9} {'wij (s)':>8} {'vloer (s)':>9} {'verhouding':>10} {'doel':>5} {'cpu wij':>8} {'cpu vloer':>9} {'cpu-verh.':>9}"
          + (f" {'vergeleken (s)':>14} {'verhouding':>10} {'cpu verg.':>9} {'cpu-verh.':>9} {'wij/vergeleken':>14} {'cpu wij/verg.':>13}"
             if args.compare else ""))
    for r in rows:
        line = (f"{r['partners']:>9} {r['ours']['median']:>8.2f} {r['floor']['median']:>9.2f} "
                f"{r['ratio_floor']:>9.2f}x {TARGET_RATIO:>4}x {r['ours']['cpu_median']:>8.2f} {r['floor']['cpu_median']:>9.2f}"
                f" {r['cpu_ratio_floor']:>8.2f}x")
        if args.compare:
            line += (f" {r['compare']['median']:>14.2f} {r['compare_ratio_floor']:>9.2f}x {r['compare']['cpu_median']:>9.2f}"
                     f" {r['compare_cpu_ratio_floor']:>8.2f}x {r['ours_vs_compare']:>13.2f}x"
                     f" {r['ours']['cpu_median'] / r['compare']['cpu_median']:>12.2f}x")
        print(line)
    result = {"rows": rows, "target_ratio_floor": TARGET_RATIO, "load_average": os.getloadavg(),
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "date": time.strftime("%Y-%m-%d %H:%M")}
    out_dir = Path(__file__).parent / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "validate.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
