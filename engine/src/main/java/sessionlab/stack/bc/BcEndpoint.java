package sessionlab.stack.bc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import sessionlab.event.Event;
import sessionlab.event.EventSink;
import sessionlab.scenario.Side;
import sessionlab.scenario.TlsVersion;
import sessionlab.wire.Direction;
import sessionlab.wire.TlsNames;

/**
 * One end of a connection on bctls: a non-blocking protocol object and its peer. It takes records one
 * at a time ({@code offerInput}), hands back what bctls wrote ({@code readOutput}), and reports what
 * it saw in the plaintext of its own records: handshake messages, alerts, the hellos' session ids.
 */
final class BcEndpoint implements WireEnd, LabProtocols.RecordObserver {
    /** What every endpoint of a run shares. */
    record Env(BcTlsCrypto crypto, BcCredentials credentials, EventSink sink, SecretCopier.Sink keyLog) {}

    final String conn;
    final Side side;
    final BcContext ctx;
    private final Env env;
    final TlsProtocol protocol;
    private final LabTlsClient client;
    private final LabTlsServer server;
    private final RecordNotes written = new RecordNotes();
    private final RecordNotes read = new RecordNotes();
    private final List<String> labels = new ArrayList<>();
    private final SecretCopier secrets;
    private String failure;
    private boolean completed;
    private boolean announced;
    private Runnable onComplete = () -> {};
    boolean freed;
    // evidence, each from bctls itself or from this end's own plaintext records
    boolean bcWillOffer;
    boolean certificateChecked;
    byte[] helloSessionId = new byte[0];
    byte[] serverHelloSessionId = new byte[0];
    int ticketsReceived;
    int ticketsDropped;
    int ticketsSent;
    /** The session the scenario gave this client to offer (kept for evidence after the peer dropped it). */
    final TlsSession offered;

    private BcEndpoint(String conn, Side side, BcContext ctx, Env env, TlsSession offer) {
        this.conn = conn;
        this.side = side;
        this.ctx = ctx;
        this.env = env;
        this.offered = offer;
        this.secrets = new SecretCopier(env.crypto(), (label, line) -> {
            env.keyLog().line(label, line);
            env.sink().emit(new Event.KeyLog(conn, label));
        });
        if (side == Side.CLIENT) {
            protocol = new LabProtocols.Client(this);
            client = new LabTlsClient(env.crypto(), this, ctx.versions(), env.credentials(), offer);
            server = null;
        } else {
            protocol = new LabProtocols.Server(this);
            server = new LabTlsServer(env.crypto(), this, ctx.versions(), env.credentials());
            client = null;
        }
    }

    static BcEndpoint client(String conn, BcContext ctx, Env env, TlsSession offer) {
        return new BcEndpoint(conn, Side.CLIENT, ctx, env, offer);
    }

    static BcEndpoint server(String conn, BcContext ctx, Env env) {
        return new BcEndpoint(conn, Side.SERVER, ctx, env, null);
    }

    String display() {
        return side == Side.CLIENT ? conn : conn + ".server";
    }

    String sideName() {
        return side == Side.CLIENT ? "client" : "server";
    }

    String handshakeCall() {
        return side == Side.CLIENT ? "SSL_connect" : "SSL_accept";
    }

    void onComplete(Runnable r) {
        onComplete = r;
    }

    /** connect / accept: a client writes its ClientHello at once, a server waits for one. */
    void start() {
        try {
            if (client != null) ((TlsClientProtocol) protocol).connect(client);
            else ((TlsServerProtocol) protocol).accept(server);
        } catch (IOException | RuntimeException e) {
            fail(WireDriver.describe(e));
        }
    }

    // ---- WireEnd ----

    @Override
    public Direction sends() {
        return side == Side.CLIENT ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
    }

    @Override
    public void receive(byte[] record) throws IOException {
        if (protocol.isClosed()) {
            // bctls refuses input once closed (it closes both ways at once): the record is read by nobody
            return;
        }
        protocol.offerInput(record);
    }

    @Override
    public byte[] takeOutput() {
        int n = protocol.getAvailableOutputBytes();
        byte[] out = new byte[n];
        if (n > 0) protocol.readOutput(out, 0, n);
        return out;
    }

    @Override
    public List<String> takeLabels() {
        List<String> out = List.copyOf(labels);
        labels.clear();
        return out;
    }

    @Override
    public void settled() {
        if (completed && !announced) {
            announced = true;
            announce();
        }
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public void fail(String why) {
        if (failure == null) failure = why;
    }

    // ---- the record hooks ----

    @Override
    public void writing(short contentType, byte[] buf, int off, int len, TlsContext context) {
        secrets.look(context);
        List<RecordNotes.Item> items = written.read(contentType, buf, off, len);
        labels.add(RecordNotes.label(items));
        for (RecordNotes.Item i : items) report(true, i, context);
    }

    @Override
    public void processing(short contentType, byte[] buf, int off, int len, TlsContext context) {
        secrets.look(context);
        for (RecordNotes.Item i : read.read(contentType, buf, off, len)) report(false, i, context);
    }

    /** Handshake messages and alerts, as libssl's message callback would report them, plus their evidence. */
    private void report(boolean sent, RecordNotes.Item i, TlsContext context) {
        if (i.handshakeType() < 0 && !i.isAlert()) return;
        env.sink().emit(new Event.HandshakeMessage(conn, sideName(), sent, i.name(), i.length()));
        if (i.handshakeType() == 1) helloSessionId = RecordNotes.helloSessionId(i.body());
        if (i.handshakeType() == 2) serverHelloSessionId = RecordNotes.helloSessionId(i.body());
        if (i.handshakeType() == RecordNotes.NEW_SESSION_TICKET) {
            boolean tls13 = isTls13(context);
            long[] f = RecordNotes.ticketFields(i.body(), tls13);
            if (sent) {
                ticketsSent++;
                env.sink().emit(new Event.TicketSent(conn, ticketsSent, f[0], (int) f[1]));
            } else if (tls13) {
                ticketsDropped++; // arrives, is parsed, and is dropped: bctls 1.84 cannot resume with it
            }
        }
    }

    private static boolean isTls13(TlsContext context) {
        SecurityParameters sp = context.getSecurityParametersConnection();
        if (sp == null) sp = context.getSecurityParametersHandshake();
        return sp != null && sp.getNegotiatedVersion() != null && TlsUtils.isTLSv13(sp.getNegotiatedVersion());
    }

    // ---- from the peer's callbacks ----

    void completed(TlsContext context) {
        completed = true;
        secrets.complete(context);
    }

    void alert(boolean raised, short level, short description, String message, Throwable cause) {
        if (level != AlertLevel.fatal) return;
        String what = (raised ? "sent fatal alert " : "received fatal alert ") + AlertDescription.getText(description);
        if (message != null) what += " (" + message + (cause != null ? ": " + WireDriver.describe(cause) : "") + ")";
        fail(what);
    }

    private void announce() {
        SecurityParameters sp = params();
        String detail = "";
        if (side == Side.CLIENT && resumed()) {
            detail = " (resumed: the ServerHello echoed session id " + shortHex(serverHelloSessionId)
                    + (certificateChecked ? "" : "; the server certificate was not checked again") + ")";
        } else if (side == Side.SERVER && version().orElse(null) == TlsVersion.TLS1_3) {
            detail = " (no NewSessionTicket sent: Bouncy Castle 1.84 has no TLS 1.3 tickets)";
        }
        env.sink().emit(new Event.Return(display(), handshakeCall(), "1" + detail));
        env.sink().emit(new Event.HandshakeDone(conn, sideName(), version().map(TlsVersion::word).orElse("unknown"),
                TlsNames.cipherSuiteName(sp.getCipherSuite()), resumed()));
        if (!secrets.missed.isEmpty()) {
            env.sink().emit(new Event.Error(null, "keylog", display() + ": could not copy " + secrets.missed + ": already destroyed"));
        }
        if (side == Side.CLIENT && wireResumed() != resumed()) {
            env.sink().emit(new Event.Error(null, "evidence-mismatch", display() + ": bctls says resumed=" + resumed()
                    + " but the ServerHello " + (wireResumed() ? "echoed" : "did not echo") + " the offered session id"));
        }
        onComplete.run();
    }

    static String shortHex(byte[] id) {
        String h = HexFormat.of().formatHex(id);
        return h.length() > 16 ? h.substring(0, 16) + "…" : h.isEmpty() ? "(empty)" : h;
    }

    // ---- what the scenario can ask ----

    boolean handshakeDone() {
        return completed;
    }

    TlsContext context() {
        return client != null ? client.context() : server.context();
    }

    SecurityParameters params() {
        TlsContext c = context();
        return c == null ? null : c.getSecurityParametersConnection();
    }

    /** bctls's own word: the connection's security parameters say the session was resumed. */
    boolean resumed() {
        SecurityParameters sp = params();
        return completed && sp != null && sp.isResumedSession();
    }

    /** The wire's word (TLS 1.2): the ServerHello echoed the non-empty id the ClientHello offered. */
    boolean wireResumed() {
        return version().orElse(null) == TlsVersion.TLS1_2 && serverHelloSessionId.length > 0
                && Arrays.equals(serverHelloSessionId, helloSessionId);
    }

    /** The ClientHello offered the session this client was given: its id was in the hello. */
    boolean offeredOnWire() {
        TlsSession offer = client == null ? null : offered;
        if (offer == null || helloSessionId.length == 0) return false;
        byte[] id = offer.getSessionID();
        return id != null && Arrays.equals(id, helloSessionId);
    }

    java.util.Optional<TlsVersion> version() {
        SecurityParameters sp = params();
        if (!completed || sp == null || sp.getNegotiatedVersion() == null) return java.util.Optional.empty();
        return java.util.Optional.of(TlsUtils.isTLSv13(sp.getNegotiatedVersion()) ? TlsVersion.TLS1_3 : TlsVersion.TLS1_2);
    }

    /** The session this end holds: bctls's {@code getSession()}, or before completion the one it was given to offer. */
    TlsSession session() {
        if (freed) return null;
        TlsContext c = context();
        TlsSession s = c == null ? null : c.getSession();
        if (s == null && client != null && !completed) s = client.offer();
        return s;
    }
}
