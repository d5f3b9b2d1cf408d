#!/bin/sh
# Runs bench/torch_bench.py on Debian's python3-torch with Debian's OpenBLAS (pthread build) in front of whatever
# libblas.so.3 the alternatives system picked: a plain `apt-get install python3-torch` pulls in the reference BLAS,
# which makes torch's CPU GEMMs several times slower. Arguments go to torch_bench.py (--model, --reps, --json).
# OPENBLAS_CORETYPE is passed through unchanged; measure with and without it (see bench/README.md).
OPENBLAS_DIR=${OPENBLAS_DIR:-/usr/lib/x86_64-linux-gnu/openblas-pthread}
if [ ! -e "$OPENBLAS_DIR/libblas.so.3" ]; then
  echo "no OpenBLAS in $OPENBLAS_DIR: apt-get install libopenblas0-pthread" >&2
  exit 1
fi
LD_LIBRARY_PATH="$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec /usr/bin/python3 "$(dirname "$0")/torch_bench.py" "$@"
