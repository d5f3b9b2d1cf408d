package org.contextencoder.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** A run folder continues only the run it holds: a resume must bring the settings that run was started with. */
public final class ResumeCheck {

    private ResumeCheck() {
    }

    /**
     * Throws, naming every difference, unless {@code saved} (what {@code runDir} holds) and {@code now} agree on
     * every key either has.
     */
    public static void requireSame(Map<String, String> saved, Map<String, String> now, Path runDir) {
        List<String> was = new ArrayList<>();
        List<String> is = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(saved.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            if (!Objects.equals(saved.get(key), now.get(key))) {
                was.add(key + "=" + saved.getOrDefault(key, "(none)"));
                is.add(key + "=" + now.getOrDefault(key, "(none)"));
            }
        }
        if (!was.isEmpty()) {
            throw new IllegalArgumentException(runDir + " holds a run trained with " + String.join(", ", was)
                    + ", not " + String.join(", ", is) + ": resume it with the same settings (only the epochs and"
                    + " patience may change, the epochs not under a cosine schedule), or choose another output folder");
        }
    }
}
