"""What a benchmark records about its run: the machine, the date, a report kept for
benchmarks/results/, and the simple best-of-repeats timer. Imported by the scripts
beside it (run as `python benchmarks/<script>.py`, so this folder is on sys.path)."""

import datetime
import os
import platform
import time
from pathlib import Path


def cpu_name():
    """The CPU's model name from /proc/cpuinfo, else what platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_line():
    return f"cpu: {cpu_name()}; {os.cpu_count()} logical cores; {platform.system()} {platform.release()}"


def date_line():
    return f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"


def best_time(function, seconds):
    """Smallest CPU time of one call of function, repeated for about ``seconds``."""
    best, spent = float("inf"), 0.0
    while spent < seconds or best == float("inf"):
        start = time.process_time()
        function()
        elapsed = time.process_time() - start
        best, spent = min(best, elapsed), spent + elapsed
    return best


class Report:
    """Lines printed as they come and written to ``path`` (committed) by ``save``."""

    def __init__(self, path):
        self.path, self.lines = Path(path), []

    def say(self, line=""):
        print(line)
        self.lines.append(line)

    def save(self):
        load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
        self.path.write_text(f"Load average 1/5/15 min at the end: {load} on {os.cpu_count()} cores.\n\n"
                             + "\n".join(self.lines) + "\n", encoding="utf-8")
        print(f"wrote {self.path}")
