#!/usr/bin/env python3
"""CPU time of the app's JVM and of PostgreSQL during a bench measurement (issue 17's "share of time in the
database"): runs the command, and between the bench's "<name>: measuring" and "<name>: … req/s" lines takes
the CPU time of every java and postgres process from /proc; prints the totals and the database's share per
measured endpoint. wrk itself is neither, so the load generator is not counted.

    bench/cpu-share.py -- env BENCH_ONLY=vitals bench/run.sh
"""
import os
import re
import subprocess
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def sample():
    seen = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        if comm == "java" or comm.startswith("postgres"):
            fields = stat[stat.rindex(")") + 2:].split()
            seen[pid] = ("postgres" if comm.startswith("postgres") else "java",
                         (int(fields[11]) + int(fields[12])) / TICKS)
    return seen


def main():
    command = sys.argv[sys.argv.index("--") + 1:]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    start = None
    for line in process.stdout:
        sys.stdout.write(line)
        if re.search(r"\] [\w-]+: measuring", line):
            start = sample()
        elif start is not None and re.search(r"\] ([\w-]+): [\d.]+ req/s", line):
            name = re.search(r"\] ([\w-]+): [\d.]+ req/s", line).group(1)
            end = sample()
            totals = {"java": 0.0, "postgres": 0.0}
            for pid, (kind, cpu) in end.items():
                # A backend that started during the measurement counts from zero.
                totals[kind] += cpu - start.get(pid, (kind, 0.0))[1]
            whole = totals["java"] + totals["postgres"]
            print(f"[cpu-share] {name}: app JVM {totals['java']:.1f} CPU s, PostgreSQL {totals['postgres']:.1f} CPU s;"
                  f" database share {totals['postgres'] / whole:.0%}" if whole else f"[cpu-share] {name}: no CPU")
            start = None
    sys.exit(process.wait())


main()
