"""The `java` kernel under hostile or clumsy input, through its real sockets: after each case the kernel must
still answer the next correctly signed request.

Run by HostileInputIT with JUPYTER_PATH pointing at a kernelspec for the freshly built kernel:
    JUPYTER_PATH=target/jupyter /usr/bin/python3 src/test/python/hostile_input.py CASE
CASE is one of the functions in CASES below. Exits non-zero with a FAIL line when the kernel misbehaves.
"""
import queue
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

# Generous bounds: the machine is shared, and a kernel that hangs never answers at all.
REPLY_TIMEOUT = 60


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def await_reply(get_msg, msg_id, what):
    """The reply to msg_id, read with get_msg (the client's get_shell_msg or get_control_msg); others are skipped."""
    deadline = time.monotonic() + REPLY_TIMEOUT
    while time.monotonic() < deadline:
        try:
            reply = get_msg(timeout=1)
        except queue.Empty:
            continue
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply
    raise Failure(f"no reply to {what} within {REPLY_TIMEOUT} s: the kernel stopped answering")


def outputs_of(kc, msg_id):
    """The iopub messages for request msg_id, up to its idle status, and the parents of any other message seen."""
    outputs, others = [], set()
    deadline = time.monotonic() + REPLY_TIMEOUT
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except queue.Empty:
            continue
        parent = msg["parent_header"].get("msg_id")
        if parent != msg_id:
            others.add(parent)
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return outputs, others
        else:
            outputs.append(msg)
    raise Failure(f"no idle status for request {msg_id} within {REPLY_TIMEOUT} s")


def execute(kc, code):
    """Runs code; returns its execute_reply content and its outputs (the iopub messages it caused)."""
    msg_id = kc.execute(code)
    reply = await_reply(kc.get_shell_msg, msg_id, repr(code))
    outputs, _ = outputs_of(kc, msg_id)
    return reply["content"], outputs


def stdout_of(outputs):
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def assert_answers(kc):
    """The kernel still runs cells: the closing check of every case."""
    reply, outputs = execute(kc, "1 + 2")
    check(reply["status"] == "ok", f"the next cell failed: {reply}")
    results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
    check(results == ["3"], f"the next cell gave {results}, not ['3']")


def java_major(kc):
    msg_id = kc.kernel_info()
    reply = await_reply(kc.get_shell_msg, msg_id, "kernel_info_request")
    return int(reply["content"]["language_info"]["version"].split(".")[0].split("+")[0])


def bad_signature(km, kc, log):
    """A message signed with the wrong key, on shell and on control, is dropped and logged; the next is answered."""
    forger = Session(key=b"not-the-connection-key", session=kc.session.session)
    forged = forger.msg("execute_request", content={
        "code": 'System.out.println("forged")', "silent": False, "store_history": True,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    forger.send(kc.shell_channel.socket, forged)
    msg_id = kc.execute('System.out.println("signed")')
    reply = await_reply(kc.get_shell_msg, msg_id, "the signed execute_request after a forged one")
    outputs, others = outputs_of(kc, msg_id)
    check(reply["content"]["status"] == "ok", f"the signed cell failed: {reply['content']}")
    check(stdout_of(outputs) == "signed\n", f"the signed cell printed {stdout_of(outputs)!r}")
    check(forged["header"]["msg_id"] not in others, "the kernel acted on a message signed with the wrong key")

    # A forged shutdown on control would end the kernel if it were obeyed.
    forger.send(kc.control_channel.socket, forger.msg("shutdown_request", content={"restart": False}))
    info = kc.session.msg("kernel_info_request")
    kc.control_channel.send(info)
    await_reply(kc.get_control_msg, info["header"]["msg_id"], "a signed kernel_info_request on control")
    check(km.is_alive(), "the kernel obeyed a shutdown_request signed with the wrong key")
    assert_answers(kc)
    text = log_text(log)
    check(text.count("invalid signature") >= 2, f"the kernel did not log both dropped messages:\n{text}")


def interrupt_running(km, kc, code):
    """Starts code, interrupts it once it runs, and returns the cell's error reply."""
    msg_id = kc.execute(code)
    time.sleep(3)  # lets the cell start; an interrupt before it is harmless, but tests nothing
    km.interrupt_kernel()
    reply = await_reply(kc.get_shell_msg, msg_id, "the interrupted cell")["content"]
    check(reply["status"] == "error", f"the interrupted cell did not end in an error: {reply}")
    time.sleep(3)  # as a user reads the error: whatever the kernel still does about the interrupt is over
    return reply


def interrupt_sleeping_cell(km, kc, log):
    """A cell that sleeps ends on interrupt, and the kernel goes on answering."""
    reply = interrupt_running(km, kc, "while (true) Thread.sleep(100);")
    check("interrupted" in reply["evalue"].lower(), f"the interrupted cell said: {reply['evalue']}")
    assert_answers(kc)
    assert_answers(kc)


def interrupt_swallowing_cell(km, kc, log):
    """A cell that swallows every interrupt: stopped where Java still can (up to 19), else the user is told to
    restart the kernel; either way the kernel goes on answering."""
    major = java_major(kc)
    reply = interrupt_running(km, kc, "while (true) { try { Thread.sleep(100); } catch (InterruptedException e) { } }")
    if major >= 20:
        check("restart the kernel" in reply["evalue"], f"on Java {major} the cell said: {reply['evalue']}")
    else:
        check(reply["evalue"] == "Cell interrupted", f"on Java {major} the cell said: {reply['evalue']}")
    assert_answers(kc)
    assert_answers(kc)


def system_exit(km, kc, log):
    """System.exit in a cell is refused with an error that names the cell; the kernel lives on."""
    reply, outputs = execute(kc, 'System.out.println("before");\nSystem.exit(0);')
    check(km.is_alive(), "System.exit(0) in a cell ended the kernel")
    check(reply["status"] == "error", f"System.exit(0) in a cell did not fail: {reply}")
    check(stdout_of(outputs) == "before\n", f"the cell printed {stdout_of(outputs)!r}")
    count = reply["execution_count"]
    check(any(f"Cell In[{count}], line 2" in line for line in reply["traceback"]),
          f"the error does not name the cell's line: {reply['traceback']}")
    check("System.exit" in reply["evalue"], f"the error does not say what was refused: {reply['evalue']}")
    assert_answers(kc)


def log_text(log):
    log.flush()
    with open(log.name) as f:
        return f.read()


CASES = {f.__name__.replace("_", "-"): f for f in
         (bad_signature, interrupt_sleeping_cell, interrupt_swallowing_cell, system_exit)}


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in CASES:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(CASES)}")
    case = sys.argv[1]
    with tempfile.NamedTemporaryFile("w+", prefix="kernel-", suffix=".log") as log:
        km, kc = start_new_kernel(kernel_name="java", startup_timeout=120, stderr=log)
        try:
            CASES[case](km, kc, log)
            print(f"OK: {case}")
        except Failure as e:
            print(f"FAIL: {case}: {e}")
            print("kernel log:\n" + log_text(log))
            sys.exit(1)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
