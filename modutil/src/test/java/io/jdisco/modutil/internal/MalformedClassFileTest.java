package io.jdisco.modutil.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.modutil.ModUtilException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MalformedClassFileTest {
    private static byte[] ownClassFile() throws IOException {
        try (InputStream in = MalformedClassFileTest.class
                .getResourceAsStream("MalformedClassFileTest.class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void badMagicIsRejectedNamingTheSource() {
        ModUtilException e = assertThrows(ModUtilException.class,
                () -> ClassFileReader.read(new byte[] {1, 2, 3, 4, 0, 0, 0, 61}, "x/Y.class"));

        assertTrue(e.getMessage().contains("x/Y.class") && e.getMessage().contains("magic"),
                e.getMessage());
    }

    @Test
    void truncatedClassFileNamesSourceAndOffset() throws IOException {
        byte[] cut = Arrays.copyOf(ownClassFile(), 200);

        ModUtilException e = assertThrows(ModUtilException.class,
                () -> ClassFileReader.read(cut, "cut.class"));

        assertTrue(e.getMessage().matches("Malformed class file cut\\.class: .* at offset \\d+"),
                e.getMessage());
    }

    @Test
    void unknownConstantTagIsRejectedNamingTheEntry() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(99);
        out.writeShort(2);
        out.writeByte(42);

        ModUtilException e = assertThrows(ModUtilException.class,
                () -> ClassFileReader.read(bytes.toByteArray(), "future.class"));

        assertTrue(e.getMessage().contains("unknown constant-pool tag 42 (entry 1)"),
                e.getMessage());
    }

    @Test
    void anyFutureVersionIsReadWhenItsLayoutIsKnown() throws IOException {
        byte[] file = ownClassFile();
        file[6] = 0;
        file[7] = (byte) 99;

        ClassFile parsed = ClassFileReader.read(file, "own.class");

        assertTrue(parsed.majorVersion() == 99
                && parsed.references().required().contains(ModUtilException.class.getName()));
    }
}
