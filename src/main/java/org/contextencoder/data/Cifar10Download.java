package org.contextencoder.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Fetches {@code cifar-10-binary.tar.gz}, checks its MD5 and unpacks it. Everything happens in temporary
 * names beside the target; only a verified, complete folder is renamed into place, so an interrupted
 * download never leaves a dataset that looks complete.
 */
public final class Cifar10Download {

    public static final URI OFFICIAL_URL = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    public static final String OFFICIAL_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    private static final Logger LOG = LoggerFactory.getLogger(Cifar10Download.class);

    private final URI source;
    private final String md5;

    public Cifar10Download(URI source, String md5) {
        this.source = source;
        this.md5 = md5.toLowerCase(Locale.ROOT);
    }

    public static Cifar10Download official() {
        return new Cifar10Download(OFFICIAL_URL, OFFICIAL_MD5);
    }

    /** Downloads, verifies and unpacks into {@code dataRoot/cifar-10-batches-bin}; returns that folder. */
    public Path into(Path dataRoot) {
        Path target = dataRoot.resolve(Cifar10.FOLDER);
        if (Files.isDirectory(target)) return target;
        Path archive = null;
        Path staging = null;
        try {
            archive = prepare(dataRoot);
            LOG.info("CIFAR-10 not found in {}: downloading {}", dataRoot, source);
            download(archive);
            staging = Files.createTempDirectory(dataRoot, ".cifar-10-unpack-");
            extract(archive, staging);
            Path unpacked = staging.resolve(Cifar10.FOLDER);
            checkComplete(unpacked);
            Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("CIFAR-10 ready in {}", target);
            return target;
        } catch (IOException e) {
            throw new DatasetException("could not download CIFAR-10 from " + source + " (" + e.getMessage()
                    + "); check the network and the free space in " + dataRoot.toAbsolutePath()
                    + ", or download cifar-10-binary.tar.gz yourself and unpack it there", e);
        } finally {
            deleteQuietly(archive);
            deleteQuietly(staging);
        }
    }

    /**
     * Creates the data folder and the archive's temporary file: failures here are local (a file in the way, no
     * permission), so they are reported as such rather than as a network problem.
     */
    private static Path prepare(Path dataRoot) {
        try {
            Files.createDirectories(dataRoot);
            return Files.createTempFile(dataRoot, ".cifar-10-", ".tar.gz.part");
        } catch (IOException e) {
            throw new DatasetException("cannot create files in the data folder " + dataRoot.toAbsolutePath() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "): point --data-dir at a folder you can write to", e);
        }
    }

    private void download(Path archive) throws IOException {
        URLConnection connection = source.toURL().openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(60_000);
        long total = connection.getContentLengthLong();
        MessageDigest digest = md5Digest();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(connection.getInputStream()), digest);
             OutputStream out = Files.newOutputStream(archive)) {
            byte[] buffer = new byte[1 << 16];
            long done = 0;
            long nextReport = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                done += n;
                if (done >= nextReport) {
                    LOG.info("downloaded {} MB{}", done >> 20, total > 0 ? " of " + (total >> 20) + " MB" : "");
                    nextReport = done + (16 << 20);
                }
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(md5)) {
            throw new DatasetException("the downloaded CIFAR-10 archive has MD5 " + actual + " instead of " + md5
                    + ": it is damaged or not the official file; nothing was kept, run the command again");
        }
    }

    /** Unpacks a .tar.gz, refusing any entry that would land outside {@code into}. */
    static void extract(Path archive, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive))))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root) || entry.isSymbolicLink() || entry.isLink()) {
                    throw new DatasetException("the archive entry '" + entry.getName()
                            + "' points outside the dataset folder; the archive is not trustworthy and was not used");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void checkComplete(Path folder) {
        List<String> expected = new ArrayList<>(Cifar10.TRAIN_FILES);
        expected.addAll(Cifar10.TEST_FILES);
        for (String name : expected) {
            Path file = folder.resolve(name);
            try {
                if (Files.size(file) != (long) Cifar10.RECORD_BYTES * Cifar10.RECORDS_PER_FILE) {
                    throw new DatasetException(file + " in the downloaded archive has the wrong size");
                }
            } catch (IOException e) {
                throw new DatasetException("the downloaded archive lacks " + name + "; nothing was kept", e);
            }
        }
        if (!Files.isRegularFile(folder.resolve(Cifar10.META_FILE))) {
            throw new DatasetException("the downloaded archive lacks " + Cifar10.META_FILE + "; nothing was kept");
        }
    }

    private static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove temporary {}: {}", path, e.getMessage());
        }
    }
}
