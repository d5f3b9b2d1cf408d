package org.contextencoder.data;

import com.sun.net.httpserver.HttpServer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The download path, against a local server with a small generated archive of the official layout. */
class Cifar10DownloadTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private URI serve(byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cifar.tar.gz", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cifar.tar.gz");
    }

    private static byte[] archive(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** An archive laid out like the official one, with every record of class 9 and a recognisable first pixel. */
    private static Map<String, byte[]> officialLayout() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] batch = new byte[Cifar10.RECORD_BYTES * Cifar10.RECORDS_PER_FILE];
        for (int r = 0; r < Cifar10.RECORDS_PER_FILE; r++) batch[r * Cifar10.RECORD_BYTES] = 9;
        batch[1] = 123;
        for (String f : Cifar10.TRAIN_FILES) entries.put("cifar-10-batches-bin/" + f, batch);
        entries.put("cifar-10-batches-bin/test_batch.bin", batch);
        entries.put("cifar-10-batches-bin/batches.meta.txt",
                "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n".getBytes(StandardCharsets.US_ASCII));
        return entries;
    }

    private static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }

    @Test
    void downloadsVerifiesAndUnpacksIntoPlace(@TempDir Path root) throws Exception {
        byte[] body = archive(officialLayout());
        new Cifar10Download(serve(body), md5(body)).into(root);
        ImageSet train = Cifar10.openFolder(root.resolve(Cifar10.FOLDER)).split(Split.TRAIN);
        assertEquals(50_000, train.count());
        assertEquals(123, train.pixel(0, 0, 0, 0));
        assertEquals(9, train.label(49_999));
        assertEquals(1, listing(root), "only the dataset folder is left, no temporary files");
    }

    @Test
    void aWrongChecksumKeepsNothing(@TempDir Path root) throws Exception {
        byte[] body = archive(officialLayout());
        DatasetException e = assertThrows(DatasetException.class,
                () -> new Cifar10Download(serve(body), "0123456789abcdef0123456789abcdef").into(root));
        assertTrue(e.getMessage().contains("MD5"), e.getMessage());
        assertFalse(Files.exists(root.resolve(Cifar10.FOLDER)));
        assertEquals(0, listing(root));
    }

    @Test
    void anEntryEscapingTheFolderIsRefused(@TempDir Path root) throws Exception {
        Map<String, byte[]> entries = officialLayout();
        entries.put("../escaped.txt", new byte[]{1});
        byte[] body = archive(entries);
        Path target = root.resolve("data");
        DatasetException e = assertThrows(DatasetException.class,
                () -> new Cifar10Download(serve(body), md5(body)).into(target));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertFalse(Files.exists(target.resolve("escaped.txt")));
        assertFalse(Files.exists(target.resolve(Cifar10.FOLDER)));
    }

    @Test
    void anIncompleteArchiveIsNotInstalled(@TempDir Path root) throws Exception {
        Map<String, byte[]> entries = officialLayout();
        entries.remove("cifar-10-batches-bin/test_batch.bin");
        byte[] body = archive(entries);
        assertThrows(DatasetException.class, () -> new Cifar10Download(serve(body), md5(body)).into(root));
        assertFalse(Files.exists(root.resolve(Cifar10.FOLDER)));
    }

    private static long listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
