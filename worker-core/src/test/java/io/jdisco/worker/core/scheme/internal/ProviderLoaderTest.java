package io.jdisco.worker.core.scheme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.worker.core.scheme.ProviderJars;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderLoaderTest {
    @TempDir
    Path dir;

    @Test
    void brokenProviderIsTracedToTheJarThatDeclaresIt() throws IOException {
        Path good = ProviderJars.jar(dir, "good", Map.of("com.example.g.GoodProvider",
                ProviderJars.echoProvider("com.example.g", "GoodProvider", "good")), List.of("com.example.g.GoodProvider"));
        Path bad = ProviderJars.jar(dir, "bad", Map.of(), List.of("com.example.missing.GoneProvider"));
        try (URLClassLoader loader = ProviderJars.loader(good, bad)) {
            Iterator<SchemeProvider> it = ServiceLoader.load(SchemeProvider.class, loader).iterator();
            it.next();
            ServiceConfigurationError e = assertThrows(ServiceConfigurationError.class, it::next);
            String serviceFile = "jar:" + bad.toUri().toURL() + "!/" + ProviderLoader.SERVICE_FILE;
            assertEquals(List.of(serviceFile), ProviderLoader.declaringJars(loader, e));
        }
    }

    @Test
    void providersAreSortedByClassNameWhateverTheClassPathOrder() throws IOException {
        Path z = ProviderJars.jar(dir, "z", Map.of("com.example.z.ZProvider",
                ProviderJars.echoProvider("com.example.z", "ZProvider", "zed")), List.of("com.example.z.ZProvider"));
        Path a = ProviderJars.jar(dir, "a", Map.of("com.example.a.AProvider",
                ProviderJars.echoProvider("com.example.a", "AProvider", "ay")), List.of("com.example.a.AProvider"));
        try (URLClassLoader loader = ProviderJars.loader(z, a)) {
            List<SchemeProvider> ps = ProviderLoader.load(List.of(loader, loader));
            assertEquals(List.of("com.example.a.AProvider", "com.example.z.ZProvider"),
                    ps.stream().map(p -> p.getClass().getName()).toList());
        }
    }
}
