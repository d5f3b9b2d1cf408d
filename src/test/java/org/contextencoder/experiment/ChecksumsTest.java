package org.contextencoder.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChecksumsTest {

    @Test
    void aFilesDigestIsSha256sumsAndATreesCoversNamesAndContentsInOrder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b").resolve("c.bin"), "second");
        Files.writeString(dir.resolve("a.bin"), "first");
        // echo -n first | sha256sum
        assertEquals("a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e",
                Checksums.ofFile(dir.resolve("a.bin")));
        MessageDigest tree = MessageDigest.getInstance("SHA-256");
        for (String part : new String[]{"a.bin", "first", "b/c.bin", "second"}) {
            tree.update(part.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(HexFormat.of().formatHex(tree.digest()), Checksums.ofTree(dir));
    }
}
