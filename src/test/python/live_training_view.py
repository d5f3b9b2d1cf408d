"""A notebook cell that trains with TrainingView.live() updates one output area in place, through the kernel.

Starts the `java` kernel, trains a context encoder for three epochs on a few CIFAR-10 images in one cell and checks
the messages the kernel sent: one display_data, then update_display_data with the same display id, a loss chart
(PNG) redrawn after each epoch, and at the end only the chart and one summary line, no progress lines. A second
cell reuses the finished run: it shows its chart and summary at once. Run by LiveTrainingViewIT with
JUPYTER_PATH pointing at a kernelspec for the freshly built kernel:
    JUPYTER_PATH=target/jupyter /usr/bin/python3 src/test/python/live_training_view.py CIFAR_FOLDER
"""
import re
import shutil
import sys
import tempfile

from jupyter_client.manager import start_new_kernel

EPOCHS = 3
SETUP = """
import org.contextencoder.data.*;
import org.contextencoder.mask.*;
import org.contextencoder.model.*;
import org.contextencoder.train.*;
import org.contextencoder.viz.*;

Cifar10 cifar = Cifar10.openFolder(Path.of("%(cifar)s"));
ImageSet train = cifar.split(Split.TRAIN, List.of(), 64);
ImageSet validation = cifar.split(Split.TEST, List.of(), 32);
TrainingConfig config = TrainingConfig.paperDefaults(%(epochs)d, 16);
Supplier<InpaintingModel> fresh = () -> new InpaintingModel(Architecture.CE32.build(config.seed(),
        config.optimizer().updater(config.learningRate()), config.optimizer().weightDecay(), 16),
        Architecture.CE32, 16, new HoleFill.Solid(train.meanColour()));
"""
TRAIN = """
TrainingResult result = new Trainer(config, TrainingView.live())
        .train(fresh, train, validation, new CenterMask(32, 16), Path.of("%(run)s"));
"trained " + result.history().size() + " epochs"
"""
SUMMARY = re.compile(r"^live: epoch %d/%d best \d: validation 0\.\d{5}, [\dhms]+$" % (EPOCHS, EPOCHS))
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run_cell(kc, code):
    """The cell's iopub messages, in order; fails the script if the cell fails."""
    messages = []
    reply = kc.execute_interactive(code, output_hook=messages.append, timeout=900)
    if reply["content"]["status"] != "ok":
        sys.exit("FAIL: the cell failed: %s\n%s" % (reply["content"], code))
    return messages


def displays(messages):
    return [m for m in messages if m["msg_type"] in ("display_data", "update_display_data")]


def check_final(data, where):
    check(SUMMARY.match(data.get("text/plain", "")), "%s: the text is one summary line: %r"
          % (where, data.get("text/plain")))
    html = data.get("text/html", "")
    check("<progress" not in html, where + ": no progress bar left in the HTML")
    check("data:image/png;base64," + data.get("image/png", "-") in html, where + ": the HTML shows the PNG chart")


folder = tempfile.mkdtemp(prefix="live-view-")
km, kc = start_new_kernel(kernel_name="java", startup_timeout=120)
try:
    run_cell(kc, SETUP % {"cifar": sys.argv[1], "epochs": EPOCHS})
    code = TRAIN % {"run": folder + "/live"}

    trained = run_cell(kc, code)
    sent = displays(trained)
    if not sent:
        sys.exit("FAIL: the training cell displayed nothing; it printed:\n" + "".join(
            m["content"]["text"] for m in trained if m["msg_type"] == "stream"))
    ids = {m["content"].get("transient", {}).get("display_id") for m in sent}
    check(len(sent) > EPOCHS, "an update per epoch at least, got %d messages" % len(sent))
    check(sent and sent[0]["msg_type"] == "display_data", "the area is shown first")
    check(all(m["msg_type"] == "update_display_data" for m in sent[1:]), "then only updated")
    check(len(ids) == 1 and None not in ids, "one display id throughout: %s" % ids)
    charts = [m["content"]["data"]["image/png"] for m in sent if "image/png" in m["content"]["data"]]
    redrawn = [c for i, c in enumerate(charts) if i == 0 or c != charts[i - 1]]
    check(len(redrawn) == EPOCHS and len(set(redrawn)) == EPOCHS,
          "the chart is drawn anew after each of the %d epochs: %d drawings" % (EPOCHS, len(set(charts))))
    check_final(sent[-1]["content"]["data"], "after training")
    printed = "".join(m["content"]["text"] for m in trained if m["msg_type"] == "stream")
    check("batch" not in printed, "no progress lines printed: %r" % printed)

    reused = displays(run_cell(kc, code))
    check([m["msg_type"] for m in reused] == ["display_data"], "a reused run shows once, with no updates: %s"
          % [m["msg_type"] for m in reused])
    if reused:
        check_final(reused[0]["content"]["data"], "reused")
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    del kc, km  # while the interpreter still runs: jupyter_client's finalizers log
    shutil.rmtree(folder, ignore_errors=True)

if failures:
    sys.exit("FAIL:\n  " + "\n  ".join(failures))
print("OK: %d display messages with one display id, %d charts, final: %s"
      % (len(sent), len(set(charts)), sent[-1]["content"]["data"]["text/plain"]))
