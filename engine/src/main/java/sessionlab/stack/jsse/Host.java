package sessionlab.stack.jsse;

import java.io.Serializable;

/**
 * The JSSE objects of one JVM. {@link LocalHost} is this JVM; {@link RemoteHost} is a child JVM
 * started with another {@code jdk.tls.server.newSessionTicketCount}, because SunJSSE reads that
 * property once per JVM (a static final of {@code sun.security.ssl.SSLConfiguration}).
 */
interface Host extends AutoCloseable {
    /** Carries out one command; a host that cannot answer throws {@link HostFailure}. */
    <R extends Serializable> R call(Hosted.Cmd<R> cmd);

    /** Where its objects live, for events and errors. */
    String where();

    /** How many TLS 1.3 tickets this host's servers send per handshake, as measured. */
    int ticketCount();

    @Override
    void close();

    /** A host that could not carry out a command (a child JVM died, a pipe broke). */
    final class HostFailure extends RuntimeException {
        HostFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
