package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.CommException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@link Disco} client over a {@link MasterTransport} of its own: the same requests, statuses and errors. */
class DiscoTransportTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void requestsGoThroughTheTransportAsPathsOnTheMaster() throws Exception {
        List<String> seen = new ArrayList<>();
        Disco disco = new Disco("http://master:1", (method, path, headers, body, wait) -> {
            seen.add(method + " " + path + " " + new String(body, StandardCharsets.UTF_8));
            return new MasterTransport.Reply(200, path.equals("/disco/version") ? utf8("\"0.5.4\"")
                    : utf8("[\"ok\", \"Job@1:2:3\"]"));
        });
        assertEquals("0.5.4", disco.version());
        assertEquals("Job@1:2:3", disco.submit(utf8("pack")));
        assertEquals(List.of("GET /disco/version ", "POST /disco/job/new pack"), seen);
    }

    @Test
    void anErrorStatusIsACommExceptionWithTheMastersTextAndTheUrl() {
        Disco disco = new Disco("http://master:1", (method, path, headers, body, wait) ->
                new MasterTransport.Reply(400, utf8("\"unknown job\"")));
        CommException e = assertThrows(CommException.class, disco::version);
        assertTrue(e.getMessage().contains("unknown job") && e.getMessage().contains("http://master:1/disco/version"),
                e.getMessage());
    }

    @Test
    void aTransportFailureIsAnUnreachableMasterNamingTheUrl() {
        Disco disco = new Disco("http://master:1", (method, path, headers, body, wait) -> {
            throw new IOException("pipe broke");
        });
        CommException e = assertThrows(MasterUnreachableException.class, disco::version);
        assertEquals("the master at http://master:1 is unreachable: java.io.IOException: pipe broke", e.getMessage());
        assertEquals("http://master:1/disco/version", e.url());
    }

    @Test
    void aReplyKeepsItsBody() {
        byte[] body = utf8("x");
        assertArrayEquals(body, new MasterTransport.Reply(200, body).body());
    }
}
