#!/usr/bin/env bash
# Measures apigwlint against the floors it is judged by, on generated
# definition files, and prints a markdown table of ratios measured in the
# same run (absolute times depend on the machine; ratios much less).
#
#   scripts/bench.sh [WORKDIR]
#
# WORKDIR (default: a new temporary directory) receives the binaries, the
# generated trees and the result cache. Environment:
#   BENCH_RUNS=5        runs per measurement (hyperfine: --runs)
#   BENCH_N=10000       files of the main tree
#   BENCH_BIG=100000    files of the scale run; 0 skips it
#   BENCH_PART=32000    files of the partial-run project (about 50,000
#                       definitions); 0 skips it
#   BENCH_AJV=1         also time ajv-cli (installed with npm into WORKDIR)
#   BENCH_TF=2000       APIs of the Terraform project (200 .tf files in 20
#                       modules); 0 skips it
#   BENCH_TFLINT=1      also time tflint on it (go install into WORKDIR)
#   BENCH_ROS=2000      ROS templates (5 APIs each) of the front-end run;
#                       0 skips it
#
# Uses hyperfine when installed (apt-get install hyperfine), else a loop
# timed with date. The 100k run is measured once, under /usr/bin/time for
# its peak RSS.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d "${TMPDIR:-/tmp}/apigwlint-bench.XXXXXX")}
mkdir -p "$work"
work=$(cd "$work" && pwd)
runs=${BENCH_RUNS:-5}
n=${BENCH_N:-10000}
big=${BENCH_BIG:-100000}
part_n=${BENCH_PART:-32000}
use_ajv=${BENCH_AJV:-1}
tf_n=${BENCH_TF:-2000}
use_tflint=${BENCH_TFLINT:-1}
ros_n=${BENCH_ROS:-2000}

log() { echo "bench: $*" >&2; }

log "building into $work"
# CGO_ENABLED=0: the static binary the project ships (net would otherwise
# link the C resolver dynamically, and start slower).
(cd "$root" && export CGO_ENABLED=0 && go build -o "$work/apigwlint" ./cmd/apigwlint &&
	go build -o "$work/parsefloor" ./internal/tools/parsefloor &&
	go build -o "$work/gen" ./internal/tools/gen)
lint="$work/apigwlint"

gen_tree() { # N DIR
	[ -d "$2" ] || "$work/gen" -n "$1" -o "$2" >&2
}
gen_tree "$n" "$work/t10k"
[ -f "$work/docs10k.yaml" ] || "$work/gen" -docs 10000 -o "$work/docs10k.yaml" >&2
[ -f "$work/docs5k.yaml" ] || "$work/gen" -docs 5000 -o "$work/docs5k.yaml" >&2
one="$work/t10k/orders/group-00000/get-000000.yaml"

# measure NAME SHELLCMD: mean wall seconds and mean user+sys seconds of
# SHELLCMD (run by bash), printed as "wall cpu".
measure() {
	local name=$1 cmd=$2 json
	if command -v hyperfine >/dev/null; then
		json="$work/hf-$name.json"
		hyperfine --style none --warmup 1 --runs "$runs" --export-json "$json" \
			--shell bash "$cmd" >/dev/null 2>&1 || { echo "n/a n/a"; return; }
		local mean user sys
		mean=$(sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' "$json" | head -1)
		user=$(sed -n 's/.*"user": *\([0-9.e-]*\).*/\1/p' "$json" | head -1)
		sys=$(sed -n 's/.*"system": *\([0-9.e-]*\).*/\1/p' "$json" | head -1)
		awk -v m="$mean" -v u="$user" -v s="$sys" 'BEGIN { printf "%.4f %.4f\n", m, u + s }'
	else
		bash -c "$cmd" >/dev/null 2>&1 || true # warm up
		local start end
		start=$(date +%s%N)
		for _ in $(seq "$runs"); do bash -c "$cmd" >/dev/null 2>&1 || true; done
		end=$(date +%s%N)
		awk -v a="$start" -v b="$end" -v n="$runs" 'BEGIN { printf "%.4f n/a\n", (b - a) / n / 1e9 }'
	fi
}

declare -A wall cpu
record() { # NAME SHELLCMD
	log "measuring $1"
	read -r "wall[$1]" "cpu[$1]" < <(measure "$1" "$2")
}

record tokenize "'$work/parsefloor' -tokenize '$work/t10k'"
record floor "'$work/parsefloor' '$work/t10k'"
record cat "find '$work/t10k' -type f -print0 | xargs -0 cat > /dev/null"
# apigwlint runs from inside the tree it checks, as a user runs it: the
# project root (for the cross-file rules) is the current directory's.
record cold "cd '$work/t10k' && '$lint' lint --no-cache ."
(cd "$work/t10k" && "$lint" lint --cache-dir "$work/cache" . >/dev/null) # fill the cache
record warm "cd '$work/t10k' && '$lint' lint --cache-dir '$work/cache' ."
record version "'$lint' version"
# One file on its own (a project of one file), then the same file named in
# the 10k project (the editor-on-save and pre-commit path: the other files
# are read for the cross-file index).
mkdir -p "$work/solo/.git" && cp "$one" "$work/solo/"
record one "cd '$work/solo' && '$lint' lint --no-cache '$(basename "$one")'"
record onewarm "cd '$work/solo' && '$lint' lint --cache-dir '$work/cache' '$(basename "$one")'"
record oneproj "cd '$work/t10k' && '$lint' lint --no-cache '${one#$work/t10k/}'"
record oneprojwarm "cd '$work/t10k' && '$lint' lint --cache-dir '$work/cache' '${one#$work/t10k/}'"
mkdir -p "$work/docs/.git"
record docs5k "cd '$work/docs' && '$lint' lint --no-cache '$work/docs5k.yaml'"
record docs10k "cd '$work/docs' && '$lint' lint --no-cache '$work/docs10k.yaml'"

# ajv-cli reads one document per file and stops at the first file it
# cannot parse, so it is compared on the single-document files of the $n
# tree (split by operation, each validated against its schema), with
# apigwlint timed on exactly those files.
wall[ajv]=n/a cpu[ajv]=n/a wall[subset]=n/a cpu[subset]=n/a
if [ "$use_ajv" = 1 ]; then
	log "installing ajv-cli into $work/ajv (npm)"
	ajv="$work/ajv/node_modules/.bin/ajv"
	if [ -x "$ajv" ] || npm install --silent --prefix "$work/ajv" ajv-cli@5 ajv-formats@2 >/dev/null 2>&1; then
		if [ ! -d "$work/single" ]; then
			(cd "$work/t10k" && find . -type f ! -name 'lifecycle-*' ! -name 'openid-*' ! -name 'service-*.yaml' ! -name 'services-*' |
				while read -r f; do
					case $f in */service-*) d=svc ;; *) d=api ;; esac
					mkdir -p "$work/single/$d/$(dirname "$f")"
					ln "$f" "$work/single/$d/$f"
				done)
		fi
		ajvcmd="cd '$work/single' && '$ajv' validate --spec=draft2020 --strict=false -c ajv-formats -s '$root/schema/CreateService.json' -d 'svc/**/*.*' >/dev/null 2>&1; '$ajv' validate --spec=draft2020 --strict=false -c ajv-formats -s '$root/schema/CreateApi.json' -d 'api/**/*.*' >/dev/null 2>&1; true"
		if "$ajv" help >/dev/null 2>&1; then
			record ajv "$ajvcmd"
			record subset "cd '$work/single' && '$lint' lint --no-cache ."
		else
			log "ajv-cli does not run: n/a"
		fi
	else
		log "npm install failed: ajv-cli is n/a"
	fi
fi
nsingle=$(find "$work/single" -type f 2>/dev/null | wc -l || true)

bigwall=n/a bigrss=n/a partcold=n/a partwarm=n/a partdefs=n/a
if [ "$big" -gt 0 ]; then
	gen_tree "$big" "$work/t$big"
	log "measuring $big files once (peak RSS)"
	# As hyperfine's warm-up does for the others: the files are read once
	# first, so that the run is timed against the page cache, not the disk.
	find "$work/t$big" -type f -print0 | xargs -0 cat >/dev/null
	(cd "$work/t$big" && /usr/bin/time -v "$lint" lint --no-cache . >"$work/big.out" 2>"$work/big.time") || true
	bigwall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/big.time")
	bigrss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/big.time")
fi

# Partial run (pre-commit): one file named, inside a project of about
# 50,000 definitions, from the project root; cold without a cache, warm
# after a whole run filled it.
if [ "$part_n" -gt 0 ]; then
	gen_tree "$part_n" "$work/p$part_n"
	mkdir -p "$work/p$part_n/.git"
	partdefs=$(cd "$work/p$part_n" && "$lint" lint --no-cache . 2>/dev/null | sed -n 's/.*files, \([0-9]*\) definitions.*/\1/p')
	part="orders/group-00000/create-000004.yaml"
	read -r partcold _ < <(measure partcold "cd '$work/p$part_n' && '$lint' lint --no-cache '$part'")
	(cd "$work/p$part_n" && "$lint" lint --cache-dir "$work/cache" . >/dev/null 2>&1) || true
	read -r partwarm _ < <(measure partwarm "cd '$work/p$part_n' && '$lint' lint --cache-dir '$work/cache' '$part'")
fi

# Terraform: a generated project of 20 modules, 200 .tf files; apigwlint
# cold and warm, and tflint's bare run (its bundled terraform ruleset, no
# plugins, no configuration) on the same directories in the same run.
wall[tfcold]=n/a cpu[tfcold]=n/a wall[tfwarm]=n/a cpu[tfwarm]=n/a wall[tflint]=n/a cpu[tflint]=n/a
if [ "$tf_n" -gt 0 ]; then
	[ -d "$work/tf" ] || "$work/gen" -tf "$tf_n" -o "$work/tf" >&2
	mkdir -p "$work/tf/.git"
	record tfcold "cd '$work/tf' && '$lint' lint --no-cache ."
	(cd "$work/tf" && "$lint" lint --cache-dir "$work/cache" . >/dev/null 2>&1) || true
	record tfwarm "cd '$work/tf' && '$lint' lint --cache-dir '$work/cache' ."
	if [ "$use_tflint" = 1 ]; then
		log "installing tflint into $work/bin (go install)"
		if [ -x "$work/bin/tflint" ] || GOBIN="$work/bin" go install github.com/terraform-linters/tflint@v0.61.0 >/dev/null 2>&1; then
			record tflint "cd '$work/tf' && '$work/bin/tflint' --recursive >/dev/null 2>&1; true"
		else
			log "go install tflint failed: n/a"
		fi
	fi
fi
# ROS templates: the same checks through the ROS front-end, cold and warm;
# the cold per-definition cost is compared with the request files'.
roscold=n/a roswarm=n/a rosdefs=n/a defs10k=n/a
if [ "$ros_n" -gt 0 ]; then
	[ -d "$work/ros$ros_n" ] || "$work/gen" -ros -n "$ros_n" -o "$work/ros$ros_n" >&2
	mkdir -p "$work/ros$ros_n/.git"
	rosdefs=$(cd "$work/ros$ros_n" && "$lint" lint --no-cache . 2>/dev/null | sed -n 's/.*files*, \([0-9]*\) definitions.*/\1/p')
	defs10k=$(cd "$work/t10k" && "$lint" lint --no-cache . 2>/dev/null | sed -n 's/.*files*, \([0-9]*\) definitions.*/\1/p')
	record roscold "cd '$work/ros$ros_n' && '$lint' lint --no-cache ."
	(cd "$work/ros$ros_n" && "$lint" lint --cache-dir "$work/cache" . >/dev/null) || true
	record roswarm "cd '$work/ros$ros_n' && '$lint' lint --cache-dir '$work/cache' ."
	roscold=${wall[roscold]} roswarm=${wall[roswarm]}
fi
perdef() { awk -v a="$1" -v n="$2" 'BEGIN { if (a == "n/a" || n == "n/a" || n == 0) print "n/a"; else printf "%.1f µs", a / n * 1e6 }'; }
defratio() { awk -v a="$1" -v n="$2" -v b="$3" -v m="$4" 'BEGIN { if (a == "n/a" || b == "n/a" || n == "n/a" || m == "n/a" || n == 0 || m == 0 || b == 0) print "n/a"; else printf "%.2f", (a / n) / (b / m) }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
ms() { awk -v a="$1" 'BEGIN { if (a == "n/a") print "n/a"; else printf "%.0f ms", a * 1000 }'; }
sec() { awk -v a="$1" 'BEGIN { if (a == "n/a") print "n/a"; else printf "%.2f s", a }'; }

size=$(du -sh "$work/t10k" | cut -f1)
cpuinfo=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || uname -m)
echo
echo "Machine: $(nproc) cores, ${cpuinfo:-unknown CPU}, $(uname -sr), $(go version | cut -d' ' -f3), load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo "Input: $n generated files ($size), $runs runs each (mean wall time; CPU = user+sys)."
echo
echo "| measurement | wall | CPU | ratio | target |"
echo "|---|---|---|---|---|"
echo "| go-yaml tokenize only, $n files, all cores | $(sec "${wall[tokenize]}") | $(sec "${cpu[tokenize]}") | | |"
echo "| go-yaml parse (the floor), $n files, all cores | $(sec "${wall[floor]}") | $(sec "${cpu[floor]}") | 1.00 | |"
echo "| cat of the $n files | $(sec "${wall[cat]}") | $(sec "${cpu[cat]}") | | |"
echo "| ajv-cli, the $nsingle single-document files of the $n | $(sec "${wall[ajv]}") | $(sec "${cpu[ajv]}") | | |"
echo "| **apigwlint cold, the same $nsingle files** | $(sec "${wall[subset]}") | $(sec "${cpu[subset]}") | ajv takes $(ratio "${wall[ajv]}" "${wall[subset]}")× as long | ≥ 1.5× |"
echo "| **apigwlint cold, $n files** | $(sec "${wall[cold]}") | $(sec "${cpu[cold]}") | $(ratio "${wall[cold]}" "${wall[floor]}")× floor | ≤ 1.3× floor |"
echo "| **apigwlint warm, $n files** | $(sec "${wall[warm]}") | $(sec "${cpu[warm]}") | $(ratio "${wall[warm]}" "${wall[cat]}")× cat | ≤ 1× cat, < 0.3 s |"
echo "| **apigwlint cold, $big files** (once) | $(sec "$bigwall") | | $(ratio "$bigwall" "${wall[cold]}")× $n cold | ≤ 11× |"
echo "| peak RSS, $big files | ${bigrss} MiB | | | < 300 MiB |"
echo "| process start (\`apigwlint version\`) | $(ms "${wall[version]}") | $(ms "${cpu[version]}") | | |"
echo "| **one file, whole process**, cold | $(ms "${wall[one]}") | $(ms "${cpu[one]}") | | < 20 ms |"
echo "| one file, whole process, warm | $(ms "${wall[onewarm]}") | $(ms "${cpu[onewarm]}") | | |"
echo "| one file named in the $n-file project, cold / warm | $(ms "${wall[oneproj]}") / $(ms "${wall[oneprojwarm]}") | | | |"
echo "| one file of 5,000 documents | $(sec "${wall[docs5k]}") | $(sec "${cpu[docs5k]}") | | |"
echo "| **one file of 10,000 documents** | $(sec "${wall[docs10k]}") | $(sec "${cpu[docs10k]}") | $(ratio "${wall[docs10k]}" "${wall[docs5k]}")× 5,000 | ≈ 2 (linear) |"
echo "| **partial run**: 1 file named in a project of ${partdefs} definitions, cold | $(ms "$partcold") | | | < 1 s |"
echo "| partial run, warm | $(ms "$partwarm") | | | < 0.3 s |"
echo "| tflint --recursive, Terraform project of $tf_n APIs in 200 files | $(sec "${wall[tflint]}") | $(sec "${cpu[tflint]}") | | |"
echo "| **apigwlint cold, the same Terraform project** | $(sec "${wall[tfcold]}") | $(sec "${cpu[tfcold]}") | tflint takes $(ratio "${wall[tflint]}" "${wall[tfcold]}")× as long | > 1× |"
echo "| apigwlint warm, the same Terraform project | $(sec "${wall[tfwarm]}") | $(sec "${cpu[tfwarm]}") | | |"
echo "| **ROS templates cold**, $ros_n templates × 5 APIs ($rosdefs definitions) | $(sec "$roscold") | $(sec "${cpu[roscold]:-n/a}") | $(perdef "$roscold" "$rosdefs")/definition = $(defratio "$roscold" "$rosdefs" "${wall[cold]}" "$defs10k")× request files' ($(perdef "${wall[cold]}" "$defs10k")) | ≤ 1.5× |"
echo "| ROS templates warm | $(sec "$roswarm") | $(sec "${cpu[roswarm]:-n/a}") | | |"
echo
echo "Profile the cold run: APIGWLINT_CPUPROFILE=cpu.out $lint lint --no-cache $work/t10k && go tool pprof -top -cum $lint cpu.out"
