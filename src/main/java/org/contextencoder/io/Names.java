package org.contextencoder.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A choice's names as the command line and the settings files write them: each constant's name in lower case, read
 * back in any case.
 */
public final class Names {

    private Names() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} called {@code name}; an unknown name gets one sentence that calls it an unknown
     * {@code what} and lists the names.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String what, String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (of(constant).equals(wanted)) return constant;
        }
        List<String> names = Arrays.stream(constants).map(Names::of).toList();
        throw new IllegalArgumentException("unknown " + what + " '" + name + "': use "
                + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
    }
}
