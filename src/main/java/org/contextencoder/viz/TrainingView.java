package org.contextencoder.viz;

import org.contextencoder.train.BatchProgress;
import org.contextencoder.train.ConsoleProgress;
import org.contextencoder.train.EpochRecord;
import org.contextencoder.train.LossHistory;
import org.contextencoder.train.ProgressListener;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Training as a notebook cell shows it while it runs: one output area, replaced in place, with a progress bar
 * (epoch, batch, loss, images/s, time left in the epoch and in the run) above the loss chart, which is redrawn
 * after every epoch. After each epoch, and so when the cell ends, the bar gives way to one summary line, so that
 * a saved notebook keeps the final chart and that line rather than dozens of progress lines. Batches update the
 * area at most every {@link #SECONDS_BETWEEN_UPDATES} s, so that a fast training does not flood the frontend.
 * One view shows every run it is handed (a sweep): each earlier run keeps its summary line, the chart is the
 * latest run's.
 */
public final class TrainingView implements ProgressListener {

    static final double SECONDS_BETWEEN_UPDATES = 0.5;

    private final DisplaySink sink;
    private final LongSupplier nanoClock;
    private final List<String> earlierRuns = new ArrayList<>();
    private String run = "training";
    private int epochs;
    private LossHistory history = new LossHistory();
    private String chartPng;
    private String id;
    private long lastUpdate;

    TrainingView(DisplaySink sink, LongSupplier nanoClock) {
        this.sink = sink;
        this.nanoClock = nanoClock;
    }

    /**
     * What a notebook cell hands a training: this live view inside a Jupyter kernel built on JJava (the
     * workbench's own, or JJava), plain lines ({@link ConsoleProgress#forNotebooks()}) anywhere else.
     */
    public static ProgressListener live() {
        return KernelDisplay.ofRunningCell().<ProgressListener>map(sink -> new TrainingView(sink, System::nanoTime))
                .orElseGet(ConsoleProgress::forNotebooks);
    }

    @Override
    public void runStarted(Path runDir, LossHistory done, int epochs) {
        if (history.size() > 0) earlierRuns.add(summary());
        run = Objects.toString(runDir.getFileName(), runDir.toString());
        this.epochs = epochs;
        history = new LossHistory();
        done.records().forEach(history::add);
        chartPng = history.size() == 0 ? null : chart();
        show(Status.line(history.size() == 0 ? run + ": starting epoch 1/" + epochs : summary()));
    }

    @Override
    public void batchDone(BatchProgress p) {
        if (id != null && (nanoClock.getAsLong() - lastUpdate) / 1e9 < SECONDS_BETWEEN_UPDATES) return;
        epochs = p.epochs();
        show(bar(p));
    }

    @Override
    public void epochDone(EpochRecord record, int epochs, boolean improved) {
        this.epochs = epochs;
        history.add(record);
        chartPng = chart();
        show(Status.line(summary()));
    }

    /** "truck: epoch 10/60 best 7: validation 0.02246, 8m12s", with the best epoch's other losses if it has any. */
    private String summary() {
        EpochRecord best = history.best();
        return String.format(Locale.ROOT, "%s: epoch %d/%d best %d: validation %.5f%s, %s", run,
                history.last().epoch(), epochs, best.epoch(), best.valLoss(), ConsoleProgress.otherLosses(best),
                ConsoleProgress.duration(history.totalSeconds()));
    }

    private Status bar(BatchProgress p) {
        String left = String.format(Locale.ROOT, "loss %.5f, %.0f img/s, %s left in the epoch, %s in the run",
                p.loss(), p.imagesPerSecond(), ConsoleProgress.duration(p.epochSecondsLeft()),
                ConsoleProgress.duration(p.runSecondsLeft()));
        String epoch = String.format(Locale.ROOT, "%s: epoch %d/%d", run, p.epoch(), p.epochs());
        String batch = String.format(Locale.ROOT, "batch %d/%d", p.batch(), p.batches());
        return new Status(String.format(Locale.ROOT, "<div>%s <progress value=\"%d\" max=\"%d\"></progress> %s: %s</div>%n",
                HtmlTable.escape(epoch), p.batch(), p.batches(), batch, HtmlTable.escape(left)),
                epoch + ", " + batch + ": " + left);
    }

    private String chart() {
        return Base64.getEncoder().encodeToString(LossCurve.png(LossCurve.of(history, run + ": loss per epoch")));
    }

    /** The earlier runs' lines, the status, and the chart (HTML with the chart in it, PNG, and plain text). */
    private void show(Status status) {
        DisplayData data = new DisplayData();
        StringBuilder html = new StringBuilder("<div class=\"workbench-training\">\n");
        StringBuilder text = new StringBuilder();
        for (String line : earlierRuns) {
            html.append(Status.line(line).html());
            text.append(line).append('\n');
        }
        html.append(status.html());
        text.append(status.text());
        if (chartPng != null) {
            html.append("<img src=\"data:image/png;base64,").append(chartPng).append("\" alt=\"")
                    .append(HtmlTable.escape(run)).append(": loss per epoch\"/>\n");
            data.putData(MIMEType.IMAGE_PNG, chartPng);
        }
        data.putHTML(html.append("</div>\n").toString());
        data.putText(text.toString());
        if (id == null) {
            id = sink.show(data);
        } else {
            sink.update(id, data);
        }
        lastUpdate = nanoClock.getAsLong();
    }

    /** The line under the earlier runs' ones: a progress bar or a summary, as HTML and as plain text. */
    private record Status(String html, String text) {
        static Status line(String text) {
            return new Status("<div>" + HtmlTable.escape(text) + "</div>\n", text);
        }
    }
}
