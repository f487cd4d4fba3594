package io.jdisco.schemes.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import io.jdisco.worker.spi.LazyTlsContext;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LazyTlsContextTest {
    @TempDir
    Path tmp;

    @Test
    void enginesHaveTheDefaultContextsProtocolsAndSuites() throws Exception {
        SSLContext lazy = LazyTlsContext.context();
        SSLContext dflt = SSLContext.getDefault();
        assertArrayEquals(dflt.createSSLEngine("h", 443).getEnabledProtocols(),
                lazy.createSSLEngine("h", 443).getEnabledProtocols());
        assertArrayEquals(dflt.getDefaultSSLParameters().getCipherSuites(),
                lazy.getDefaultSSLParameters().getCipherSuites());
    }

    @Test
    void anHttpsRequestIsCheckedAgainstTheDefaultTrustStore() throws Exception {
        SSLContext serverTls = selfSignedServerContext();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(LazyTlsContext.context())
                    .sslParameters(LazyTlsContext.parameters()).build();
            URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                    () -> client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()));
            assertTrue(e.getMessage().contains("PKIX path building failed"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    /** A TLS context serving a fresh self-signed certificate, which no default trust store trusts. */
    private SSLContext selfSignedServerContext() throws Exception {
        Path store = tmp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-keystore", store.toString(), "-storepass",
                "secret", "-storetype", "PKCS12", "-dname", "CN=127.0.0.1", "-validity", "2")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, keytool.exitValue());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }
}
