package io.jdisco.worker.core.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jdisco.worker.core.json.PythonJson;
import io.jdisco.worker.core.protocol.message.Message;
import io.jdisco.worker.core.testing.Vectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every recorded transcript decodes to the messages of its side file; worker frames re-encode exactly. */
class TranscriptCodecTest {
    private static final PythonJson COMPACT = PythonJson.compact();

    private static List<Frame> frames(byte[] bin) throws Exception {
        FrameReader r = new FrameReader(new ByteArrayInputStream(bin));
        List<Frame> out = new ArrayList<>();
        Frame f;
        while ((f = r.next()) != null) {
            out.add(f);
        }
        return out;
    }

    private static void assertSame(Map<String, Object> expected, Message actual, Frame frame) {
        assertEquals(expected.get("type"), actual.name());
        assertEquals(COMPACT.write(expected.get("body")), COMPACT.write(actual.body()), "body of " + expected);
        assertEquals(expected.get("raw"), new String(frame.encode(), StandardCharsets.UTF_8));
    }

    @Test
    void masterStreamsDecodeToTheRecordedReplies() throws Exception {
        List<String> transcripts = Vectors.transcripts();
        assertFalse(transcripts.isEmpty());
        for (String t : transcripts) {
            List<Frame> frames = frames(Vectors.bytes(t + ".master_to_worker.bin"));
            List<Map<String, Object>> expected = Vectors.exchanges(t, "master");
            assertEquals(expected.size(), frames.size(), t);
            for (int i = 0; i < frames.size(); i++) {
                assertSame(expected.get(i), MessageCodec.decodeMaster(frames.get(i)), frames.get(i));
            }
        }
    }

    @Test
    void workerStreamsDecodeToTheRecordedRequests() throws Exception {
        for (String t : Vectors.transcripts()) {
            List<Frame> frames = frames(Vectors.bytes(t + ".worker_to_master.bin"));
            List<Map<String, Object>> expected = Vectors.exchanges(t, "worker");
            assertEquals(expected.size(), frames.size(), t);
            for (int i = 0; i < frames.size(); i++) {
                assertSame(expected.get(i), MessageCodec.decodeWorker(frames.get(i)), frames.get(i));
            }
        }
    }

    @Test
    void workerMessagesReEncodeToTheRecordedBytes() throws Exception {
        for (String t : Vectors.transcripts()) {
            byte[] bin = Vectors.bytes(t + ".worker_to_master.bin");
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            for (Frame f : frames(bin)) {
                again.write(MessageCodec.encode(MessageCodec.decodeWorker(f)).encode());
            }
            assertArrayEquals(bin, again.toByteArray(), t);
        }
    }

    @Test
    void masterMessagesReEncodeToTheRecordedBytes() throws Exception {
        for (String t : Vectors.transcripts()) {
            byte[] bin = Vectors.bytes(t + ".master_to_worker.bin");
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            for (Frame f : frames(bin)) {
                again.write(MessageCodec.encode(MessageCodec.decodeMaster(f)).encode());
            }
            assertArrayEquals(bin, again.toByteArray(), t);
        }
    }
}
