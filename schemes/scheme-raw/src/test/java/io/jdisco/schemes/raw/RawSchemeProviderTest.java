package io.jdisco.schemes.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.io.InputLink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawSchemeProviderTest {
    @Test
    void serviceLoaderFindsTheRawProvider() {
        Schemes schemes = Schemes.load(RawSchemeProvider.class.getClassLoader());
        assertEquals(RawSchemeProvider.class.getName(), schemes.providerClasses().get("raw"));
    }

    @Test
    void contentIsTheTextAfterTheSchemeAsUtf8WithoutDecoding() throws IOException {
        Schemes schemes = Schemes.of(new RawSchemeProvider());
        InputLink link = schemes.open("raw://h\u00e9llo%20w", BasicSchemeContext.of(schemes));
        byte[] expected = "h\u00e9llo%20w".getBytes(StandardCharsets.UTF_8);
        assertEquals(expected.length, link.size());
        assertEquals("raw://h\u00e9llo%20w", link.url());
        try (InputStream in = link.stream()) {
            assertArrayEquals(expected, in.readAllBytes());
        }
    }

    @Test
    void emptyDataIsAnEmptyInput() throws IOException {
        Schemes schemes = Schemes.of(new RawSchemeProvider());
        InputLink link = schemes.open("raw://", BasicSchemeContext.of(schemes));
        assertEquals(0, link.size());
        assertEquals(-1, link.stream().read());
    }

    @Test
    void urlOfAnotherSchemeIsRejectedNamingIt() {
        Schemes schemes = Schemes.of(new RawSchemeProvider());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RawSchemeProvider().open("raw:/x", BasicSchemeContext.of(schemes)));
        assertTrue(e.getMessage().contains("raw:/x"), e.getMessage());
    }
}
