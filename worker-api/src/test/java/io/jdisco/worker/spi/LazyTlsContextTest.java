package io.jdisco.worker.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class LazyTlsContextTest {
    @Test
    void enginesHaveTheDefaultContextsProtocols() throws Exception {
        assertArrayEquals(SSLContext.getDefault().createSSLEngine("h", 443).getEnabledProtocols(),
                LazyTlsContext.context().createSSLEngine("h", 443).getEnabledProtocols());
    }

    @Test
    void parametersAreEmptySoEnginesKeepTheirDefaults() {
        assertNull(LazyTlsContext.parameters().getProtocols());
        assertNull(LazyTlsContext.parameters().getCipherSuites());
    }

    @Test
    void theContextCannotBeInitialisedAgain() {
        assertThrows(IllegalStateException.class, () -> LazyTlsContext.context().init(null, null, null));
    }
}
