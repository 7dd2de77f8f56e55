package sessionlab.stack.jsse;

import sessionlab.wire.WireFaults;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sessionlab.event.EventSink;
import sessionlab.pki.DemoPki;
import sessionlab.stack.Availability;
import sessionlab.stack.Capability;
import sessionlab.stack.StackException;
import sessionlab.stack.StackRun;
import sessionlab.stack.TlsStack;
import sessionlab.wire.VirtualClock;

/**
 * The JDK's own TLS (SunJSSE) through SSLEngine. It does real TLS 1.3 tickets; it has no reference
 * counts, no session callbacks, no secrets to log and no observable destruction, so those
 * capabilities are absent rather than invented.
 */
public final class JsseStack implements TlsStack {
    static final String TICKET_COUNT_PROPERTY = "jdk.tls.server.newSessionTicketCount";
    private static Integer localTickets;

    private final DemoPki pki;
    private final WireFaults fault;

    public JsseStack(DemoPki pki) {
        this(pki, WireFaults.NONE);
    }

    /** With a fault hook on every connection's wire (tests, demonstrations of broken connections). */
    public JsseStack(DemoPki pki, WireFaults fault) {
        this.pki = pki;
        this.fault = fault;
    }

    @Override
    public String name() {
        return "jsse";
    }

    @Override
    public Availability availability() {
        String home = System.getProperty("java.home");
        return new Availability(true, "SunJSSE " + Runtime.version(), "java.home " + home + "; this JVM's servers send "
                + localTickets(credentials(pki)) + " TLS 1.3 ticket(s) per handshake (measured; " + TICKET_COUNT_PROPERTY
                + " is read once per JVM, other counts run in a child JVM)", List.of(home));
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TLS13_TICKETS);
    }

    @Override
    public Map<String, String> refusedCalls() {
        return JsseRefusals.CALLS;
    }

    @Override
    public List<String> caveats() {
        return List.of(
                "jsse cannot tell when a session is destroyed: SSLSession objects are garbage-collected, so destroyed()/alive() are errors",
                "jsse holders are Java references (engine, cache, scenario variable), without counts",
                "jsse sessions keep wall-clock time: advance ages no session, ticket or timeout",
                "jsse has no SSL_set_session: connect(..., session=S) creates the client engine for S's peer host:port, "
                        + "and JSSE offers what its client cache holds for that peer (each connection has its own fake port)",
                "jsse sends TLS 1.3 tickets encrypted: they are counted when the client's cache gains them on SSL_read; "
                        + "a stateless server's ticket.sent is not visible",
                "this JVM's servers send " + localTickets(credentials(pki)) + " ticket(s) per handshake; server contexts with another tickets= "
                        + "run in a child JVM started with " + TICKET_COUNT_PROPERTY);
    }

    @Override
    public StackRun open(EventSink sink, VirtualClock clock) throws StackException {
        Hosted.Init init = credentials(pki);
        return new JsseRun(sink, clock, init, localTickets(init), fault);
    }

    /**
     * This JVM's ticket count, measured once. If SunJSSE has not initialised yet, the property is
     * set to libssl's default (2) around the measurement and then restored: the first handshake
     * fixes the count for the life of the JVM, so this is the one moment it can be chosen.
     */
    static synchronized int localTickets(Hosted.Init init) {
        if (localTickets != null) return localTickets;
        String before = System.getProperty(TICKET_COUNT_PROPERTY);
        if (before == null) System.setProperty(TICKET_COUNT_PROPERTY, Integer.toString(ContextMapping.LIBSSL_TICKETS));
        try {
            LocalHost probe = new LocalHost(-1);
            probe.call(init);
            localTickets = probe.call(new Hosted.CountTickets());
        } finally {
            if (before == null) System.clearProperty(TICKET_COUNT_PROPERTY);
        }
        return localTickets;
    }

    static Hosted.Init credentials(DemoPki pki) {
        try {
            PrivateKey key = pki.leafPrivateKey();
            String algorithm = key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm();
            return new Hosted.Init(key.getEncoded(), algorithm,
                    List.of(pki.leafCertificate().getEncoded(), pki.caCertificate().getEncoded()), pki.caCertificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the demo certificates always encode", e);
        }
    }
}
