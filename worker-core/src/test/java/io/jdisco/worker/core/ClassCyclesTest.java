package io.jdisco.worker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two classes of worker-core need each other, directly or through others (issue 23): a cycle
 * makes a class impossible to read, test or move without the others. Reads worker-core's compiled
 * main classes ({@link ClassReferences}), folds nested classes into their top-level class, and
 * fails naming every cycle ({@link ClassGraph}). A sealed type's {@code permits} list is no use of
 * its subtypes (it closes the family), so a sealed family is not a cycle.
 */
class ClassCyclesTest {
    private static final String PREFIX = "io.jdisco.worker.core.";

    @Test
    void workerCoreClassesFormNoCycle() throws IOException, URISyntaxException {
        ClassGraph graph = mainClassGraph();
        List<Set<String>> cycles = graph.cycles();
        String report = cycles.stream()
                .map(c -> c.size() + " classes " + c + ", e.g. "
                        + String.join(" -> ", graph.shortestCycle(c.iterator().next(), c)))
                .collect(Collectors.joining("\n"));
        assertTrue(cycles.isEmpty(), "worker-core's classes have cycles:\n" + report);
    }

    @Test
    void theGraphHoldsWorkerCoresTopLevelClassesAndTheirReferences() throws IOException, URISyntaxException {
        ClassGraph graph = mainClassGraph();
        assertTrue(graph.nodes().contains(WorkerSession.class.getName()), () -> graph.nodes().toString());
        assertTrue(graph.nodes().stream().allMatch(n -> n.startsWith(PREFIX) && !n.contains("$")),
                () -> graph.nodes().toString());
        assertTrue(graph.edgesOf(WorkerSession.class.getName()).contains(TaskContext.class.getName()),
                () -> "WorkerSession -> " + graph.edgesOf(WorkerSession.class.getName()));
    }

    @Test
    void aCycleIsFoundAndShown() {
        ClassGraph graph = new ClassGraph();
        graph.addEdge("a.A", "a.B");
        graph.addEdge("a.B", "a.C");
        graph.addEdge("a.C", "a.A");
        graph.addEdge("a.C", "a.D");
        graph.addEdge("a.D", "a.D");
        graph.addEdge("a.E", "a.F");
        graph.addEdge("a.F", "a.E");
        assertEquals(List.of(Set.of("a.A", "a.B", "a.C"), Set.of("a.E", "a.F")), graph.cycles());
        assertEquals(List.of("a.A", "a.B", "a.C", "a.A"), graph.shortestCycle("a.A", Set.of("a.A", "a.B", "a.C")));
    }

    @Test
    void nestedClassesFoldIntoTheirTopLevelClass() {
        assertEquals("a.b.C", ClassReferences.topLevel("a.b.C$D$1"));
        assertEquals("a.b.C", ClassReferences.topLevel("a.b.C"));
    }

    @Test
    void readsTheReferencesOfAClassFile() throws IOException {
        ClassReferences refs = classFile("ClassGraph.class");
        assertEquals(ClassGraph.class.getName(), refs.name());
        // java.util.Deque appears only in descriptors and signatures of ClassGraph's methods.
        assertTrue(refs.references().containsAll(List.of("java.util.Deque", "java.util.TreeMap",
                "java.lang.IllegalArgumentException")), () -> refs.references().toString());
    }

    /** A sealed family: the supertype names its subtypes to close the family, and they name it. */
    sealed interface Shape permits Circle {
    }

    /** The one permitted subtype. */
    record Circle(Shape inside) implements Shape {
    }

    @Test
    void aSealedTypeDoesNotReferToTheSubtypesItPermitsButTheyReferToIt() throws IOException {
        assertTrue(classFile("ClassCyclesTest$Shape.class").references().stream().noneMatch(n -> n.endsWith("Circle")));
        assertTrue(classFile("ClassCyclesTest$Circle.class").references()
                .contains(ClassCyclesTest.class.getName() + "$Shape"));
    }

    private static ClassReferences classFile(String name) throws IOException {
        try (var in = ClassCyclesTest.class.getResourceAsStream(name)) {
            return ClassReferences.read(in.readAllBytes());
        }
    }

    /** Worker-core's main classes (the directory or jar {@link Worker} was loaded from) and their references. */
    private static ClassGraph mainClassGraph() throws IOException, URISyntaxException {
        Path classes = Path.of(Worker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes), "worker-core's main classes should be a directory: " + classes);
        ClassGraph graph = new ClassGraph();
        int count = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassReferences refs = ClassReferences.read(Files.readAllBytes(file));
                if (refs.name().endsWith("package-info") || refs.name().endsWith("module-info")) {
                    continue;
                }
                String from = ClassReferences.topLevel(refs.name());
                graph.addNode(from);
                for (String to : refs.references()) {
                    if (to.startsWith(PREFIX)) {
                        graph.addEdge(from, ClassReferences.topLevel(to));
                    }
                }
                count++;
            }
        }
        assertTrue(count > 50, "expected worker-core's classes under " + classes + ", found " + count);
        return graph;
    }
}
