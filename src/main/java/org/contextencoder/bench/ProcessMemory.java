package org.contextencoder.bench;

import javax.management.JMException;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This process's memory as Linux counts it (/proc/self): its resident set, its peak ({@code VmHWM}, the kernel's own
 * high-water mark, as torch_bench.py reports it) and how much of it is the JVM heap. Every figure is 0 where /proc
 * cannot be read (not Linux).
 */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path SMAPS = Path.of("/proc/self/smaps");
    private static final Pattern ADDRESS = Pattern.compile("0x([0-9a-f]+)");
    private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) ");

    private ProcessMemory() {
    }

    static long rss() {
        return statusBytes("VmRSS");
    }

    /** The process's peak resident set so far. */
    static long peakRss() {
        return statusBytes("VmHWM");
    }

    /**
     * The resident pages of the JVM heap: the heap's address range (from the {@code GC.heap_info} diagnostic command)
     * summed over /proc/self/smaps. Not the committed heap: the JVM commits more than it touches.
     */
    static long heapRss() {
        try {
            long[] range = heapRange();
            long rss = 0;
            boolean inHeap = false;
            for (String line : Files.readAllLines(SMAPS)) {
                Matcher m = MAPPING.matcher(line);
                if (m.find()) {
                    inHeap = Long.parseUnsignedLong(m.group(1), 16) >= range[0]
                            && Long.parseUnsignedLong(m.group(2), 16) <= range[1];
                } else if (inHeap && line.startsWith("Rss:")) {
                    rss += kilobytes(line.substring("Rss:".length())) * 1024;
                }
            }
            return rss;
        } catch (IOException | JMException | RuntimeException e) {
            return 0;
        }
    }

    /** Lowest and highest address the heap's generations or regions span. */
    private static long[] heapRange() throws JMException {
        String info = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo", new Object[]{null},
                new String[]{String[].class.getName()});
        int metaspace = info.indexOf("Metaspace");
        Matcher m = ADDRESS.matcher(metaspace < 0 ? info : info.substring(0, metaspace));
        long low = -1;
        long high = 0;
        while (m.find()) {
            long a = Long.parseUnsignedLong(m.group(1), 16);
            low = low < 0 ? a : Math.min(low, a);
            high = Math.max(high, a);
        }
        if (low < 0) {
            throw new IllegalStateException("no heap addresses in " + info);
        }
        return new long[]{low, high};
    }

    private static long statusBytes(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field + ":")) {
                    return kilobytes(line.substring(field.length() + 1)) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** {@code "   1234 kB"} as 1234. */
    private static long kilobytes(String field) {
        return Long.parseLong(field.replace("kB", "").trim());
    }
}
