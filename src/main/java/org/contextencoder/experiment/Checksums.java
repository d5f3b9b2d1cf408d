package org.contextencoder.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of dataset and model files, so a run's manifest says exactly which data and model it started from. */
public final class Checksums {

    private Checksums() {
    }

    /** One digest over the names and contents of every file under {@code root}, in sorted order. */
    public static String ofTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            MessageDigest digest = sha256();
            for (Path f : files) {
                digest.update(root.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                add(f, digest);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot checksum " + root + ": " + e.getMessage(), e);
        }
    }

    /** The digest of one file's contents, as {@code sha256sum} prints it. */
    public static String ofFile(Path file) {
        try {
            MessageDigest digest = sha256();
            add(file, digest);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot checksum " + file + ": " + e.getMessage(), e);
        }
    }

    private static void add(Path file, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
