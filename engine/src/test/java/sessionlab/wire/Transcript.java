package sessionlab.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

/** What a {@link JsseLoopback} connection put on the wire, and helpers to decode it in order. */
record Transcript(List<JsseLoopback.Chunk> chunks, SSLException clientFailure, SSLException serverFailure) {

    /** A decoded record and who sent it. */
    record Seen(boolean fromClient, DecodedRecord decoded) {
        String label() {
            return decoded.label();
        }
    }

    /** Feeds chunks in emission order, as a live observer of both directions would. */
    List<Seen> decode() {
        ConnectionDecoders decoders = ConnectionDecoders.create();
        RecordSplitter fromClient = new RecordSplitter();
        RecordSplitter fromServer = new RecordSplitter();
        List<Seen> seen = new ArrayList<>();
        for (JsseLoopback.Chunk chunk : chunks) {
            RecordSplitter splitter = chunk.fromClient() ? fromClient : fromServer;
            DirectionDecoder decoder = chunk.fromClient() ? decoders.clientToServer() : decoders.serverToClient();
            for (TlsRecord record : splitter.feed(chunk.bytes())) {
                seen.add(new Seen(chunk.fromClient(), decoder.decode(record)));
            }
        }
        return seen;
    }

    List<String> labels(boolean fromClient) {
        return decode().stream().filter(s -> s.fromClient() == fromClient).map(Seen::label).toList();
    }

    <T extends HandshakeInfo> List<T> messages(Class<T> type) {
        return decode().stream()
                .flatMap(s -> s.decoded().messages().stream())
                .filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HandshakeInfo> T only(Class<T> type) {
        List<T> all = messages(type);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " but saw " + all.size());
        }
        return all.getFirst();
    }

    byte[] bytes(boolean fromClient) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.stream().filter(c -> c.fromClient() == fromClient).forEach(c -> out.writeBytes(c.bytes()));
        return out.toByteArray();
    }
}
