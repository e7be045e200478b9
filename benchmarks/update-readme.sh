#!/usr/bin/env bash
# Copies benchmark results into README.md, between markers, so no figure is typed by hand:
#   <!-- bench:codec --> ... <!-- /bench:codec -->   <- benchmarks/results/codec.md (codec.sh)
#   <!-- bench:load -->  ... <!-- /bench:load -->    <- benchmarks/results/load.md  (load.sh)
# and likewise for any other benchmarks/results/NAME.md with <!-- bench:NAME --> markers.
# Only the text between existing markers changes; a section whose markers are missing is left alone
# (and reported). Smoke-run results are refused unless ALLOW_SMOKE=1.
#
#   benchmarks/update-readme.sh [README]      (default README.md at the repository root)
#   RESULTS=DIR benchmarks/update-readme.sh    (results from DIR instead of benchmarks/results)
set -euo pipefail
cd "$(dirname "$0")/.."
readme="${1:-README.md}"
[[ -f "$readme" ]] || { echo "no $readme: nothing updated" >&2; exit 0; }

python3 - "$readme" "${RESULTS:-benchmarks/results}" "${ALLOW_SMOKE:-0}" <<'PY'
import pathlib
import re
import sys

readme_path, results_dir, allow_smoke = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3] == "1"
text = readme_path.read_text()
changed = []
for result in sorted(results_dir.glob("*.md")):
    name = result.stem
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        print(f"{readme_path}: no {start} ... {end} markers: {result} not copied", file=sys.stderr)
        continue
    body = result.read_text().strip()
    if "SMOKE RUN" in body.splitlines()[0] and not allow_smoke:
        print(f"{result} is a smoke run: not copied (ALLOW_SMOKE=1 to copy it anyway)", file=sys.stderr)
        continue
    text = pattern.sub(lambda _: f"{start}\n{body}\n{end}", text, count=1)
    changed.append(name)
if changed:
    readme_path.write_text(text)
    print(f"{readme_path}: updated {', '.join(changed)}", file=sys.stderr)
else:
    print(f"{readme_path}: nothing updated", file=sys.stderr)
PY
