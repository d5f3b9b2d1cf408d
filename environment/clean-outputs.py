#!/usr/bin/python3
"""Cleans executed notebooks' outputs of what only the machine that ran them means, in place.
    environment/clean-outputs.py --root DIR [--data DIR] [--relative-to DIR] NOTEBOOK...
run-notebooks.sh applies it to every notebook it executes. It changes outputs only, deterministically:
- absolute paths under the project root (--root) or the data root (--data) become relative to the folder the
  kernel ran in (--relative-to, default: each notebook's own folder), as the kernel itself prints them when
  WORKBENCH_DATA is relative: /home/me/shared/data/cifar-10-batches-bin becomes ../../shared/data/...;
- log lines at INFO, and the backend's at WARN, are dropped (the kernel logs the workbench at WARN; other
  warnings inform, and stay);
- a picture's plain text that is an object dump (BufferedImage@1f2e...: type = 1 ...) becomes `image WxH`,
  the size of its PNG, as the kernel writes it.
"""
import argparse
import base64
import json
import os
import re
import struct
import sys

LOG_LINE = re.compile(r"^(?:INFO \S+|WARN Nd4jBackend) - .*(?:\n|$)", re.M)
OBJECT_DUMP = re.compile(r"^[\w.$]+@[0-9a-f]+\b")


def relative_paths(prefixes, kernel_dir):
    """Replaces each absolute prefix (and what follows it) by its path relative to kernel_dir; longest first."""
    rules = {}
    for prefix in prefixes:
        relative = os.path.relpath(os.path.realpath(prefix), kernel_dir)
        for spelling in (os.path.abspath(prefix), os.path.realpath(prefix)):  # as given, and symlinks resolved
            rules[spelling] = relative
    rules = [(re.compile(r"(?<![\w.-])" + re.escape(p) + r"(?![\w.-])"), rules[p])
             for p in sorted(rules, key=len, reverse=True)]

    def apply(text):
        for pattern, replacement in rules:
            text = pattern.sub(lambda m: replacement, text)
        return text
    return apply


def png_size(data):
    """Width and height from a base64 PNG's header."""
    head = base64.b64decode(re.sub(r"\s", "", as_text(data))[:32])
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def as_text(value):
    return "".join(value) if isinstance(value, list) else value


def as_lines(text):
    """nbformat's list-of-lines form, each line keeping its newline."""
    return text.splitlines(keepends=True)


def clean_output(output, paths):
    kind = output.get("output_type")
    if kind == "stream":
        text = paths(LOG_LINE.sub("", as_text(output["text"])))
        output["text"] = as_lines(text)
        return bool(text)
    if kind == "error":
        output["evalue"] = paths(output.get("evalue", ""))
        output["traceback"] = [paths(line) for line in output.get("traceback", [])]
        return True
    data = output.get("data", {})
    for mime in ("text/plain", "text/html"):
        if mime in data:
            data[mime] = as_lines(paths(as_text(data[mime])))
    if "image/png" in data and OBJECT_DUMP.match(as_text(data.get("text/plain", ""))):
        size = png_size(data["image/png"])
        if size:
            data["text/plain"] = ["image %dx%d" % size]
    return True


def clean(notebook, paths):
    with open(notebook, encoding="utf-8") as f:
        nb = json.load(f)
    for cell in nb.get("cells", []):
        if "outputs" in cell:
            cell["outputs"] = [o for o in cell["outputs"] if clean_output(o, paths)]
    with open(notebook, "w", encoding="utf-8") as f:
        f.write(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the project root the notebooks ran in")
    parser.add_argument("--data", help="the data root they read (WORKBENCH_DATA)")
    parser.add_argument("--relative-to", help="the folder the kernels ran in (default: each notebook's folder)")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    prefixes = [args.root] + ([args.data] if args.data else [])
    for notebook in args.notebooks:
        if not os.path.isfile(notebook):
            sys.exit(f"{notebook} is not a file: give executed notebooks (.ipynb) to clean")
        kernel_dir = args.relative_to or os.path.dirname(os.path.abspath(notebook))
        clean(notebook, relative_paths(prefixes, os.path.realpath(kernel_dir)))


if __name__ == "__main__":
    main()
