package org.contextencoder.kernel;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Points the {@code System.exit} calls of a compiled cell class at {@link CellExit#exit}, which refuses them:
 * cells run in the kernel's JVM, where an exit would end the kernel without a word. Only the constant pool
 * changes: the class's method reference to {@code java/lang/System.exit(I)V} gets a new owner, CellExit, whose
 * static method has the same signature, so calls and method references ({@code System::exit}) follow it.
 * Exits from library code a cell calls, and {@code Runtime.exit}/{@code halt}, are not covered.
 */
final class ExitRemapping {

    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int METHODREF = 10;
    private static final int POOL_START = 10; // after magic, minor and major version, constant pool count
    private static final String CELL_EXIT = CellExit.class.getName().replace('.', '/');

    private ExitRemapping() {
    }

    /** The class file with its System.exit reference redirected, or the same bytes if it has none. */
    static byte[] apply(byte[] classFile) {
        ByteBuffer bytes = ByteBuffer.wrap(classFile);
        int count = bytes.getShort(POOL_START - 2) & 0xffff;
        int[] offsets = new int[count]; // where each entry's tag is
        int at = POOL_START;
        for (int i = 1; i < count; i++) {
            offsets[i] = at;
            int tag = bytes.get(at) & 0xff;
            at += 1 + entryLength(tag, bytes, at);
            if (tag == 5 || tag == 6) {
                i++; // longs and doubles take two entries
            }
        }
        List<Integer> exitRefs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (offsets[i] != 0 && bytes.get(offsets[i]) == METHODREF && isSystemExit(bytes, offsets, offsets[i])) {
                exitRefs.add(offsets[i]);
            }
        }
        if (exitRefs.isEmpty()) {
            return classFile;
        }
        byte[] pool = Arrays.copyOfRange(classFile, POOL_START, at);
        int cellExitClass = count + 1; // after the Utf8 entry with its name, at index count
        for (int ref : exitRefs) {
            ByteBuffer.wrap(pool).putShort(ref - POOL_START + 1, (short) cellExitClass);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length + CELL_EXIT.length() + 8);
             DataOutputStream data = new DataOutputStream(out)) {
            data.write(classFile, 0, POOL_START - 2);
            data.writeShort(count + 2);
            data.write(pool);
            data.writeByte(UTF8);
            data.writeUTF(CELL_EXIT);
            data.writeByte(CLASS);
            data.writeShort(count);
            data.write(classFile, at, classFile.length - at);
            data.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
    }

    /** The length of a constant pool entry after its tag byte (JVM specification, section 4.4). */
    private static int entryLength(int tag, ByteBuffer bytes, int at) {
        return switch (tag) {
            case UTF8 -> 2 + (bytes.getShort(at + 1) & 0xffff);
            case CLASS, 8, 16, 19, 20 -> 2;
            case 15 -> 3;
            case 3, 4, 9, METHODREF, 11, 12, 17, 18 -> 4;
            case 5, 6 -> 8;
            default -> throw new IllegalArgumentException("not a class file: constant pool tag " + tag);
        };
    }

    private static boolean isSystemExit(ByteBuffer bytes, int[] offsets, int methodRef) {
        int owner = offsets[bytes.getShort(methodRef + 1) & 0xffff];
        int nameAndType = offsets[bytes.getShort(methodRef + 3) & 0xffff];
        return utf8(bytes, offsets, bytes.getShort(owner + 1)).equals("java/lang/System")
                && utf8(bytes, offsets, bytes.getShort(nameAndType + 1)).equals("exit")
                && utf8(bytes, offsets, bytes.getShort(nameAndType + 3)).equals("(I)V");
    }

    private static String utf8(ByteBuffer bytes, int[] offsets, short index) {
        int at = offsets[index & 0xffff];
        int length = bytes.getShort(at + 1) & 0xffff;
        return new String(bytes.array(), at + 3, length, StandardCharsets.UTF_8);
    }
}
