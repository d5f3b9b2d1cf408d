"""Jupyter protocol conformance of the workbench's `java` kernel (jupyter_kernel_test).

Run by KernelConformanceIT with JUPYTER_PATH pointing at a kernelspec for the freshly built kernel:
    JUPYTER_PATH=target/jupyter /usr/bin/python3 src/test/python/kernel_conformance.py
"""
import unittest

import jupyter_kernel_test


class JavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "java"

    # The JVM and JShell take a few seconds to start; the harness's first request must wait.
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kc.wait_for_ready(timeout=120)

    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "String.valueO", "matches": {"valueOf("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 5;", "void f() { }", "%time 1 + 1", ""]
    incomplete_code_samples = ["for (int i = 0; i < 10; i++) {", "class A {", "int f(int a,"]
    invalid_code_samples = ['String s = "abc', ")"]

    code_generate_error = 'throw new IllegalStateException("expected failure");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"hello" + ", world"', "result": "hello, world"},
        {"code": "java.util.List.of(1, 2, 3)", "result": "[1, 2, 3]"},
        {
            "code": "new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB)",
            "mime": "image/png",
        },
    ]

    code_display_data = [
        {"code": 'display("shown")', "mime": "text/plain"},
        {"code": "display(new java.awt.image.BufferedImage(4, 4, 1))", "mime": "image/png"},
        {"code": 'display("<b>bold</b>", "text/html")', "mime": "text/html"},
    ]

    code_history_pattern = "6 * ?"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    # clear_output is not part of IJava's API; JJava's own API (which this kernel shares) has it.
    code_clear_output = ""


    def test_binds_loopback_only(self):
        """Every port of the connection file listens on 127.0.0.1, nowhere else."""
        info = self.km.get_connection_info()
        self.assertEqual(info["ip"], "127.0.0.1")
        ports = {info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
        listening = {}
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with open(table) as f:
                for line in f.readlines()[1:]:
                    local, state = line.split()[1], line.split()[3]
                    address, port = local.split(":")
                    if state == "0A" and int(port, 16) in ports:  # 0A: LISTEN
                        listening.setdefault(int(port, 16), set()).add(address)
        self.assertEqual(ports, set(listening))
        loopback = {"0100007F", "0000000000000000FFFF00000100007F"}  # 127.0.0.1, also IPv4-mapped
        self.assertTrue(all(a <= loopback for a in listening.values()), listening)


if __name__ == "__main__":
    unittest.main(verbosity=2)
