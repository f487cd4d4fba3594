#!/usr/bin/env python3
"""Summarises a bench/run.sh CSV as a Markdown table: report.py RESULTS.csv"""
import csv
import statistics
import sys
from collections import OrderedDict

MIB = 1024 * 1024
WORKER_RSS_LIMIT_KB = 256 * 1024


# the big-shuffle cases, whose target is to complete with their small worker heaps
COMPLETES = ("sort-100m-heap24m", "sort-1g-heap256m")


def baseline_of(case):
    if case.startswith("wc-tiny"):
        return "base-tiny"
    if case.startswith("wc-100m-"):
        return "base-100m"
    if case.startswith("wc-1g-"):
        return "base-1g"
    if case.startswith("sort-100m"):
        return "gnu-sort-100m"
    if case.startswith("sort-1g"):
        return "gnu-sort-1g"
    return None


def main(path):
    runs = OrderedDict()
    with open(path) as f:
        for row in csv.DictReader(f):
            runs.setdefault(row["case"], []).append(row)
    failed = {}
    for case in list(runs):
        bad = [r for r in runs[case] if r.get("status", "0") != "0"]
        if bad:
            failed[case] = bad[0]["status"]
        runs[case] = [r for r in runs[case] if r.get("status", "0") == "0"]
    med = {}
    for case, rows in runs.items():
        if not rows:
            continue
        med[case] = statistics.median(float(r["wall_s"]) for r in rows)
    # each case's ratio is to the median of the baseline runs that alternated with its own runs
    # (column paired_with); results of older runs, without that column, use every baseline run
    paired = {}
    for case, rows in runs.items():
        for r in rows:
            if r.get("paired_with"):
                paired.setdefault(r["paired_with"], []).append(float(r["wall_s"]))
    print("| case | N | wall s min / median / max | CPU s median (user+sys) | max RSS MB median (client or a worker) "
          "| worker peak RSS MB max | MiB/s (median) | ratio to baseline (median wall) | target | result |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for case, rows in runs.items():
        if not rows:
            print("| %s | 0 | failed (%s) | | | | | | %s | FAIL |" % (
                case, failed[case], "completes" if case in COMPLETES else "-"))
            continue
        walls = sorted(float(r["wall_s"]) for r in rows)
        cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in rows)
        rss = statistics.median(int(r["max_rss_kb"]) for r in rows) / 1024
        wpeak = max(int(r["worker_peak_rss_kb"]) for r in rows)
        size = int(rows[0]["bytes"])
        rate = size / MIB / med[case] if med[case] > 0 else 0
        base = baseline_of(case)
        base_med = statistics.median(paired[case]) if case in paired else med.get(base)
        ratio = med[case] / base_med if base_med else None
        targets = []
        cpu_ratio = None
        if base in runs and runs[base]:
            base_cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in runs[base])
            cpu_ratio = cpu / base_cpu if base_cpu else None
        if case in ("wc-1g-file", "wc-1g-chunks"):
            targets.append(("wall ratio <= 1.25", ratio is not None and ratio <= 1.25))
            targets.append(("CPU ratio <= 1.5 (%.2f)" % (cpu_ratio or 0), cpu_ratio is not None and cpu_ratio <= 1.5))
        if case in ("wc-1g-file-nocomb", "wc-1g-chunks-nocomb", "wc-100m-file", "wc-100m-halves"):
            targets.append(("wall ratio <= 2", ratio is not None and ratio <= 2.0))
        if case == "wc-tiny":
            targets.append(("median wall <= 0.2 s", med[case] <= 0.2))
        if case == "wc-tiny-jar":
            targets.append(("median wall <= 0.3 s", med[case] <= 0.3))
        if case == "sort-100m":
            targets.append(("wall ratio <= 1.25", ratio is not None and ratio <= 1.25))
        if case == "sort-1g-heap256m":
            targets.append(("wall ratio <= 2", ratio is not None and ratio <= 2.0))
        if case.startswith("small-"):
            n = int(case.split("-")[1][:-1]) * 1000
            targets.append(("%.2f s per 1,000 tasks" % (med[case] / n * 1000), True))
            if n == 10000:
                targets.append(("median wall <= 10 s", med[case] <= 10.0))
                targets.append(("client < 300 MB RSS", rss < 300))
        if case in COMPLETES:
            targets.append(("completes", case not in failed))
        if case.startswith("wc-") and not case.startswith("wc-tiny"):
            targets.append(("workers < 256 MB RSS", wpeak < WORKER_RSS_LIMIT_KB))
        target = "; ".join(t for t, _ in targets) or "-"
        result = "; ".join("pass" if ok else "FAIL" for _, ok in targets) or "-"
        print("| %s | %d | %.2f / %.2f / %.2f | %.1f | %.0f | %s | %.1f | %s | %s | %s |" % (
            case, len(rows), walls[0], med[case], walls[-1], cpu, rss,
            "%.0f" % (wpeak / 1024) if wpeak else "-", rate,
            "%.2f (vs %s)" % (ratio, base) if ratio is not None else "-", target, result))


if __name__ == "__main__":
    main(sys.argv[1])
