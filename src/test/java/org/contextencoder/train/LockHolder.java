package org.contextencoder.train;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Another process that takes a run folder's lock and holds it until it is killed, as a training would. */
public final class LockHolder {

    private LockHolder() {
    }

    /** Prints "locked" once it holds the folder, or the refusal; then waits to be killed. */
    public static void main(String[] args) throws InterruptedException {
        try {
            RunLock.acquire(Path.of(args[0]));
            System.out.println("locked");
        } catch (RunFolderInUseException e) {
            System.out.println(e.getMessage());
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The running holder of {@code runDir}'s lock, and the first line it printed. */
    public record Holder(Process process, String said) {
    }

    public static Holder start(Path runDir) throws IOException, URISyntaxException {
        String classpath = location(LockHolder.class) + File.pathSeparator + location(RunLock.class);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, LockHolder.class.getName(), runDir.toString()).redirectErrorStream(true).start();
        String said = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        return new Holder(p, said);
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
