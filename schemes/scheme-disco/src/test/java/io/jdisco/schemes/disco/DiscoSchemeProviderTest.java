package io.jdisco.schemes.disco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.io.InputLink;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoSchemeProviderTest {
    private static final String FILE = "node1/ab/Job@1:2:3/cd/map:0-node1-0-ef-12/map-0-node1-1";

    @TempDir
    Path dir;

    private final Schemes schemes = Schemes.load(DiscoSchemeProvider.class.getClassLoader());
    private final List<String> served = new CopyOnWriteArrayList<>();
    private HttpServer node;

    @BeforeEach
    void startNode() throws IOException {
        node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/", ex -> {
            served.add(ex.getRequestURI().getRawPath());
            byte[] body = ("remote " + ex.getRequestURI().getRawPath()).getBytes(StandardCharsets.UTF_8);
            if (ex.getRequestURI().getRawPath().contains("missing")) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        node.start();
    }

    @AfterEach
    void stopNode() {
        node.stop(0);
    }

    private Task task(String host) {
        return Task.builder().master("http://master:8989").discoPort(node.getAddress().getPort())
                .ddfsData(dir.resolve("ddfs").toString()).discoData(dir.resolve("data").toString())
                .stage("reduce").grouping("group_label").group(0, "").jobfile(dir.resolve("jobfile").toString())
                .jobname("Job@1:2:3").host(host).build();
    }

    private BasicSchemeContext context(Task task) {
        BasicSchemeContext.Builder b = BasicSchemeContext.builder(schemes).systemProperties(false)
                .environment(Map.of()).setting("jdisco.http.backoffBaseMillis", "1")
                .setting("jdisco.http.maxRetries", "1");
        return task == null ? b.build() : b.task(task).build();
    }

    private static String read(InputLink link) throws IOException {
        try (InputStream in = link.stream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void serviceLoaderFindsTheDiscoProvider() {
        assertEquals(DiscoSchemeProvider.class.getName(), schemes.providerClasses().get("disco"));
    }

    @Test
    void fileOnThisNodeIsReadFromDiscoData() throws IOException {
        Path local = dir.resolve("data").resolve(FILE);
        Files.createDirectories(local.getParent());
        Files.writeString(local, "local bytes");
        InputLink link = schemes.open("disco://127.0.0.1/disco/" + FILE, context(task("127.0.0.1")));
        assertEquals("local bytes", read(link));
        assertEquals(11, link.size());
        assertEquals("file://" + local, link.url());
        assertEquals(List.of(), served);
    }

    @Test
    void ddfsBlobOnThisNodeIsReadFromDdfsData() throws IOException {
        Path local = dir.resolve("ddfs/vol0/blob/ab/data$5a2-1");
        Files.createDirectories(local.getParent());
        Files.writeString(local, "blob");
        InputLink link = schemes.open("disco://127.0.0.1/ddfs/vol0/blob/ab/data$5a2-1", context(task("127.0.0.1")));
        assertEquals("blob", read(link));
        assertEquals("file://" + local, link.url());
    }

    @Test
    void fileOfAnotherNodeIsReadOverHttpOnTheTasksDiscoPort() throws IOException {
        InputLink link = schemes.open("disco://127.0.0.1/disco/" + FILE, context(task("elsewhere")));
        assertEquals("remote /disco/" + FILE, read(link));
        assertEquals("http://127.0.0.1:" + node.getAddress().getPort() + "/disco/" + FILE, link.url());
    }

    @Test
    void missingLocalFileFallsBackToHttp() throws IOException {
        InputLink link = schemes.open("disco://127.0.0.1/disco/" + FILE, context(task("127.0.0.1")));
        assertEquals("remote /disco/" + FILE, read(link));
    }

    @Test
    void withoutATaskTheDiscoPortSettingIsUsed() throws IOException {
        BasicSchemeContext ctx = context(null).toBuilder()
                .setting("DISCO_PORT", String.valueOf(node.getAddress().getPort())).build();
        assertEquals("remote /ddfs/x", read(schemes.open("disco://127.0.0.1/ddfs/x", ctx)));
    }

    private BasicSchemeContext client(String localHost) {
        BasicSchemeContext.Builder b = context(null).toBuilder()
                .setting("DISCO_PORT", String.valueOf(node.getAddress().getPort()))
                .setting("DISCO_DATA", dir.resolve("data").toString())
                .setting("DDFS_DATA", dir.resolve("ddfs").toString());
        return localHost == null ? b.build() : b.setting(DiscoSchemeProvider.LOCAL_HOST_SETTING, localHost).build();
    }

    @Test
    void clientReadsTheLocalHostSettingsNodeFromDiscoData() throws IOException {
        Path local = dir.resolve("data").resolve(FILE);
        Files.createDirectories(local.getParent());
        Files.writeString(local, "local bytes");
        InputLink link = schemes.open("disco://127.0.0.1/disco/" + FILE, client("127.0.0.1"));
        assertEquals("local bytes", read(link));
        assertEquals("file://" + local, link.url());
        assertEquals(List.of(), served);
    }

    @Test
    void clientWithoutTheLocalHostSettingReadsOverHttpEvenWithDataRootsSet() throws IOException {
        Path local = dir.resolve("data").resolve(FILE);
        Files.createDirectories(local.getParent());
        Files.writeString(local, "local bytes");
        assertEquals("remote /disco/" + FILE, read(schemes.open("disco://127.0.0.1/disco/" + FILE, client(null))));
    }

    @Test
    void clientReadsAnotherHostOverHttp() throws IOException {
        Path local = dir.resolve("data").resolve(FILE);
        Files.createDirectories(local.getParent());
        Files.writeString(local, "local bytes");
        assertEquals("remote /disco/" + FILE, read(schemes.open("disco://127.0.0.1/disco/" + FILE, client("elsewhere"))));
    }

    @Test
    void netlocWithPortIsNeverLocalAndItsPortIsIgnored() throws IOException {
        Path local = dir.resolve("data").resolve(FILE);
        Files.createDirectories(local.getParent());
        Files.writeString(local, "local bytes");
        InputLink link = schemes.open("disco://127.0.0.1:1/disco/" + FILE, context(task("127.0.0.1")));
        assertEquals("remote /disco/" + FILE, read(link));
    }

    @Test
    void pathClimbingOutOfTheDataRootIsNotReadLocally() throws IOException {
        Files.writeString(dir.resolve("secret"), "secret");
        InputLink link = schemes.open("disco://127.0.0.1/disco/../secret", context(task("127.0.0.1")));
        assertTrue(read(link).startsWith("remote "));
    }

    @Test
    void missingRemoteFileIsADataExceptionNamingTheDiscoUrl() {
        String url = "disco://127.0.0.1/disco/missing";
        DataException e = assertThrows(DataException.class, () -> schemes.open(url, context(task("elsewhere"))));
        assertEquals(url, e.url());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    void urlsWithoutHostOrPathAreIllegalArguments() {
        for (String url : List.of("disco://", "disco://host", "disco://host/", "disco:///disco/x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> schemes.open(url, context(null)), url);
            assertTrue(e.getMessage().contains(url), e.getMessage());
        }
    }

    @Test
    void malformedDiscoPortSettingIsAnIllegalArgument() {
        BasicSchemeContext ctx = context(null).toBuilder().setting("DISCO_PORT", "eighty").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> schemes.open("disco://h/disco/x", ctx));
        assertTrue(e.getMessage().contains("DISCO_PORT"), e.getMessage());
    }
}
