package io.jdisco.schemes.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HttpTargetTest {
    @Test
    void userInfoIsRemovedFromTheRequestUriAndMaskedInTheDisplay() {
        HttpTarget t = HttpTarget.parse("http://token:abc@master:8989/ddfs/tag/x");
        assertEquals("http://master:8989/ddfs/tag/x", t.uri().toString());
        assertEquals("Basic dG9rZW46YWJj", t.authorization());
        assertEquals("http://token:***@master:8989/ddfs/tag/x", t.display());
    }

    @Test
    void discoPathCharactersPassUnchanged() {
        String url = "http://n1:8989/ddfs/vol0/blob/ab/name$5a2-1b:3c@4";
        HttpTarget t = HttpTarget.parse(url);
        assertEquals(url, t.uri().toString());
        assertNull(t.authorization());
    }

    @Test
    void proxiedUrlFollowsDiscoProxyUrl() {
        assertEquals("http://proxy:8999/proxy/node1/GET/disco/node1/ab/job/x",
                HttpTarget.proxied("http://node1:8989/disco/node1/ab/job/x", "http://proxy:8999"));
    }
}
