package io.jdisco.modutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.modutil.RequiredModule.Kind;
import io.jdisco.worker.Tuple;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequiredModulesTest {
    @TempDir
    Path temp;

    private Path file(String relative) throws IOException {
        Path path = temp.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[] {1});
        return path;
    }

    @Test
    void seedFormsCombineInOrder() throws IOException {
        Path jar = file("mymodule.jar");
        List<RequiredModule> found = List.of(RequiredModule.system("java.util.List"),
                RequiredModule.classFiles("a.Found", temp));

        RequiredModules modules = RequiredModules.of("math.Random", Tuple.pair("my.Module", jar),
                found, new AbstractMap.SimpleEntry<>("other.Thing", jar.toString()));

        assertEquals(List.of("math.Random", "my.Module", "java.util.List", "a.Found",
                "other.Thing"), modules.names());
        assertEquals(List.of(Kind.NAMED, Kind.JAR, Kind.SYSTEM, Kind.CLASS_FILES, Kind.JAR),
                modules.stream().map(RequiredModule::kind).toList());
    }

    @Test
    void aNameWithALocationReplacesTheSameNameAloneInPlace() throws IOException {
        Path jar = file("x.jar");

        RequiredModules modules = RequiredModules.of("x.Y", "z.W", Tuple.pair("x.Y", jar));

        assertEquals(List.of(RequiredModule.jar("x.Y", jar), RequiredModule.named("z.W")),
                modules);
    }

    @Test
    void duplicatesCollapse() {
        assertEquals(1, RequiredModules.of("a.B", "a.B", List.of("a.B")).size());
    }

    @Test
    void twoLocationsForOneNameAreRejected() throws IOException {
        Path one = file("one.jar");
        Path two = file("two.jar");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequiredModules.of(Tuple.pair("a.B", one), Tuple.pair("a.B", two)));

        assertTrue(e.getMessage().contains("one.jar") && e.getMessage().contains("two.jar"));
    }

    @Test
    void unknownItemTypeIsRejectedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequiredModules.from(List.of("a.B", List.of("c.D", 42))));

        assertTrue(e.getMessage().startsWith("required_modules[1][1] has type java.lang.Integer"),
                e.getMessage());
    }

    @Test
    void pairWithMissingFileIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> RequiredModules.of(Tuple.pair("a.B", temp.resolve("absent.jar"))));
    }

    @Test
    void classFilePathYieldsItsRoot() throws IOException {
        Path classFile = file("root/a/b/C.class");

        RequiredModule module = RequiredModule.of("a.b.C", classFile);

        assertEquals(RequiredModule.classFiles("a.b.C", temp.resolve("root")), module);
    }

    @Test
    void classFilePathNotMatchingTheNameIsRejected() throws IOException {
        Path classFile = file("root/a/b/C.class");

        assertThrows(IllegalArgumentException.class, () -> RequiredModule.of("a.x.C", classFile));
    }

    @Test
    void badNamesAreRejected() {
        for (String bad : List.of("", "a..b", "a/b", ".a", "a.", "a b", "a;b", "a[]")) {
            assertThrows(IllegalArgumentException.class, () -> RequiredModule.named(bad), bad);
        }
    }

    @Test
    void namesOfOtherJvmLanguagesAreAccepted() {
        assertEquals("pkg.Foo$bar$1", RequiredModule.named("pkg.Foo$bar$1").name());
        assertEquals("kt.`weird-name`", RequiredModule.named("kt.`weird-name`").name());
    }

    @Test
    void toStringShowsTheSeedForms() throws IOException {
        Path jar = file("m.jar");

        assertEquals("[math.Random, (m.M, " + jar + ")]",
                RequiredModules.of("math.Random", Tuple.pair("m.M", jar)).toString());
    }

    @Test
    void moduleSurvivesJavaSerialization() throws Exception {
        RequiredModule module = RequiredModule.jar("a.B", file("s.jar"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(module);
        }
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(module, in.readObject());
        }
    }

    @Test
    void mapOfNameToPathIsAListOfPairs() throws IOException {
        Path jar = file("p.jar");

        assertEquals(List.of(RequiredModule.jar("p.P", jar)),
                RequiredModules.from(List.of(Map.of("p.P", jar))));
    }
}
