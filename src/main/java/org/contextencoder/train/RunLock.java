package org.contextencoder.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets one training at a time write into a run folder: an operating-system lock on the folder's {@code .train.lock},
 * which the system releases when the process ends, however it ends, so a killed run leaves nothing stuck (the file
 * stays, unlocked). The file holds the holder's process id, for the message another run gives.
 */
public final class RunLock implements AutoCloseable {

    static final String FILE = ".train.lock";
    /**
     * The folders this process holds. Checked before opening the file again, since closing a second channel on it
     * could release the first one's lock (POSIX drops all of a process's locks on a file when any of its
     * descriptors closes).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;

    private RunLock(Path dir, FileChannel channel) {
        this.dir = dir;
        this.channel = channel;
    }

    /** Locks {@code runDir} (created if missing), or says which process is training into it. */
    public static RunLock acquire(Path runDir) {
        Path dir;
        try {
            dir = Files.createDirectories(runDir).toRealPath();
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException(e.getFile() + " is a file, not a folder: choose another output folder", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + runDir + " (" + e
                    + "): choose a folder you can write to", e);
        }
        if (!HELD.add(dir)) throw inUse(runDir, "this process");
        try {
            FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                String holder = holder(channel);
                channel.close();
                throw inUse(runDir, holder);
            }
            channel.truncate(0);
            String pid = Long.toString(ProcessHandle.current().pid());
            channel.write(ByteBuffer.wrap(pid.getBytes(StandardCharsets.UTF_8)));
            return new RunLock(dir, channel);
        } catch (IOException e) {
            HELD.remove(dir);
            throw new UncheckedIOException("cannot lock " + runDir.resolve(FILE) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            HELD.remove(dir);
            throw e;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(32);
        channel.read(text, 0);
        String pid = new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).trim();
        return pid.isEmpty() ? "a process that is starting" : "process " + pid;
    }

    private static RunFolderInUseException inUse(Path runDir, String holder) {
        return new RunFolderInUseException(runDir + " is in use by another training run (" + holder
                + "): wait for it to finish or stop it, or choose another output folder");
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        } finally {
            HELD.remove(dir);
        }
    }
}
