#!/usr/bin/env bash
# Writes the `java` kernelspec (kernel.json) into DIR, pointing at this checkout's built kernel:
# target/workbench.jar plus target/lib/*, with absolute paths resolved now.
#   environment/write-kernelspec.sh DIR
# JVM options default to what DL4J notebooks need; override with KERNEL_JVM_OPTS="...". The kernel runs with the
# glibc malloc settings of environment/malloc.sh (those already set in this environment win).
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$1

if [ ! -f "$root/target/workbench.jar" ] || [ ! -d "$root/target/lib" ]; then
    echo "$root/target/workbench.jar is missing: build first (mvn -B package -DskipTests, or environment/setup.sh)" >&2
    exit 1
fi
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java_bin="$JAVA_HOME/bin/java"
else
    java_bin=$(readlink -f "$(command -v java)")
fi
# Cells show the workbench's warnings (photos skipped, a sweep run diverged) as plain text on stdout rather than as
# an error-coloured stderr block, and none of its INFO lines (the backend, a finished run reused): those are for
# the command line, while a notebook's outputs are what its reader reads.
jvm_opts=${KERNEL_JVM_OPTS:--Xmx4g -Dorg.bytedeco.javacpp.maxphysicalbytes=8G -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.logFile=System.out -Dorg.slf4j.simpleLogger.log.org.contextencoder=warn}

# shellcheck source=malloc.sh
. "$root/environment/malloc.sh"

mkdir -p "$dir"
# Python writes the JSON so that paths and options are quoted correctly.
/usr/bin/python3 - "$dir/kernel.json" "$java_bin" "$root/target/workbench.jar:$root/target/lib/*" $jvm_opts <<'PY'
import json, os, sys
out, java, classpath, *jvm_opts = sys.argv[1:]
spec = {
    "argv": [java, *jvm_opts, "-cp", classpath,
             "org.contextencoder.kernel.KernelMain", "{connection_file}"],
    "display_name": "Java",
    "language": "java",
    # Interrupts arrive as interrupt_request messages: the kernel stops the cell, not the JVM.
    "interrupt_mode": "message",
    "env": {name: os.environ[name] for name in ("MALLOC_MMAP_THRESHOLD_", "GLIBC_TUNABLES")},
}
with open(out, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
PY
