package org.contextencoder.viz;

import org.contextencoder.train.BatchProgress;
import org.contextencoder.train.ConsoleProgress;
import org.contextencoder.train.EpochRecord;
import org.contextencoder.train.LossHistory;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live view driven by progress events, its output caught by a fake display and its clock set by hand. */
class TrainingViewTest {

    private static final long SECOND = 1_000_000_000L;

    /** What the view sent: a new area ({@code shown}) or a replacement of area {@code id}. */
    private record Sent(boolean shown, String id, DisplayData data) {
        String text() {
            return (String) data.getData(MIMEType.TEXT_PLAIN);
        }

        String html() {
            return (String) data.getData(MIMEType.TEXT_HTML);
        }

        String png() {
            return (String) data.getData(MIMEType.IMAGE_PNG);
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(123 * SECOND);
    private final TrainingView view = new TrainingView(new DisplaySink() {
        @Override
        public String show(DisplayData data) {
            sent.add(new Sent(true, "area-" + sent.size(), data));
            return "area-" + (sent.size() - 1);
        }

        @Override
        public void update(String id, DisplayData data) {
            sent.add(new Sent(false, id, data));
        }
    }, now::get);

    @Test
    void oneAreaShowsTheBarThenAfterTheLastEpochOnlyTheChartAndOneSummaryLine() throws IOException {
        view.runStarted(Path.of("runs", "truck"), new LossHistory(), 2);
        tick();
        view.batchDone(batch(1, 1));
        tick();
        view.epochDone(new EpochRecord(1, 0.05, 0.04, 30), 2, true);
        tick();
        view.batchDone(batch(2, 1));
        tick();
        view.epochDone(new EpochRecord(2, 0.03, 0.045, 35.4), 2, false);

        assertEquals(5, sent.size());
        assertTrue(sent.get(0).shown(), "first a new area");
        assertTrue(sent.stream().skip(1).noneMatch(Sent::shown), "then only replacements");
        assertTrue(sent.stream().allMatch(s -> s.id().equals("area-0")), "all of the same area");
        assertEquals("truck: starting epoch 1/2", sent.get(0).text());
        assertNull(sent.get(0).png(), "no chart before the first epoch");

        Sent bar = sent.get(1);
        assertEquals("truck: epoch 1/2, batch 10/40: loss 0.06000, 160 img/s, 1m05s left in the epoch, 3h05m in the run",
                bar.text());
        assertTrue(bar.html().contains("<progress value=\"10\" max=\"40\">"), bar.html());

        Sent last = sent.get(4);
        assertEquals("truck: epoch 2/2 best 1: validation 0.04000, 1m05s", last.text());
        assertFalse(last.html().contains("<progress"), "the bar is gone: " + last.html());
        assertTrue(last.html().contains("<img src=\"data:image/png;base64," + last.png() + "\""),
                "the HTML shows the chart itself");
        assertEquals(720, png(last).getWidth());
        assertEquals(sent.get(2).png(), sent.get(3).png(), "a batch does not redraw the chart");
        assertNotEquals(sent.get(2).png(), last.png(), "an epoch does");
    }

    @Test
    void batchesUpdateTheAreaAtMostTwiceASecond() {
        view.runStarted(Path.of("truck"), new LossHistory(), 1);
        for (int b = 1; b <= 100; b++) view.batchDone(batch(1, b)); // a fast training: no time passes
        assertEquals(1, sent.size(), "no batch within half a second of the last update");

        now.addAndGet(SECOND / 2);
        for (int b = 1; b <= 100; b++) view.batchDone(batch(1, b));
        assertEquals(2, sent.size());
        assertTrue(sent.get(1).text().contains("batch 10/40"), "the first batch after the pause shows");

        view.epochDone(new EpochRecord(1, 0.05, 0.04, 30), 1, true);
        assertEquals(3, sent.size(), "an epoch's end always shows");
    }

    @Test
    void aReusedRunShowsItsChartAndSummaryAtOnceAndASweepKeepsALinePerRun() throws IOException {
        LossHistory finished = new LossHistory();
        finished.add(new EpochRecord(1, 0.05, 0.04, 60));
        finished.add(new EpochRecord(2, 0.04, 0.03, 60));
        view.runStarted(Path.of("sweep", "adam-0.001"), finished, 2);

        assertEquals("adam-0.001: epoch 2/2 best 2: validation 0.03000, 2m00s", sent.get(0).text());
        assertEquals(720, png(sent.get(0)).getWidth());

        tick();
        view.runStarted(Path.of("sweep", "sgd-0.01"), new LossHistory(), 2);
        assertEquals("adam-0.001: epoch 2/2 best 2: validation 0.03000, 2m00s\nsgd-0.01: starting epoch 1/2",
                sent.get(1).text());
        assertNull(sent.get(1).png(), "the new run has no chart yet");
        assertEquals("area-0", sent.get(1).id());
    }

    @Test
    void theSummaryNamesTheBestEpochsOtherLosses() {
        view.runStarted(Path.of("joint"), new LossHistory(), 2);
        view.epochDone(new EpochRecord(1, 0.05, 0.04, 30, new LinkedHashMap<>(Map.of("adversarial", 0.29))), 2, true);
        view.epochDone(new EpochRecord(2, 0.04, 0.05, 30, new LinkedHashMap<>(Map.of("adversarial", 0.31))), 2, false);
        assertEquals("joint: epoch 2/2 best 1: validation 0.04000, adversarial 0.29000, 1m00s",
                sent.get(sent.size() - 1).text());
    }

    @Test
    void namesAreEscapedInTheHtml() {
        view.runStarted(Path.of("a<b>&c"), new LossHistory(), 1);

        assertTrue(sent.get(0).html().contains("a&lt;b&gt;&amp;c: starting"), sent.get(0).html());
    }

    @Test
    void outsideAKernelTheViewIsPlainLines() {
        assertInstanceOf(ConsoleProgress.class, TrainingView.live());
    }

    private void tick() {
        now.addAndGet(SECOND);
    }

    /** Batch 10 of 40 in {@code epoch} of 2 when {@code b} is 1, later batches after it. */
    private static BatchProgress batch(int epoch, int b) {
        return new BatchProgress(epoch, 2, 9 + b, 40, 0.06, 160, 65, 3 * 3600 + 5 * 60);
    }

    private static BufferedImage png(Sent sent) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(sent.png())));
    }
}
