package org.contextencoder;

import org.contextencoder.data.ImageSet;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A key per image of a set, equal for images with the same pixels: to tell sets apart or find one in another. */
public final class ImageKeys {

    private ImageKeys() {
    }

    /** The SHA-256 of each image's bytes, in the set's order. */
    public static List<String> of(ImageSet images) {
        List<String> keys = new ArrayList<>(images.count());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < images.count(); i++) {
                float[] pixels = images.floats(i, 1);
                byte[] bytes = new byte[pixels.length];
                for (int k = 0; k < pixels.length; k++) bytes[k] = (byte) Math.round(pixels[k] * 255);
                keys.add(HexFormat.of().formatHex(sha.digest(bytes)));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }
}
