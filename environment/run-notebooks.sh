#!/usr/bin/env bash
# Executes notebooks headless with `jupyter nbconvert --execute`, stopping at the first cell error.
#   environment/run-notebooks.sh [--scale small|full] [NOTEBOOK...]
# Default: every notebook under notebooks/, at the small scale.
#   small: quick CI-sized runs; executed copies go to target/notebooks/ (committed outputs stay).
#   full:  the paper's settings; executed copies replace the notebooks in place.
# The scale reaches notebooks as WORKBENCH_SCALE; MAX_EPOCH, DATASET_LIMIT and the like pass through.
# The kernel is the one built in this checkout (target/), whatever kernelspec is installed; its kernelspec gives it
# the glibc malloc settings of environment/malloc.sh.
# Every executed notebook is cleaned by environment/clean-outputs.py (no machine paths, no INFO log lines).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
scale=small
notebooks=()
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) scale=${2:?--scale needs small or full}; shift 2 ;;
        --scale=*) scale=${1#--scale=}; shift ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) notebooks+=("$(readlink -f "$1")"); shift ;;
    esac
done
case "$scale" in
    small) cell_timeout=1800 ;;   # generous: a stuck cell still ends the run
    full) cell_timeout=-1 ;;      # training cells may run for hours
    *) echo "unknown scale '$scale' (small or full)" >&2; exit 2 ;;
esac
export WORKBENCH_SCALE=$scale
# A relative data root means where this command was typed. Kernels run in their notebook's folder, so each gets it
# relative to that folder: what a notebook prints of it (data_dir, where its images came from) holds no machine path.
data_root=
if [ -n "${WORKBENCH_DATA:-}" ]; then
    data_root=$(realpath -m -- "$WORKBENCH_DATA")
fi

if [ ${#notebooks[@]} -eq 0 ]; then
    mapfile -t notebooks < <(find "$root/notebooks" -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort)
fi
if [ ${#notebooks[@]} -eq 0 ]; then
    echo "no notebooks found under $root/notebooks" >&2
    exit 1
fi
if ! /usr/bin/python3 -c 'import nbconvert, nbclient' 2>/dev/null; then
    echo "Jupyter (nbconvert, nbclient) is missing for /usr/bin/python3: run environment/setup.sh" >&2
    exit 1
fi

# A kernelspec for this checkout's kernel, found before any installed one.
"$root/environment/write-kernelspec.sh" "$root/target/jupyter/kernels/java"
export JUPYTER_PATH="$root/target/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"

for notebook in "${notebooks[@]}"; do
    if [ "$scale" = small ]; then
        relative=$(realpath --relative-to="$root/notebooks" "$(dirname "$notebook")")
        out_dir="$root/target/notebooks/$relative"
    else
        out_dir=$(dirname "$notebook")
    fi
    mkdir -p "$out_dir"
    kernel_dir=$(dirname "$notebook")
    if [ -n "$data_root" ]; then
        WORKBENCH_DATA=$(realpath -m --relative-to="$kernel_dir" -- "$data_root")
        export WORKBENCH_DATA
    fi
    echo "== $notebook ($scale) -> $out_dir"
    start=$(date +%s)
    /usr/bin/python3 -m jupyter nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name=java \
        --ExecutePreprocessor.timeout="$cell_timeout" \
        --output-dir "$out_dir" --output "$(basename "$notebook")" \
        "$notebook"
    /usr/bin/python3 "$root/environment/clean-outputs.py" --root "$root" ${data_root:+--data "$data_root"} \
        --relative-to "$kernel_dir" "$out_dir/$(basename "$notebook")"
    echo "== done in $(( $(date +%s) - start )) s"
done
