package org.contextencoder.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A command the bench runs and reads: its standard output, or why it failed (the last line of its errors). */
final class ChildProcess {
    private ChildProcess() {
    }

    /**
     * Runs {@code command} to its end, in this process's environment without the variables {@code unset}; its
     * output, or an {@link IllegalStateException} that says why it failed.
     */
    static String run(List<String> command, List<String> unset) {
        try {
            Path err = Files.createTempFile("bench", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
                builder.environment().keySet().removeAll(unset);
                Process p = builder.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int code = p.waitFor();
                if (code != 0) {
                    throw new IllegalStateException(lastLine(Files.readString(err)) + " (exit " + code + ")");
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
