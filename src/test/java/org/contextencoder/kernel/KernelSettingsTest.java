package org.contextencoder.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KernelSettingsTest {

    @Test
    void readsJJavaVariables() {
        KernelSettings settings = KernelSettings.fromEnvironment(Map.of(
                "JJAVA_CLASSPATH", "a.jar:lib/*",
                "JJAVA_STARTUP_SCRIPTS_PATH", "init.jsh",
                "JJAVA_STARTUP_SCRIPT", "int x = 1;",
                "JJAVA_TIMEOUT", "5000",
                "JJAVA_COMPILER_OPTS", " -Xlint:all  --enable-preview "));

        assertEquals(new KernelSettings("a.jar:lib/*", "init.jsh", "int x = 1;", 5000,
                List.of("-Xlint:all", "--enable-preview")), settings);
    }

    @Test
    void acceptsIJavaSpellingsWithJJavaWinning() {
        KernelSettings settings = KernelSettings.fromEnvironment(Map.of(
                "IJAVA_CLASSPATH", "old.jar", "IJAVA_TIMEOUT", "10", "JJAVA_TIMEOUT", "20"));

        assertEquals("old.jar", settings.classpath());
        assertEquals(20, settings.timeoutMs());
    }

    @Test
    void defaultsToNoTimeoutAndNothingExtra() {
        assertEquals(new KernelSettings("", "", "", -1, List.of()), KernelSettings.fromEnvironment(Map.of()));
    }

    @Test
    void aTimeoutThatIsNotANumberIsReported() {
        assertThrows(IllegalArgumentException.class,
                () -> KernelSettings.fromEnvironment(Map.of("JJAVA_TIMEOUT", "10s")));
    }
}
