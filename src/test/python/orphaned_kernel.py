"""A kernel whose Jupyter process is killed must exit by itself, not run on orphaned.

Starts the `java` kernel from a child Python process, as nbconvert or a notebook server does, waits until it
answers, kills that process with SIGKILL so that it cannot shut the kernel down, and checks that the kernel has
exited 30 s later. Run by OrphanedKernelIT with JUPYTER_PATH pointing at a kernelspec for the freshly built kernel:
    JUPYTER_PATH=target/jupyter /usr/bin/python3 src/test/python/orphaned_kernel.py
"""
import os
import signal
import subprocess
import sys
import time

LAUNCHER = """
import time
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="java", startup_timeout=120)
print(km.provisioner.process.pid, flush=True)
time.sleep(600)
"""
GRACE_SECONDS = 30


def running(pid):
    """False once the process has gone, or has exited and waits, a zombie, for a parent that never reaps it."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


launcher = subprocess.Popen([sys.executable, "-c", LAUNCHER], stdout=subprocess.PIPE, text=True)
line = launcher.stdout.readline().strip()
if not line.isdigit():
    launcher.kill()
    sys.exit(f"FAIL: the kernel did not start (launcher printed {line!r}, exit code {launcher.wait()})")
kernel = int(line)
print(f"kernel {kernel} answers; killing its Jupyter process {launcher.pid}", flush=True)
launcher.kill()
launcher.wait()

killed = time.monotonic()
while running(kernel):
    if time.monotonic() - killed > GRACE_SECONDS:
        os.kill(kernel, signal.SIGKILL)
        sys.exit(f"FAIL: kernel {kernel} still ran {GRACE_SECONDS} s after its Jupyter process was killed")
    time.sleep(0.2)
print(f"OK: kernel {kernel} exited {time.monotonic() - killed:.1f} s after its Jupyter process was killed")
