package org.contextencoder.cli;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MainTest {

    @Test
    void boundsPhysicalMemoryUnlessTheUserDid() {
        Properties big = new Properties();
        Main.boundPhysicalMemory(big, 64L << 30);
        assertEquals(Long.toString(8L << 30), big.getProperty(Main.MAX_PHYSICAL_BYTES));

        Properties small = new Properties();
        Main.boundPhysicalMemory(small, 4L << 30);
        assertEquals(Long.toString(3L << 30), small.getProperty(Main.MAX_PHYSICAL_BYTES));

        Properties chosen = new Properties();
        chosen.setProperty(Main.MAX_PHYSICAL_BYTES, "12G");
        Main.boundPhysicalMemory(chosen, 64L << 30);
        assertEquals("12G", chosen.getProperty(Main.MAX_PHYSICAL_BYTES));
    }
}
