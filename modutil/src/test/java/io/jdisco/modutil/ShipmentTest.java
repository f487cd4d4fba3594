package io.jdisco.modutil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShipmentTest {
    private final Fixtures fx = Fixtures.get();

    @TempDir
    Path temp;

    private Shipment planFor(Object function) {
        return Shipment.plan(RequiredModules.from(ModUtil.standard().findModules(List.of(function))),
                RequiredFiles.empty());
    }

    private Path file(String relative) throws IOException {
        Path path = temp.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.write(path, relative.getBytes());
    }

    @Test
    void namedClassShipsItsClassFileWithNestedClasses() {
        Shipment plan = planFor(fx.newInstance("fx.fn.Upper"));

        assertEquals(List.of("classes/fx/fn/Upper.class", "classes/fx/fn/Upper$Counter.class",
                "classes/fx/fn/Fn.class"), plan.entryNames());
    }

    @Test
    void classPathListsClassesThenEachJar() {
        Shipment plan = planFor(fx.call("fx.fn.Jobs", "viaJar", "!"));

        assertEquals(List.of("classes/", "lib/greeter.jar", "lib/padding.jar"), plan.classPath());
    }

    @Test
    void jarNamesAvoidReservedNamesAndEachOther() throws IOException {
        Path one = file("x/a.jar");
        Path two = file("y/a.jar");

        Shipment plan = Shipment.plan(RequiredModules.of(RequiredModule.jar("p.One", one),
                RequiredModule.jar("p.Two", two)), RequiredFiles.empty(), List.of("lib/a.jar"));

        assertEquals(List.of(new Shipment.ShippedJar(one, "lib/a-2.jar"),
                new Shipment.ShippedJar(two, "lib/a-3.jar")), plan.jars());
    }

    @Test
    void oneJarNeededByManyClassesShipsOnce() throws IOException {
        Path jar = file("lib.jar");

        Shipment plan = Shipment.plan(RequiredModules.of(RequiredModule.jar("p.One", jar),
                RequiredModule.jar("p.Two", jar)), RequiredFiles.empty());

        assertEquals(List.of("lib/lib.jar"), plan.entryNames());
    }

    @Test
    void zipIsShippedAsAJarSoTheLauncherSeesIt() throws IOException {
        Path zip = file("deps.zip");

        Shipment plan = Shipment.plan(RequiredModules.of(RequiredModule.jar("p.Z", zip)),
                RequiredFiles.empty());

        assertEquals(List.of("lib/deps.jar"), plan.entryNames());
    }

    @Test
    void packageModuleShipsEveryClassOfThePackage() throws IOException {
        Shipment plan = Shipment.plan(RequiredModules.of(
                RequiredModule.classFiles("fx.fn", fx.fnClasses)), RequiredFiles.empty());

        List<String> expected = new ArrayList<>();
        try (Stream<Path> files = Files.list(fx.fnClasses.resolve("fx/fn"))) {
            files.map(p -> "classes/fx/fn/" + p.getFileName()).sorted().forEach(expected::add);
        }
        assertEquals(expected, plan.entryNames());
    }

    @Test
    void moduleWithoutClassFileIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shipment.plan(RequiredModules.of(RequiredModule.classFiles("fx.fn.Nope",
                        fx.fnClasses)), RequiredFiles.empty()));

        assertTrue(e.getMessage().contains("fx.fn.Nope"), e.getMessage());
    }

    @Test
    void namesOnlyShipNothing() {
        Shipment plan = Shipment.plan(RequiredModules.of("java.util.List",
                RequiredModule.runtime("io.jdisco.worker.Task")), RequiredFiles.empty());

        assertEquals(List.of(), plan.entryNames());
        assertEquals(List.of(), plan.classPath());
    }

    @Test
    void requiredFileTakingAReservedNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Shipment.plan(RequiredModules.empty(),
                RequiredFiles.ofContents(Map.of("bin/worker", new byte[0])),
                List.of("bin/worker")));
    }

    @Test
    void requiredJarFileIsOnTheClassPath() throws IOException {
        Path jar = file("extra/tool.jar");

        Shipment plan = Shipment.plan(RequiredModules.empty(), RequiredFiles.ofPaths(List.of(jar)));

        assertEquals(List.of("lib/tool.jar"), plan.classPath());
    }

    @Test
    void writeToCopiesEveryEntryByteForByte() throws IOException {
        Shipment plan = Shipment.plan(
                RequiredModules.from(ModUtil.standard().findModules(
                        List.of(fx.call("fx.fn.Jobs", "viaJar", "!")))),
                RequiredFiles.ofContents(Map.of("conf/x.txt", new byte[] {42})));
        Path home = temp.resolve("home");

        plan.writeTo(JobHomeSink.toDirectory(home));

        for (Shipment.ShippedJar jar : plan.jars()) {
            assertArrayEquals(Files.readAllBytes(jar.source()),
                    Files.readAllBytes(home.resolve(jar.entry())));
        }
        for (Shipment.ShippedClass shipped : plan.classFiles()) {
            assertArrayEquals(Files.readAllBytes(shipped.source()),
                    Files.readAllBytes(home.resolve(shipped.entry())));
        }
        assertArrayEquals(new byte[] {42}, Files.readAllBytes(home.resolve("conf/x.txt")));
    }
}
