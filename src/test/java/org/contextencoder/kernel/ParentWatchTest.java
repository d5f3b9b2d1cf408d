package org.contextencoder.kernel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParentWatchTest {

    @Test
    void callsBackOnceWhenTheParentChangesAndStopsWatching() throws InterruptedException {
        AtomicLong parent = new AtomicLong(4242);
        AtomicInteger calls = new AtomicInteger();
        ScheduledExecutorService watch = ParentWatch.start(parent::get, Duration.ofMillis(5), calls::incrementAndGet);

        Thread.sleep(100);
        assertEquals(0, calls.get(), "called back while the parent was the same");
        parent.set(1);
        assertTrue(watch.awaitTermination(5, TimeUnit.SECONDS), "still watching after the parent changed");
        assertEquals(1, calls.get(), "calls back once");
    }
}
