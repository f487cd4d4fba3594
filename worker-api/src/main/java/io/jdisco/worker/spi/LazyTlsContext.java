package io.jdisco.worker.spi;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JVM's default TLS context ({@link SSLContext#getDefault()}), set up on first TLS use rather
 * than when an {@link java.net.http.HttpClient} is built. A client built without an SSL context
 * sets up the default one at once, loading the trust store and the TLS provider: 0.2–0.4 s of a
 * cold JVM, paid even by a client that only ever speaks plain http to a Disco master or node.
 *
 * <p>Give the builder {@link #context()} and {@link #parameters()}: the parameters are empty, so
 * connections use the default context's protocols and cipher suites, as without them (the client
 * still turns on host name verification). An https connection then sets up the default context
 * and behaves exactly as before.
 *
 * <p>Here, in the SPI, for scheme providers that build HTTP clients (the {@code http} scheme) as
 * well as for worker-core's master client: one copy for both.
 */
public final class LazyTlsContext {
    private static final SSLContext CONTEXT = new SSLContext(new DeferredSpi(),
            new Provider("jdisco-lazy-tls", "1", "the default TLS context, set up on first use") {
                private static final long serialVersionUID = 1L;
            }, "Default") {
    };

    private LazyTlsContext() {
    }

    /** The context that defers to {@link SSLContext#getDefault()} on first use. */
    public static SSLContext context() {
        return CONTEXT;
    }

    /** Empty parameters: the engine's defaults, without asking the context for them up front. */
    public static SSLParameters parameters() {
        return new SSLParameters();
    }

    /** Every operation on the default context, fetched once. */
    private static final class DeferredSpi extends SSLContextSpi {
        private volatile SSLContext delegate;

        private SSLContext delegate() {
            SSLContext d = delegate;
            if (d == null) {
                try {
                    d = SSLContext.getDefault();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("the JVM has no default TLS context", e);
                }
                delegate = d;
            }
            return d;
        }

        /** The default context is initialised already and cannot be initialised again. */
        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
            throw new IllegalStateException("the default TLS context is initialised already");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return delegate().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return delegate().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return delegate().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate().getSupportedSSLParameters();
        }
    }
}
