#!/usr/bin/env python3
"""Where the time goes in JFR recordings: jfr_top.py [--top N] FILE.jfr...

Aggregates jdk.ExecutionSample events (from `jfr print`) of all the files: the top frames by
self samples, and by the first frame in io.jdisco code (inclusive of the JDK code it calls),
each per task stage (from the file name: profile-<stage>:<task>.jfr, else "other").
"""
import os
import re
import subprocess
import sys
from collections import Counter

FRAME = re.compile(r"^\s+(\S.*?)\s+line:")


def samples(path):
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                          check=True, capture_output=True, text=True).stdout
    stack = None
    for line in text.splitlines():
        if "stackTrace = [" in line:
            stack = []
        elif stack is not None:
            if line.strip().startswith("]") or line.strip() == "...":
                if line.strip().startswith("]"):
                    yield stack
                    stack = None
                continue
            m = FRAME.match(line)
            stack.append(m.group(1) if m else line.strip())


def stage_of(path):
    """The task's stage from the file name the classic profile parameter gives it (profile-<stage>:...)."""
    m = re.search(r"(map_shuffle|map|reduce_shuffle|reduce)[:-]", os.path.basename(path))
    return m.group(1) if m else "other"


def short(frame):
    return re.sub(r"\(.*\)$", "()", frame)


def main(argv):
    top = 25
    if argv and argv[0] == "--top":
        top = int(argv[1])
        argv = argv[2:]
    self_count = Counter()
    jdisco_count = Counter()
    stages = Counter()
    total = 0
    for path in argv:
        for stack in samples(path):
            if not stack:
                continue
            total += 1
            stage = stage_of(path)
            stages[stage] += 1
            self_count[(stage, short(stack[0]))] += 1
            first = next((f for f in stack if f.startswith("io.jdisco.")), stack[0])
            jdisco_count[(stage, short(first))] += 1
    print("samples: %d; by stage: %s" % (total, ", ".join("%s %d (%.0f%%)" % (s, n, 100.0 * n / total)
                                                         for s, n in stages.most_common())))
    print("\ntop frames (self):")
    for (stage, f), n in self_count.most_common(top):
        print("  %5.1f%%  %-8s %s" % (100.0 * n / total, stage, f))
    print("\ntop io.jdisco frames (inclusive of the JDK code they call):")
    for (stage, f), n in jdisco_count.most_common(top):
        print("  %5.1f%%  %-8s %s" % (100.0 * n / total, stage, f))


if __name__ == "__main__":
    main(sys.argv[1:])
