#!/usr/bin/env bash
# Makes a fresh machine ready for the workbench; safe to run again (it only does what is missing).
#   1. Jupyter for /usr/bin/python3 (notebook, nbconvert, nbclient) and the kernel conformance
#      harness (jupyter_kernel_test): apt-installed on Debian/Ubuntu as root, else an instruction.
#   2. The build: mvn -B -q package -DskipTests (target/workbench.jar + target/lib/).
#   3. The `java` kernelspec for the current user, pointing at this checkout's built kernel.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
python=/usr/bin/python3   # Debian's Jupyter runs here, whatever python3 comes first on PATH

declare -A package_of=(
    [notebook]=jupyter-notebook
    [nbconvert]=jupyter-nbconvert
    [nbclient]=python3-nbclient
    [jupyter_kernel_test]=python3-jupyter-kernel-test
)
missing=()
for module in notebook nbconvert nbclient jupyter_kernel_test; do
    if ! [ -x "$python" ] || ! "$python" -c "import $module" 2>/dev/null; then
        missing+=("${package_of[$module]}")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    if [ -r /etc/debian_version ] && command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
        echo "setup: installing ${missing[*]}"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    else
        cat >&2 <<MSG
setup: Jupyter is missing for $python (needed: ${missing[*]}).
  On Debian/Ubuntu, as root:  apt-get update && apt-get install -y ${missing[*]}
  Elsewhere, install for $python:  $python -m pip install notebook nbconvert nbclient jupyter_kernel_test
Then run environment/setup.sh again.
MSG
        exit 1
    fi
fi

echo "setup: building (mvn -B -q package -DskipTests)"
(cd "$root" && mvn -B -q package -DskipTests)

spec_dir=$(mktemp -d)
trap 'rm -rf "$spec_dir"' EXIT
"$root/environment/write-kernelspec.sh" "$spec_dir/java"
# The module, not `jupyter kernelspec`: Debian ships that command in a package we do not need.
"$python" -m jupyter_client.kernelspecapp install --user --replace --name java "$spec_dir/java" >/dev/null
echo "setup: kernelspec 'java' installed:"
"$python" -m jupyter_client.kernelspecapp list 2>/dev/null | grep -E '^\s*java\s'
