"""What the `java` kernel's cells show of the workbench's logging: its warnings, as plain text on stdout, and none
of its INFO lines (the ND4J backend line, a finished run reused), which are for the command line.

Run by KernelLogLinesIT with JUPYTER_PATH pointing at a kernelspec for the freshly built kernel:
    JUPYTER_PATH=target/jupyter /usr/bin/python3 src/test/python/log_lines.py
Exits non-zero with a FAIL line when a cell shows an INFO line or hides the warning.
"""
import sys
import tempfile

from jupyter_client.manager import start_new_kernel

CELL = """
org.contextencoder.backend.Nd4jBackend.configure();
org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(org.contextencoder.train.Trainer.class);
log.info("an INFO line");
log.warn("a warning that informs");
"done"
"""


def main():
    with tempfile.NamedTemporaryFile("w+", prefix="kernel-", suffix=".log") as log:
        km, kc = start_new_kernel(kernel_name="java", startup_timeout=120, stderr=log)
        try:
            streams = {"stdout": "", "stderr": ""}

            def collect(msg):
                if msg["msg_type"] == "stream":
                    streams[msg["content"]["name"]] += msg["content"]["text"]

            reply = kc.execute_interactive(CELL, timeout=300, output_hook=collect)
            problems = []
            if reply["content"]["status"] != "ok":
                problems.append(f"the cell failed: {reply['content']}")
            if "INFO" in streams["stdout"] + streams["stderr"]:
                problems.append("an INFO line reached the cell's output")
            if "WARN Trainer - a warning that informs" not in streams["stdout"]:
                problems.append("the warning did not reach the cell's stdout")
            if problems:
                log.seek(0)
                print("FAIL: " + "; ".join(problems) + f"\nstdout: {streams['stdout']!r}\nstderr: {streams['stderr']!r}"
                      + "\nkernel log:\n" + log.read())
                sys.exit(1)
            print("OK: warnings shown, no INFO lines")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
