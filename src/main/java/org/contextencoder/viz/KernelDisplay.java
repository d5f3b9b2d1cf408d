package org.contextencoder.viz;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.Optional;
import java.util.UUID;

/**
 * The output of the notebook cell running now, through the kernel's display stream ({@code display_data}, then
 * {@code update_display_data} with the same display id). Works on the workbench's kernel and on JJava alike: both
 * are JJava {@link BaseKernel}s.
 */
final class KernelDisplay implements DisplaySink {

    private final DisplayStream stream;

    private KernelDisplay(DisplayStream stream) {
        this.stream = stream;
    }

    /** The running cell's output, or empty outside a kernel (a terminal, a test, IJava) or between cells. */
    static Optional<DisplaySink> ofRunningCell() {
        BaseKernel kernel;
        try {
            kernel = BaseKernel.notebookKernel();
        } catch (NullPointerException e) {
            return Optional.empty(); // JJava's way of saying that no kernel runs in this JVM
        }
        DisplayStream stream = kernel.getIO().display;
        return stream.isAttached() ? Optional.of(new KernelDisplay(stream)) : Optional.empty();
    }

    @Override
    public String show(DisplayData data) {
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        stream.display(data);
        return id;
    }

    @Override
    public void update(String id, DisplayData data) {
        stream.updateDisplay(id, data);
    }
}
