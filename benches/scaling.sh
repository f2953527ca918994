#!/usr/bin/env bash
# Issue 19's quadratic paths and issue 17's memory cases, each at 1x and 10x the input:
# prints CPU seconds (user + system) and peak memory for both and their ratio. Linear
# is 9-11x for 10x input. One run shows a regression as a ratio; nothing is asserted.
#
#   benches/scaling.sh [path/to/treaty]     (default: $CARGO_TARGET_DIR/release/treaty)
#
# Cases: report on one big file; test with many treaties and scenarios; human output
# of N duplicate clauses and of N same-named treaties; N beneficiaries in one provide;
# N distinct consult clauses in one trigger; N parties both guarantor and adversary; a
# group of N members with N/2 of them in an `except` list;
# fmt on many files; and (memory) the 10 MB `provide A -> B x, x, ...` and 50 MB
# `consult A, A, ...` files of issue 17.
set -euo pipefail
BIN=${1:-${CARGO_TARGET_DIR:-target}/release/treaty}
BIN=$(realpath "$BIN")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# measure CMD...: one line "cpu_s peak_kb"
measure() {
  /usr/bin/time -f "%U %S %M" -o t.txt "$@" > /dev/null 2>&1 || true
  read -r user sys peak < <(tail -1 t.txt)
  echo "$(echo "$user + $sys" | bc) $peak"
}

gen() { # gen CASE N FILE
  local case=$1 n=$2 out=$3
  python3 - "$case" "$n" "$out" <<'PY'
import sys
case, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
H = "  form treaty\n  status in-force\n"
w = open(out, "w")
if case == "report":
    for i in range(n):
        w.write(f"treaty t{i} {{\n{H}  party UK guarantor\n  party UA beneficiary\n"
                f"  trigger armed-attack against UA {{\n    consult UK, UA\n  }}\n}}\n")
elif case == "test":
    for i in range(n):
        w.write(f"treaty t{i} {{\n{H}  party UK guarantor\n  party UA beneficiary\n"
                f"  trigger armed-attack against UA {{\n    consult UK, UA within 24 hours\n  }}\n}}\n")
    for i in range(n // 10):
        w.write(f"scenario s{i} {{\n  treaty t{i}\n  event armed-attack by RU against UA at 2027-03-01T06:00Z\n"
                f"  event UK consults UA at 2027-03-01T09:00Z\n  expect fulfilled consult UK, UA\n}}\n")
elif case == "duplicates":
    w.write(f"treaty t {{\n{H}  party UK guarantor\n  party UA beneficiary\n")
    w.write("  provide UK -> UA training\n" * n)
    w.write("}\n")
elif case == "same_name":
    for i in range(n):
        w.write(f"treaty t {{\n{H}}}\n")
elif case == "beneficiaries":
    w.write(f"treaty t {{\n{H}  party UK guarantor\n")
    for i in range(n):
        w.write(f"  party B{i} beneficiary\n")
    w.write("  provide UK -> " + ", ".join(f"B{i}" for i in range(n)) + " training\n}\n")
elif case == "consults":
    w.write(f"treaty t {{\n{H}  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {{\n")
    for i in range(n):
        w.write(f"    consult UK, UA within {i + 1} hours\n")
    w.write("  }\n}\n")
elif case == "guarantor_adversary":
    w.write(f"treaty t {{\n{H}")
    for i in range(n):
        w.write(f"  party P{i} guarantor, adversary\n")
    w.write("}\n")
elif case == "except_list":
    # One group of N members and a clause naming it with half of them left out.
    w.write(f"treaty t {{\n{H}  party UA beneficiary\n")
    for i in range(n):
        w.write(f"  party P{i} guarantor\n")
    w.write("  party G \"coalition\" guarantor group " + ", ".join(f"P{i}" for i in range(n)) + "\n")
    w.write("  provide G except " + ", ".join(f"P{i}" for i in range(0, n, 2)) + " -> UA training\n}\n")
elif case == "provide_x":
    head = "treaty t {\n  party A\n  party B\n  trigger armed-attack against A {\n    provide A -> B "
    k = (n - len(head)) // 3
    w.write(head + ", ".join(["x"] * k) + "\n  }\n}\n")
elif case == "consult_a":
    head = "treaty t {\n  party A\n  trigger armed-attack against A {\n    consult "
    k = (n - len(head)) // 3
    w.write(head + ", ".join(["A"] * k) + "\n  }\n}\n")
PY
}

ratio() { # ratio NAME N CMD-TEMPLATE (with FILE)
  local name=$1 n=$2 case=$3; shift 3
  gen "$case" "$n" a.treaty
  gen "$case" "$((n * 10))" b.treaty
  read -r t1 m1 < <(measure "$@" a.treaty)
  read -r t2 m2 < <(measure "$@" b.treaty)
  printf "%-34s %8s -> %-8s  cpu %7.2f s -> %7.2f s (%5.1fx)   peak %7d -> %7d KB (%4.1fx)\n" \
    "$name" "$n" "$((n * 10))" "$t1" "$t2" "$(echo "$t2 / ($t1 + 0.005)" | bc -l)" \
    "$m1" "$m2" "$(echo "$m2 / $m1" | bc -l)"
}

ratio "report, one file (treaties)" 1000 report "$BIN" report -o out.html
ratio "test, treaties (scenarios /10)" 1000 test "$BIN" test
ratio "human, duplicate clauses" 1000 duplicates "$BIN" check
ratio "human, same-named treaties" 1000 same_name "$BIN" check
ratio "beneficiaries in one provide" 1000 beneficiaries "$BIN" check
ratio "distinct consults in one trigger" 1000 consults "$BIN" check
ratio "guarantor-adversary parties" 1000 guarantor_adversary "$BIN" check
ratio "group except half its members" 1000 except_list "$BIN" check

# fmt on many files: 1x and 10x files.
mkdir -p f1 f10
gen report 20 one.treaty
for i in $(seq 1 200); do cp one.treaty "f1/$i.treaty"; done
for i in $(seq 1 2000); do cp one.treaty "f10/$i.treaty"; done
read -r t1 m1 < <(measure "$BIN" fmt --check f1)
read -r t2 m2 < <(measure "$BIN" fmt --check f10)
/usr/bin/time -f "%e" -o w.txt "$BIN" fmt --check f10 > /dev/null 2>&1 || true
printf "%-34s %8s -> %-8s  cpu %7.2f s -> %7.2f s (%5.1fx)   wall for 2000: %s s (cpu/wall shows the cores used)\n" \
  "fmt --check, files" 200 2000 "$t1" "$t2" "$(echo "$t2 / ($t1 + 0.005)" | bc -l)" "$(tail -1 w.txt)"

# Memory (issue 17, item 5): peak against the input's size.
for spec in "provide_x 10000000" "consult_a 50000000"; do
  set -- $spec
  gen "$1" "$2" m.treaty
  for cmd in check "fmt --check"; do
    read -r t m < <(measure "$BIN" $cmd m.treaty)
    printf "%-34s %-12s %-12s cpu %7.2f s   peak %8d KB = %5.1fx the input\n" \
      "memory: $1" "$(($2 / 1000000)) MB" "$cmd" "$t" "$m" "$(echo "$m * 1024 / $2" | bc -l)"
  done
done
