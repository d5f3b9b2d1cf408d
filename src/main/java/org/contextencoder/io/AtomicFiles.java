package org.contextencoder.io;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the workbench writes every file (settings, histories, models, pictures, charts, tables): into a temporary
 * file beside the target, then moved over it in one step, so a reader, or a run killed half-way, sees the earlier
 * file or the new one and never a part of one. The temporary file is an ordinary new file (readable by others
 * under the usual umask), not one of {@code Files.createTempFile}'s owner-only ones, whose permissions the moved
 * file would keep.
 */
public final class AtomicFiles {

    /** Writes a file's content to the temporary file it is given (which does not exist yet). */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private static final AtomicLong NEXT = new AtomicLong();

    private AtomicFiles() {
    }

    public static void write(Path file, Content content) {
        Path target = file.toAbsolutePath();
        Path temporary = null;
        try {
            if (Files.isDirectory(target)) throw new IOException("it is a folder");
            Files.createDirectories(target.getParent());
            temporary = target.resolveSibling("." + target.getFileName() + "-" + ProcessHandle.current().pid() + "-"
                    + NEXT.incrementAndGet() + ".part");
            content.writeTo(temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + " (" + reason(e, target)
                    + "): give the path of a file in a folder you can write to", e);
        } finally {
            if (temporary != null) temporary.toFile().delete();
        }
    }

    /** Text as UTF-8. */
    public static void write(Path file, String text) {
        write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    /**
     * A picture as PNG. ImageIO is given a stream, not the path: with a path it deletes the target first and prints
     * a stack trace when it cannot open it.
     */
    public static void writePng(Path file, BufferedImage image) {
        write(file, temporary -> {
            try (ImageOutputStream out = new FileImageOutputStream(temporary.toFile())) {
                if (!ImageIO.write(image, "png", out)) throw new IOException("this Java has no PNG writer");
            }
        });
    }

    /** Any XChart chart (loss curves, bar charts) as PNG. */
    public static void writePng(Path file, Chart<?, ?> chart) {
        write(file, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }

    /** Any Tablesaw table as CSV. */
    public static void writeCsv(Path file, Table table) {
        write(file, temporary -> table.write().csv(temporary.toFile()));
    }

    /** The cause in words a user can act on; the temporary file's name would only confuse. */
    private static String reason(IOException e, Path target) {
        if (e instanceof FileAlreadyExistsException f) return f.getFile() + " is a file, not a folder";
        if (e instanceof AccessDeniedException || e instanceof NoSuchFileException
                || e instanceof FileNotFoundException) {
            return "cannot create files in " + target.getParent();
        }
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    }
}
