#!/usr/bin/env bash
# The broken-rule experiment (docs/design.md, "How the suite guards the rules"): break
# each gap rule and lint in turn, once so that it never fires (`silence`) and once so
# that it fires on every treaty (`always`), run the suite, and report which test binary
# caught it. A rule no test catches is printed as NOT CAUGHT and the script exits 1.
#
#   bash tests/broken_rules.sh            # every rule, both modes (about an hour on 2 cores)
#   bash tests/broken_rules.sh L006 NOT_BINDING   # only these codes
#
# The rule is broken at run time by the `broken-rule-experiment` feature
# (src/rules/broken.rs), so the suite is built once, not once per rule. Not part of
# .ci/run: it runs the suite about a hundred times.
set -euo pipefail
cd "$(dirname "$0")/.."
export INSTA_UPDATE=no CI=true NO_COLOR=1
features=(--features broken-rule-experiment)

echo "building the suite with the experiment's feature..." >&2
mapfile -t binaries < <(cargo test "${features[@]}" --no-run --message-format=json 2>/dev/null |
    python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["profile"]["test"]:
        print(m["target"]["name"] + " " + m["executable"])')
treaty=$(cargo build "${features[@]}" --message-format=json 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "treaty":
        print(m["executable"])')

# The binaries most likely to catch a broken rule run first, so most rules cost a few
# seconds; the slow property and LSP suites run last.
first="treaty rule_examples negatives rules rules_catalogue corpus next_tier"
ordered=()
for name in $first; do
    for entry in "${binaries[@]}"; do [[ ${entry%% *} == "$name" ]] && ordered+=("$entry"); done
done
for entry in "${binaries[@]}"; do
    [[ " $first " == *" ${entry%% *} "* ]] || ordered+=("$entry")
done

run_binary() { # name path -> 0 when its tests pass
    timeout 600 "$2" -q >/dev/null 2>&1
}

echo "checking that the unbroken suite passes..." >&2
for entry in "${ordered[@]}"; do
    run_binary $entry || { echo "the unbroken suite fails in ${entry%% *}: fix that first" >&2; exit 2; }
done

if (($#)); then
    codes=("$@")
else
    mapfile -t codes < <("$treaty" rules --format json | python3 -c '
import json, sys
for rule in json.load(sys.stdin):
    if rule["family"] in ("gap", "lint"):
        print(rule["code"])')
fi

missed=0
for code in "${codes[@]}"; do
    for mode in silence always; do
        caught=""
        for entry in "${ordered[@]}"; do
            if ! TREATY_BREAK_RULE="$code:$mode" run_binary $entry; then
                caught=${entry%% *}
                break
            fi
        done
        if [[ -n $caught ]]; then
            printf '%-28s %-8s caught by %s\n' "$code" "$mode" "$caught"
        else
            printf '%-28s %-8s NOT CAUGHT\n' "$code" "$mode"
            missed=$((missed + 1))
        fi
    done
done
echo "${#codes[@]} rules, $((2 * ${#codes[@]})) breakages, $missed not caught"
((missed == 0))
