package org.contextencoder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The glibc malloc settings a process starts with (environment/malloc.sh sets them for the workbench's JVMs): the
 * DL4J side of the bench runs with this process's, PyTorch with glibc's defaults, as it is usually run.
 */
final class MallocSettings {
    static final List<String> VARIABLES = List.of("MALLOC_MMAP_THRESHOLD_", "GLIBC_TUNABLES");
    private static final Path THP = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    private static final Pattern CHOSEN = Pattern.compile("\\[(\\w+)]");

    private MallocSettings() {
    }

    /** e.g. {@code MALLOC_MMAP_THRESHOLD_=4194304 GLIBC_TUNABLES=glibc.malloc.hugetlb=1}, or glibc's defaults. */
    static String describe(Map<String, String> environment) {
        String set = VARIABLES.stream().filter(environment::containsKey).map(v -> v + "=" + environment.get(v))
                .collect(Collectors.joining(" "));
        return set.isEmpty() ? "glibc defaults" : set;
    }

    /** Transparent huge pages: always, madvise or never; "unknown" where the kernel does not say. */
    static String transparentHugePages() {
        try {
            Matcher m = CHOSEN.matcher(Files.readString(THP));
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
