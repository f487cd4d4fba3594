#!/usr/bin/env python3
"""Samples the peak RSS (VmHWM) of jdisco worker processes until STOP_FILE exists.

  rss_sampler.py STOP_FILE OUT_FILE

Every 0.1 s it reads /proc/<pid>/cmdline of every process and, for those running
io.jdisco.worker.core.WorkerMain, /proc/<pid>/status's VmHWM (the kernel's peak resident set of
that process). It writes the largest VmHWM seen, in KiB, and the number of worker processes seen.
A worker's growth after the last sample before it exits is missed (at most 0.1 s of it).
"""
import os
import sys
import time

MARK = b"io.jdisco.worker.core.WorkerMain"


def main(stop_file, out_file):
    peak = 0
    seen = set()
    while True:
        stop = os.path.exists(stop_file)
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open("/proc/%s/cmdline" % name, "rb") as f:
                    if MARK not in f.read():
                        continue
                with open("/proc/%s/status" % name, "rb") as f:
                    for line in f:
                        if line.startswith(b"VmHWM:"):
                            peak = max(peak, int(line.split()[1]))
                            seen.add(name)
            except OSError:
                continue
        if stop:
            break
        time.sleep(0.1)
    with open(out_file, "w") as f:
        f.write("%d %d\n" % (peak, len(seen)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
