package org.contextencoder.model;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Every architecture the workbench knows, in the order the command line lists them. A new model is registered
 * here with one line (or, to try one from a notebook, with {@link #register}); then {@code --architecture},
 * run settings and model files know it by its id.
 */
public final class Architectures {

    private static final List<Architecture> REGISTERED = new CopyOnWriteArrayList<>(List.of(
            Architecture.CE32,
            Architecture.UNET128,
            Architecture.UNET32,
            Architecture.DILATED32));

    private Architectures() {
    }

    /** Adds an architecture; its id must be new, since runs and model files find it by that id. */
    public static synchronized void register(Architecture architecture) {
        String id = architecture.id();
        if (REGISTERED.stream().anyMatch(a -> a.id().equals(id))) {
            throw new IllegalArgumentException("an architecture with the id " + id + " is already registered: give"
                    + " the new one another id");
        }
        REGISTERED.add(architecture);
    }

    public static List<Architecture> all() {
        return List.copyOf(REGISTERED);
    }

    /** The ids of all, for help texts and error messages: "ce32, unet128 or unet32". */
    public static String ids() {
        List<String> ids = REGISTERED.stream().map(Architecture::id).toList();
        if (ids.size() == 1) return ids.get(0);
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }

    /** The architecture with this id, in any case (model files written before ids recorded {@code CE32}). */
    public static Architecture parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Architecture a : REGISTERED) if (a.id().equals(wanted)) return a;
        throw new IllegalArgumentException("unknown architecture '" + id + "': use " + ids());
    }

    /** The first registered model for this image size: the paper's. */
    public static Architecture forImageSize(int size) {
        for (Architecture a : REGISTERED) if (a.imageSize() == size) return a;
        throw new IllegalArgumentException("no model takes " + size + "x" + size + " images: use "
                + REGISTERED.stream().map(a -> Integer.toString(a.imageSize())).distinct()
                .collect(Collectors.joining(" or ")));
    }
}
