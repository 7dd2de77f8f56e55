package sessionlab.wire;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import sessionlab.event.Event;

/**
 * One connection's wire for stacks that hand over bytes (JSSE, Bouncy Castle): frames what an end
 * sends into records, labels the plaintext ones, puts each on the link and reports it as a
 * {@code wire.record} event. Encrypted records are labelled only as the decoder can tell; a stack
 * that knows what it encrypted may pass a better label.
 */
public final class RecordTap {
    private final String conn;
    private final Link link;
    private final Consumer<Event> sink;
    private final ConnectionDecoders decoders = ConnectionDecoders.create();
    private final RecordSplitter clientToServer = new RecordSplitter();
    private final RecordSplitter serverToClient = new RecordSplitter();

    public RecordTap(String conn, Link link, Consumer<Event> sink) {
        this.conn = conn;
        this.link = link;
        this.sink = sink;
    }

    public Link link() {
        return link;
    }

    /** What one end wrote; returns the decoded records (a ClientHello's offer can be read from them). */
    public List<DecodedRecord> send(Direction d, byte[] bytes, List<String> encryptedLabels) {
        RecordSplitter splitter = d == Direction.CLIENT_TO_SERVER ? clientToServer : serverToClient;
        DirectionDecoder decoder = d == Direction.CLIENT_TO_SERVER ? decoders.clientToServer() : decoders.serverToClient();
        List<DecodedRecord> out = new ArrayList<>();
        int encryptedIndex = 0;
        for (TlsRecord r : splitter.feed(bytes)) {
            DecodedRecord dr = decoder.decode(r);
            out.add(dr);
            String label = dr.label();
            if (dr.encrypted() && encryptedLabels != null && encryptedIndex < encryptedLabels.size()) {
                label = encryptedLabels.get(encryptedIndex++);
            }
            List<Event.Message> messages = dr.messages().stream().map(h -> new Event.Message(h.name(), h.fields())).toList();
            Link.InFlight f = link.send(d, r.raw());
            sink.accept(new Event.WireRecord(conn, d.arrow(), f.sentAt(), f.arrivesAt(), r.contentType(), r.raw().length,
                    dr.encrypted(), label, messages, HexFormat.of().formatHex(r.raw())));
            if (link.lastFaultDescription() != null) sink.accept(new Event.Error(null, "wire-fault", link.lastFaultDescription()));
        }
        return out;
    }

    /** What has arrived for the receiving end of direction d by now. */
    public byte[] receive(Direction d) {
        return link.receive(d);
    }
}
