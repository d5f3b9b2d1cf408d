package org.contextencoder.backend;

import java.lang.reflect.Method;

/**
 * Reflective access to the native CPU backend's environment singleton
 * ({@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}). Reflection keeps this project compiling under
 * the {@code cuda} profile, where nd4j-native is not on the classpath; there every query answers {@code false}.
 */
public final class NativeCpuEnvironment {
    private static final String BINDINGS = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private NativeCpuEnvironment() {
    }

    /** The native "use oneDNN" switch; false when the CPU backend is absent. */
    public static boolean isUseOneDnn() {
        Object env = instance();
        return env != null && (boolean) invoke(env, "isUseONEDNN");
    }

    /** Sets the native "use oneDNN" switch; a no-op when the CPU backend is absent. */
    public static void setUseOneDnn(boolean use) {
        Object env = instance();
        if (env != null) {
            invoke(env, "setUseONEDNN", use);
        }
    }

    private static Object instance() {
        try {
            return Class.forName(BINDINGS).getMethod("getInstance").invoke(null);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Unexpected ND4J CPU bindings: " + BINDINGS, e);
        }
    }

    private static Object invoke(Object env, String name, Object... args) {
        try {
            Class<?>[] types = args.length == 0 ? new Class<?>[0] : new Class<?>[]{boolean.class};
            Method m = env.getClass().getMethod(name, types);
            return m.invoke(env, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Unexpected ND4J CPU bindings: " + BINDINGS + "." + name, e);
        }
    }
}
