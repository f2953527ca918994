#!/usr/bin/env bash
# The report's layout, measured in a real browser (headless Chromium) at 1400 and
# 800 px: the page itself never scrolls sideways (only the matrix does); the element
# column stays in view when the matrix is scrolled; no header, caption or cell note
# is cut or overflows its box. Screenshots are left in $OUT for a reader to look at.
#
# The page has no script; a copy gets a small one that measures after layout and
# writes its findings into the DOM, which `--dump-dom` prints.
#
#   bash tests/report_layout.sh [TREATY_BINARY]   # OUT=/tmp/x to keep the pictures
#
# Skipped (exit 0, saying so) when no Chromium is installed: CI machines may not have
# one (`apt-get install chromium` gives it).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$browser" ]]; then
    echo "report layout: skipped: no Chromium on this machine"
    exit 0
fi
treaty=${1:-target/release/treaty}
[[ -x "$treaty" ]] || treaty=target/debug/treaty
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# The bundled corpus, plus a file with an error so the error cards are measured too.
work=$(mktemp -d)
cp -r treaties "$work/"
printf 'treaty broken {\n  form treaty\n  status signed\n  asist A -> B\n}\n' >"$work/treaties/broken.treaty"
set +e
"$treaty" report "$work/treaties" -o "$out/report.html" 2>/dev/null
status=$?
set -e
if [[ $status -ne 1 ]]; then
    echo "report layout: FAILED: treaty report exited $status (1 expected: one file has errors)"
    exit 1
fi

probe='<script>
addEventListener("load", () => {
  const problems = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > innerWidth + 1)
    problems.push("the page scrolls sideways: " + root.scrollWidth + " > " + innerWidth + ", because of " +
      [...document.querySelectorAll("body *")]
        .filter((e) => !e.closest(".table-wrap") && e.getBoundingClientRect().right > innerWidth + 1)
        .slice(0, 3).map((e) => e.tagName + "." + e.className + " " + e.textContent.slice(0, 80) + " parent " + e.parentElement.tagName + "." + e.parentElement.className).join(" | "));
  const overflows = (e) => e.scrollWidth > e.clientWidth + 1;
  for (const e of document.querySelectorAll(".matrix thead th, .cell .note, p.caption, h1, .meta, .error-card"))
    if (overflows(e)) problems.push("overflows its box: " + e.textContent.trim().slice(0, 60));
  const wrap = document.querySelector(".table-wrap");
  const first = document.querySelector(".matrix tbody th");
  wrap.scrollLeft = 600;
  const left = first.getBoundingClientRect().left, edge = wrap.getBoundingClientRect().left;
  if (wrap.scrollWidth > wrap.clientWidth && Math.abs(left - edge) > 1)
    problems.push("the element column scrolled away: " + left + " vs " + edge);
  if (!document.querySelector(".error-card"))
    problems.push("no error card for the broken file");
  const pre = document.createElement("pre");
  pre.id = "layout-result";
  pre.textContent = problems.length ? problems.join("\n") : "ok";
  document.body.appendChild(pre);
});
</script>'
python3 - "$out/report.html" "$out/probe.html" "$probe" <<'EOF'
import sys
page, target, probe = sys.argv[1], sys.argv[2], sys.argv[3]
html = open(page, encoding="utf-8").read()
open(target, "w", encoding="utf-8").write(html.replace("</body>", probe + "</body>"))
EOF

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --hide-scrollbars "--user-data-dir=$profile")
failed=0
for width in 1400 800; do
    dom=$(timeout 120 "$browser" "${flags[@]}" --window-size="$width,1000" \
        --virtual-time-budget=5000 --dump-dom "file://$out/probe.html" 2>/dev/null)
    result=$(python3 -c 'import sys,re,html; m=re.search(r"<pre id=\"layout-result\">(.*?)</pre>", sys.stdin.read(), re.S); print(html.unescape(m.group(1)) if m else "the probe did not run")' <<<"$dom")
    timeout 120 "$browser" "${flags[@]}" --window-size="$width,1000" \
        --screenshot="$out/report-$width.png" "file://$out/report.html" >/dev/null 2>&1 || true
    if [[ "$result" == ok ]]; then
        echo "report layout at $width px: ok ($out/report-$width.png)"
    else
        echo "report layout at $width px: FAILED"
        sed 's/^/  /' <<<"$result"
        failed=1
    fi
done
rm -rf "$work"
exit $failed
