package org.contextencoder.data;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Decodes one JPEG or PNG file, refusing what is not a usable photo with a sentence that says why. The declared
 * dimensions are read before decoding, so a photo too large for the memory is refused instead of ending the
 * process with an {@link OutOfMemoryError} (a 25000x25000 PNG can be 2 MB on disk and 2.5 GB in memory). A JPEG
 * cut short decodes without an error, its missing part grey; ImageIO only reports it to a warning listener, so
 * any decoder warning makes the file count as damaged.
 */
public final class PhotoReader {

    /** Why a file is not a usable photo. */
    public enum Problem {
        /** Not a JPEG or PNG, damaged, cut short, or not readable at all. */
        UNREADABLE,
        /** Its decoded pixels would not fit the memory allowed for it. */
        TOO_LARGE
    }

    /** A file that is not a usable photo; the message says why and what to do. */
    public static final class UnusablePhotoException extends DatasetException {
        private final Problem problem;
        private final String detail;

        UnusablePhotoException(Problem problem, String detail, String message) {
            super(message);
            this.problem = problem;
            this.detail = detail;
        }

        public Problem problem() {
            return problem;
        }

        /** The cause in a few words, for a list of skipped files: "cut short", "25000x25000 pixels". */
        public String detail() {
            return detail;
        }
    }

    /** Bytes per pixel of the one 8-bit ARGB copy that cropping, converting or repairing a photo makes. */
    private static final int COPY_BYTES_PER_PIXEL = 4;

    private PhotoReader() {
    }

    /**
     * What one photo read on its own may take: three quarters of the heap not yet in use, the rest left for what
     * runs beside it (the model, the PNG encoder). With less headroom a 25000x25000 photo passed the check at -Xmx3g
     * and then ran out of memory in a small allocation later.
     */
    public static long budgetForOnePhoto() {
        Runtime r = Runtime.getRuntime();
        return (r.maxMemory() - (r.totalMemory() - r.freeMemory())) / 4 * 3;
    }

    /**
     * The decoded photo in {@code file}, refused with an {@link UnusablePhotoException} if it is not a readable
     * JPEG or PNG, if the decoder reports damage, or if decoding it and one ARGB copy would take more than
     * {@code budgetBytes}.
     */
    public static BufferedImage read(Path file, long budgetBytes) {
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw unreadable(file, "not a JPEG or PNG image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkSize(file, reader, budgetBytes);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = decode(file, reader);
                if (!warnings.isEmpty()) throw unreadable(file, "damaged or cut short: " + warnings.get(0));
                return image;
            } finally {
                reader.dispose();
            }
        } catch (UnusablePhotoException e) {
            throw e;
        } catch (FileNotFoundException e) {
            throw unreadable(file, "missing or not readable");
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, "damaged or not an image: " + (e.getMessage() != null ? e.getMessage() : e));
        }
    }

    private static void checkSize(Path file, ImageReader reader, long budgetBytes) throws IOException {
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        int bitsPerPixel = types.hasNext() ? types.next().getColorModel().getPixelSize() : 64;
        long needed = w * h * bitsPerPixel / 8 + w * h * COPY_BYTES_PER_PIXEL;
        String size = w + "x" + h + " pixels";
        if (w * h > Integer.MAX_VALUE) {
            throw new UnusablePhotoException(Problem.TOO_LARGE, size, file + " is " + size
                    + ", more than a Java image can hold (2^31 pixels); scale the photo down");
        }
        if (needed > budgetBytes) {
            throw new UnusablePhotoException(Problem.TOO_LARGE, size, file + " is " + size + ": decoding it needs "
                    + megabytes(needed) + " of memory and " + megabytes(budgetBytes)
                    + " is free for it; scale the photo down, or give Java more memory (java -Xmx...)");
        }
    }

    /** Decodes the first image; an allocation that fails despite the size check is refused the same way. */
    private static BufferedImage decode(Path file, ImageReader reader) throws IOException {
        try {
            return reader.read(0);
        } catch (OutOfMemoryError e) {
            throw new UnusablePhotoException(Problem.TOO_LARGE, "out of memory", file + " does not fit in the "
                    + "memory left while decoding it; scale the photo down, or give Java more memory (java -Xmx...)");
        }
    }

    private static UnusablePhotoException unreadable(Path file, String why) {
        return new UnusablePhotoException(Problem.UNREADABLE, why,
                file + " cannot be used as a photo (" + why + "): give a complete JPEG or PNG file");
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
    }
}
