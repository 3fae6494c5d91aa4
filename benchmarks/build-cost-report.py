#!/usr/bin/env python3
"""Turns the raw timings of benchmarks/build-cost.sh into its RESULTS.md section and an SVG chart (standard library only).

Inputs (tab-separated, written by build-cost.sh):
  times.tsv      mode  consumer  kind  run  ms|fail       mode: on|off, kind: clean|noop|edit
  consumers.tsv  consumer  models  files  bytes  lines  status       status: ok, or why the consumer failed
  meta.txt       markdown lines (commands, machine, load) copied into the section as they are
Outputs: the section (between the markers) spliced into RESULTS.md, replacing an earlier one or the old build-overhead
section, or appended at the end; the SVG chart next to it.
Usage: build-cost-report.py WORKDIR RESULTS.md CHART.svg      |      build-cost-report.py --self-test
"""
import math
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

BEGIN = "<!-- build-cost:begin (written by benchmarks/build-cost.sh; a rerun replaces everything up to build-cost:end) -->"
END = "<!-- build-cost:end -->"
BEGIN_PREFIX = "<!-- build-cost:begin"
OLD_SECTION = "## Build overhead\n"

MODES = [("on", "server on"), ("off", "server off")]
KINDS = [("clean", "clean"), ("noop", "no-op"), ("edit", "edit one file")]
LABELS = {
    "floor": "floor (no LtxCodegen)",
    "floorlib": "floor, app + library (no LtxCodegen)",
    "seeds": "2 seeds (`schemas/`)",
    "docs100": "100 docs",
    "catalogue": "catalogue, same project",
    "catlib": "catalogue in its own library (app edited)",
}
ORDER = ["floor", "floorlib", "seeds", "docs100", "catalogue", "catlib"]
FLOORS = ("floor", "floorlib")
# Edit-build vs floor, from issue 13.
EDIT_TARGETS = {
    ("on", "seeds"): 1.05, ("on", "docs100"): 1.3, ("on", "catalogue"): 2.5, ("on", "catlib"): 1.10,
    ("off", "seeds"): 1.15, ("off", "docs100"): 1.6, ("off", "catalogue"): 4.0, ("off", "catlib"): 1.10,
}
CLEAN_TARGET_MS = 20000  # catalogue clean build, server off
SIZE_TARGET_BYTES = 4000000  # catalogue generated C# (MB = 10^6 bytes)


def median(values):
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return None
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def cell(text):
    """Text from a build log made safe for one markdown table cell."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", str(text)).replace("|", "\\|").replace("<", "&lt;").replace("`", "'")
    return text[:200] + ("…" if len(text) > 200 else "")


class Results:
    def __init__(self, times_rows, consumer_rows):
        self.consumers = {}
        for row in consumer_rows:
            name, models, files, size, lines, status = (row + [""] * 6)[:6]
            self.consumers[name] = {"models": int(models or 0), "files": int(files or 0), "bytes": int(size or 0),
                                    "lines": int(lines or 0), "status": status or "ok"}
        self.runs = {}
        self.failed = set()
        for mode, consumer, kind, _run, ms in times_rows:
            key = (mode, consumer, kind)
            if ms == "fail":
                self.failed.add(key)
            else:
                self.runs.setdefault(key, []).append(int(ms))

    def names(self):
        return [c for c in ORDER if c in self.consumers]

    def median(self, mode, consumer, kind):
        key = (mode, consumer, kind)
        if key in self.failed or self.consumers.get(consumer, {}).get("status", "ok") != "ok":
            return None
        return median(self.runs.get(key, []))

    def floor_of(self, consumer):
        """The library layout is compared with the same two projects without LtxCodegen (when measured)."""
        return "floorlib" if consumer == "catlib" and "floorlib" in self.consumers else "floor"

    def ratio(self, mode, consumer, kind, floor_name=None):
        value, floor = self.median(mode, consumer, kind), self.median(mode, floor_name or self.floor_of(consumer), kind)
        return None if value is None or not floor else value / floor

    def failure(self, mode, consumer, kind):
        status = self.consumers.get(consumer, {}).get("status", "ok")
        if status != "ok":
            return "build failed: " + status
        if (mode, consumer, kind) in self.failed:
            return "a timed build failed"
        if consumer in ("catlib", "floorlib") and kind == "clean":
            return "not timed (CATLIB_CLEAN=1)"
        return "not measured"


def fmt_ms(value):
    return "{:,}".format(int(round(value)))


def fmt_ratio(value):
    return "{:.2f}×".format(value)


def verdict(value, target):
    if value is None:
        return "**not measured**"
    return "met" if value <= target else "**not met**"


def times_table(results, runs):
    lines = ["| Consumer | Models | Compiler server | " + " | ".join(
        "{} (median ms) | ×floor".format(label) for _, label in KINDS) + " | Edit target | Met? |",
        "|---|---:|---|" + "---:|---:|" * len(KINDS) + "---:|---|"]
    for consumer in results.names():
        for mode, mode_label in MODES:
            cells = []
            for kind, _ in KINDS:
                value = results.median(mode, consumer, kind)
                if value is None:
                    cells += [cell(results.failure(mode, consumer, kind)), "–"]
                    continue
                ratio = results.ratio(mode, consumer, kind)
                cells += [fmt_ms(value), "–" if consumer == "floor" or ratio is None else fmt_ratio(ratio)]
                if consumer == "catlib" and self_floor(results) == "floorlib":
                    one = results.ratio(mode, consumer, kind, "floor")
                    if one is not None:
                        cells[-1] += " ({} vs one-project floor)".format(fmt_ratio(one))
            target = EDIT_TARGETS.get((mode, consumer))
            met = "–" if target is None else verdict(results.ratio(mode, consumer, "edit"), target)
            lines.append("| {} | {} | {} | {} | {} | {} |".format(
                LABELS[consumer], results.consumers[consumer]["models"], mode_label, " | ".join(cells),
                "–" if target is None else "≤ " + fmt_ratio(target), met))
    all_runs = ["", "All runs (ms), in order:"]
    for consumer in results.names():
        for mode, mode_label in MODES:
            parts = []
            for kind, label in KINDS:
                values = results.runs.get((mode, consumer, kind), [])
                if values:
                    parts.append("{} {}".format(label, " ".join(str(v) for v in values)))
            if parts:
                all_runs.append("- {}, {}: {}".format(LABELS[consumer], mode_label, "; ".join(parts)))
    return lines + all_runs


def self_floor(results):
    return results.floor_of("catlib")


def size_table(results):
    lines = ["| Consumer | Models | Generated files | Generated bytes | Generated lines | Bytes per model |",
             "|---|---:|---:|---:|---:|---:|"]
    for consumer in results.names():
        if consumer in ("catlib", "floorlib"):
            continue  # the catalogue's generated code, in the library; the two-project floor has none
        c = results.consumers[consumer]
        if c["status"] != "ok" and c["files"] == 0:
            lines.append("| {} | {} | {} | – | – | – |".format(LABELS[consumer], c["models"], cell("build failed: " + c["status"])))
            continue
        per_model = "–" if c["models"] == 0 else fmt_ms(c["bytes"] / c["models"])
        lines.append("| {} | {} | {} | {} | {} | {} |".format(
            LABELS[consumer], c["models"], c["files"], fmt_ms(c["bytes"]), fmt_ms(c["lines"]), per_model))
    return lines


def targets_table(results):
    lines = ["| Figure | Target | Result | Met? |", "|---|---|---|---|"]
    for mode, mode_label in MODES:
        results_cells, verdicts, targets = [], [], []
        for consumer in ["seeds", "docs100", "catalogue"]:
            target = EDIT_TARGETS[(mode, consumer)]
            ratio = results.ratio(mode, consumer, "edit") if consumer in results.consumers else None
            targets.append(fmt_ratio(target))
            results_cells.append("–" if ratio is None else fmt_ratio(ratio))
            verdicts.append(verdict(ratio, target))
        lines.append("| edit-build vs floor, {}: 2 / 100 / catalogue in the same project | ≤ {} | {} | {} |".format(
            mode_label, " / ".join(targets), " / ".join(results_cells), " / ".join(verdicts)))
    for mode, mode_label in MODES:
        ratio = results.ratio(mode, "catlib", "edit") if "catlib" in results.consumers else None
        floor_label = "app + library without LtxCodegen" if results.floor_of("catlib") == "floorlib" else "one-project floor"
        lines.append("| catalogue in its own library, app edit-build vs floor ({}), {} | ≤ {} | {} | {} |".format(
            floor_label, mode_label, fmt_ratio(EDIT_TARGETS[(mode, "catlib")]), "–" if ratio is None else fmt_ratio(ratio),
            verdict(ratio, EDIT_TARGETS[(mode, "catlib")])))
    clean = results.median("off", "catalogue", "clean") if "catalogue" in results.consumers else None
    lines.append("| catalogue clean build, server off | ≤ 20 s | {} | {} |".format(
        "–" if clean is None else "{:.1f} s".format(clean / 1000), verdict(clean, CLEAN_TARGET_MS)))
    catalogue = results.consumers.get("catalogue")
    size = catalogue["bytes"] if catalogue and catalogue["files"] > 0 else None
    lines.append("| catalogue generated C# | ≤ 4 MB | {} | {} |".format(
        "–" if size is None else "{:.2f} MB ({:,} lines)".format(size / 1e6, catalogue["lines"]), verdict(size, SIZE_TARGET_BYTES)))
    return lines


def chart(results):
    """SVG: median edit-build time against model count, one line per compiler-server setting, the library layout as its own points."""
    width, height, left, right, top, bottom = 720, 420, 70, 190, 40, 50
    series = []
    for mode, mode_label, color in [("on", "server on", "#1f77b4"), ("off", "server off", "#d62728")]:
        points = [(results.consumers[c]["models"], results.median(mode, c, "edit") / 1000)
                  for c in ["floor", "seeds", "docs100", "catalogue"] if c in results.consumers and results.median(mode, c, "edit") is not None]
        library = [(results.consumers["catlib"]["models"], results.median(mode, "catlib", "edit") / 1000)] \
            if "catlib" in results.consumers and results.median(mode, "catlib", "edit") is not None else []
        series.append((mode_label, color, points, library))
    all_points = [p for _, _, points, library in series for p in points + library]
    max_x = max([p[0] for p in all_points] + [1])
    max_y = max([p[1] for p in all_points] + [0.001])
    step_y = nice_step(max_y)
    top_y = step_y * math.ceil(max_y / step_y)
    step_x = nice_step(max_x)
    top_x = step_x * math.ceil(max_x / step_x)

    def sx(x):
        return left + (width - left - right) * x / top_x

    def sy(y):
        return height - bottom - (height - top - bottom) * y / top_y

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" font-family="sans-serif" font-size="12">'.format(width, height, width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="{}" y="22" font-size="14">Edit one C# file and build: median time against model count</text>'.format(left)]
    tick = 0.0
    while tick <= top_y + 1e-9:
        out.append('<line x1="{0}" x2="{1}" y1="{2:.1f}" y2="{2:.1f}" stroke="#ddd"/><text x="{3}" y="{4:.1f}" text-anchor="end">{5:g} s</text>'.format(
            left, width - right, sy(tick), left - 6, sy(tick) + 4, round(tick, 6)))
        tick += step_y
    tick = 0.0
    while tick <= top_x + 1e-9:
        out.append('<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" stroke="#eee"/><text x="{0:.1f}" y="{3}" text-anchor="middle">{4:g}</text>'.format(
            sx(tick), top, height - bottom, height - bottom + 16, tick))
        tick += step_x
    out.append('<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="black"/><line x1="{0}" x2="{0}" y1="{3}" y2="{2}" stroke="black"/>'.format(
        left, width - right, height - bottom, top))
    out.append('<text x="{:.1f}" y="{}" text-anchor="middle">models in the consumer</text>'.format((left + width - right) / 2, height - 12))
    legend_y = top + 10
    for label, color, points, library in series:
        if len(points) > 1:
            out.append('<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>'.format(
                color, " ".join("{:.1f},{:.1f}".format(sx(x), sy(y)) for x, y in points)))
        for x, y in points:
            out.append('<circle cx="{:.1f}" cy="{:.1f}" r="4" fill="{}"><title>{} models, {}: {:.2f} s</title></circle>'.format(sx(x), sy(y), color, x, label, y))
        for x, y in library:
            out.append('<rect x="{:.1f}" y="{:.1f}" width="9" height="9" fill="white" stroke="{}" stroke-width="2"><title>catalogue in its own library, app edited, {}: {:.2f} s</title></rect>'.format(
                sx(x) - 4.5, sy(y) - 4.5, color, label, y))
        out.append('<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="{3}" stroke-width="2"/><circle cx="{4}" cy="{2}" r="4" fill="{3}"/><text x="{5}" y="{6}">{7}, same project</text>'.format(
            width - right + 10, width - right + 34, legend_y, color, width - right + 22, width - right + 40, legend_y + 4, label))
        legend_y += 20
        out.append('<rect x="{0}" y="{1}" width="9" height="9" fill="white" stroke="{2}" stroke-width="2"/><text x="{3}" y="{4}">{5}, own library</text>'.format(
            width - right + 17.5, legend_y - 4.5, color, width - right + 40, legend_y + 4, label))
        legend_y += 24
    out.append("</svg>")
    return "\n".join(out) + "\n"


def nice_step(maximum):
    raw = maximum / 5
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def section(results, runs, meta_lines, chart_name):
    body = [BEGIN, "## Build cost: floor, seeds, 100 docs, catalogue (issue 13)", ""]
    body += meta_lines + [""]
    body += ["### Targets", ""] + targets_table(results) + [""]
    body += ["### Build times (medians of {} interleaved runs)".format(runs), ""] + times_table(results, runs) + [""]
    body += ["### Generated code", ""] + size_table(results) + [""]
    body += ["### Edit-build time against model count", "", "![Edit-build time against model count]({})".format(chart_name), ""]
    body.append(END)
    return "\n".join(body) + "\n"


def splice(existing, new_section):
    """Replaces the section between the markers; else the old '## Build overhead' section; else appends."""
    start = existing.find(BEGIN_PREFIX)
    if start >= 0:
        end = existing.find(END, start)
        if end < 0:
            raise ValueError("RESULTS.md has the build-cost begin marker but no end marker")
        end += len(END)
        if existing[end:end + 1] == "\n":
            end += 1
        return existing[:start] + new_section + existing[end:]
    old = existing.find(OLD_SECTION)
    if old >= 0:
        following = re.search(r"^## ", existing[old + len(OLD_SECTION):], re.MULTILINE)
        stop = old + len(OLD_SECTION) + following.start() if following else len(existing)
        return existing[:old] + new_section + "\n" + existing[stop:]
    return existing.rstrip("\n") + "\n\n" + new_section


def report(work, results_path, chart_path):
    results = Results(read_tsv(os.path.join(work, "times.tsv")), read_tsv(os.path.join(work, "consumers.tsv")))
    runs = int(open(os.path.join(work, "runs.txt"), encoding="utf-8").read().strip())
    with open(os.path.join(work, "meta.txt"), encoding="utf-8") as f:
        meta_lines = f.read().rstrip("\n").split("\n")
    with open(chart_path, "w", encoding="utf-8") as f:
        f.write(chart(results))
    text = section(results, runs, meta_lines, os.path.basename(chart_path))
    existing = open(results_path, encoding="utf-8").read() if os.path.exists(results_path) else ""
    with open(results_path, "w", encoding="utf-8") as f:
        f.write(splice(existing, text))
    print(text)


def self_test():
    times = []
    base = {"floor": 1000, "floorlib": 1400, "seeds": 1020, "docs100": 1500, "catalogue": 3000, "catlib": 1470}
    for mode, factor in (("on", 1), ("off", 2)):
        for consumer, ms in base.items():
            for kind, k in (("clean", 3), ("noop", 0.5), ("edit", 1)):
                for run, jitter in enumerate((0, 40, -40, 10, 500, -10, 20)):
                    times.append([mode, consumer, kind, str(run + 1), str(int(ms * factor * k) + jitter)])
    times.append(["off", "catlib", "edit", "8", "fail"])
    consumers = [["floor", "0", "0", "0", "0", "ok"], ["seeds", "2", "3", "90000", "900", "ok"],
                 ["docs100", "104", "105", "2000000", "40000", "ok"], ["catalogue", "330", "331", "5000000", "70000", "ok"],
                 ["catlib", "330", "331", "5000000", "70000", "ok"], ["floorlib", "0", "0", "0", "0", "ok"]]
    r = Results(times, consumers)
    checks = []

    def check(name, actual, expected):
        if actual != expected:
            checks.append("{}: expected {!r}, got {!r}".format(name, expected, actual))

    check("median odd", median([5, 1, 3]), 3)
    check("median even", median([4, 1, 3, 2]), 2.5)
    check("median of runs with an outlier", r.median("on", "seeds", "edit"), 1030)
    check("ratio", round(r.ratio("on", "seeds", "edit"), 4), round(1030 / 1010, 4))
    check("failed run marks the cell", r.median("off", "catlib", "edit"), None)
    check("failed run has no ratio", r.ratio("off", "catlib", "edit"), None)
    targets = "\n".join(targets_table(r))
    check("edit targets on", "| ≤ 1.05× / 1.30× / 2.50× | 1.02× / 1.50× / 2.98× | met / **not met** / **not met** |" in targets, True)
    check("catlib off not measured", "server off | ≤ 1.10× | – | **not measured** |" in targets, True)
    check("catlib against the two-project floor", "| catalogue in its own library, app edit-build vs floor (app + library without LtxCodegen), server on | ≤ 1.10× | 1.05× | met |" in targets, True)
    check("catlib also against the one-project floor", "(1.46× vs one-project floor)" in "\n".join(times_table(r, 7)), True)
    check("catlib without floorlib uses the floor", round(Results(times, consumers[:5]).ratio("on", "catlib", "edit"), 4), round(1480 / 1010, 4))
    check("clean target", "| catalogue clean build, server off | ≤ 20 s | 18.0 s | met |" in targets, True)
    check("size target", "| ≤ 4 MB | 5.00 MB (70,000 lines) | **not met** |" in targets, True)
    failed = Results(times, consumers[:3] + [["catalogue", "330", "0", "0", "0", "error LTXG0008: a|b <x>"]])
    failed_targets = "\n".join(targets_table(failed))
    check("failed consumer not measured", "| ≤ 20 s | – | **not measured** |" in failed_targets, True)
    check("failure text escaped", "build failed: error LTXG0008: a\\|b &lt;x>" in "\n".join(times_table(failed, 7)), True)
    no_clean = Results([t for t in times if not (t[1] == "catlib" and t[2] == "clean")], consumers)
    check("library clean not timed", "not timed (CATLIB_CLEAN=1)" in "\n".join(times_table(no_clean, 7)), True)
    svg = chart(r)
    root = ElementTree.fromstring(svg)
    check("svg root", root.tag, "{http://www.w3.org/2000/svg}svg")
    check("svg lines", len(root.findall("{http://www.w3.org/2000/svg}polyline")), 2)
    check("chart with nothing measured", ElementTree.fromstring(chart(Results([], consumers))).tag, "{http://www.w3.org/2000/svg}svg")
    old = "# R\n\n## A\na\n\n## Build overhead\n\nold table\n\n## Client\nc\n"
    first = splice(old, section(r, 7, ["meta"], "c.svg"))
    check("old section replaced", "old table" not in first and "## A\na\n" in first and first.endswith("## Client\nc\n"), True)
    appended = first + "\n## Later section\nl\n"
    second = splice(appended, section(r, 3, ["meta 2"], "c.svg"))
    check("rerun replaces between markers", second.count(BEGIN) == 1 and "meta 2" in second and "\nmeta\n" not in second
          and second.endswith("## Later section\nl\n") and "## Client\nc\n" in second, True)
    check("append when absent", splice("# R\n", "S\n"), "# R\n\nS\n")
    with tempfile.TemporaryDirectory() as work:
        for name, rows in (("times.tsv", times), ("consumers.tsv", consumers)):
            with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                f.write("".join("\t".join(row) + "\n" for row in rows))
        with open(os.path.join(work, "runs.txt"), "w") as f:
            f.write("7\n")
        with open(os.path.join(work, "meta.txt"), "w") as f:
            f.write("Machine: test\n")
        results_md = os.path.join(work, "RESULTS.md")
        with open(results_md, "w") as f:
            f.write(old)
        sys.stdout = open(os.devnull, "w")
        try:
            report(work, results_md, os.path.join(work, "chart.svg"))
        finally:
            sys.stdout = sys.__stdout__
        written = open(results_md, encoding="utf-8").read()
        check("report writes the section", "Machine: test" in written and "![Edit-build time against model count](chart.svg)" in written, True)
    if checks:
        print("build-cost self-test FAILED:\n  " + "\n  ".join(checks))
        return 1
    print("build-cost self-test passed")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    report(sys.argv[1], sys.argv[2], sys.argv[3])
