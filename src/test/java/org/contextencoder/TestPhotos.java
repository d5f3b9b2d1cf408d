package org.contextencoder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Odd and ordinary photo files made on the spot, for the tests of reading and repairing photos. */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A w x h photo of random colour blocks (distinct per seed), written as PNG or JPEG after the file's name. */
    public static BufferedImage photo(Path file, int w, int h, long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int block = 8;
        for (int by = 0; by < h; by += block) {
            for (int bx = 0; bx < w; bx += block) {
                int rgb = random.nextInt(1 << 24);
                for (int y = by; y < Math.min(h, by + block); y++) {
                    for (int x = bx; x < Math.min(w, bx + block); x++) image.setRGB(x, y, rgb);
                }
            }
        }
        String name = file.getFileName().toString();
        ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile());
        return image;
    }

    /** A JPEG photo cut to the first third of its bytes, as an interrupted copy leaves it. */
    public static void cutJpeg(Path file) throws IOException {
        photo(file, 160, 120, 3);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 3));
    }

    /**
     * A PNG a few hundred bytes long that declares {@code w} x {@code h} 1-bit grey pixels: its header is what a
     * huge, highly compressible photo's would be, its pixel data a single row.
     */
    public static void pngDeclaring(Path file, int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(w);
        ihdr.writeInt(h);
        ihdr.write(new byte[]{1, 0, 0, 0, 0}); // bit depth 1, grey, deflate, no filter, no interlace
        chunk(out, "IHDR", header.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + (w + 7) / 8]);
        deflater.finish();
        byte[] compressed = new byte[1 << 16];
        chunk(out, "IDAT", Arrays.copyOf(compressed, deflater.deflate(compressed)));
        chunk(out, "IEND", new byte[0]);
        Files.write(file, bytes.toByteArray());
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    /** What {@code action} printed to standard error (where the log's warnings go) while it ran. */
    public static String stderrOf(Supplier<?> action) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            action.get();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
