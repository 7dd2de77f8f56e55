package sessionlab.stack.jsse;

import java.util.Set;
import java.util.TreeSet;
import sessionlab.stack.jsse.Hosted.SessionView;

/**
 * One SSLSession the run has seen (by object identity, in its host). There is no "destroyed":
 * a Java session is garbage-collected when nothing references it, which no API reports.
 */
final class Tracked {
    final int number;
    final Host host;
    final int handle;
    final String side;
    final long createdAt;
    /** The context whose cache or engine first showed it. */
    final JsseContext home;
    SessionView view;
    /** Arrived as a TLS 1.3 NewSessionTicket (seen growing the client cache after FINISHED). */
    boolean ticket;
    /** A TLS 1.2 ticket seen on the wire for it: lifetime hint and length. */
    long[] tls12Ticket;
    boolean resumable;
    boolean stateShown;
    String cache;
    /** {@code "cache " + cache}, its holder name. */
    String cacheHolder;
    Set<String> holders = new TreeSet<>();
    /** Why it last left a cache, for the resumable flag; and the connection that spent it, if one did. */
    String removedReason;
    String spentBy;
    String flagReason;
    int flagLine;

    Tracked(int number, Host host, int handle, String side, long createdAt, JsseContext home) {
        this.number = number;
        this.host = host;
        this.handle = handle;
        this.side = side;
        this.createdAt = createdAt;
        this.home = home;
    }

    String version() {
        return view == null ? "" : switch (view.protocol()) {
            case "TLSv1.3" -> "tls1.3";
            case "TLSv1.2" -> "tls1.2";
            default -> view.protocol();
        };
    }

    String label() {
        return "#" + number;
    }
}
