package sessionlab.stack.bc;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.jar.JarFile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.tls.TlsProtocol;
import sessionlab.event.EventSink;
import sessionlab.pki.DemoPki;
import sessionlab.stack.Availability;
import sessionlab.stack.Capability;
import sessionlab.stack.StackException;
import sessionlab.stack.StackRun;
import sessionlab.stack.TlsStack;
import sessionlab.wire.VirtualClock;
import sessionlab.wire.WireFaults;

/** Bouncy Castle's bctls low-level TLS API (TlsClientProtocol / TlsServerProtocol), non-blocking, in this JVM. */
public final class BcStack implements TlsStack {
    private final BcCredentials credentials;
    private final WireFaults faults;

    public BcStack(DemoPki pki) {
        this(pki, WireFaults.NONE);
    }

    BcStack(DemoPki pki, WireFaults faults) {
        this.credentials = new BcCredentials(pki);
        this.faults = faults;
    }

    @Override
    public String name() {
        return "bc";
    }

    /** bctls is on the class path, so it is always available; its version is read from its jar's manifest. */
    @Override
    public Availability availability() {
        return Version.AVAILABILITY;
    }

    private static final class Version {
        static final Availability AVAILABILITY = read();

        private static Availability read() {
            String where = String.valueOf(TlsProtocol.class.getProtectionDomain().getCodeSource().getLocation());
            String version = TlsProtocol.class.getPackage().getImplementationVersion();
            try (JarFile jar = new JarFile(new File(TlsProtocol.class.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
                String bundle = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
                if (bundle != null) version = bundle;
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // not a jar (e.g. classes on disk): fall back to the package's version, if any
            }
            String v = version == null ? "unknown" : version;
            String detail = where + (v.equals("1.84") ? "" : "; the lab was written against bctls 1.84");
            return new Availability(true, "bctls " + v, detail, List.of(where));
        }
    }

    /**
     * The key log is copied from bctls's own secrets; the cache order is known exactly because the lab
     * owns the cache. No TLS 1.3 tickets (bctls 1.84 has none), no reference counts (Java objects),
     * no session callbacks.
     */
    @Override
    public Map<String, String> refusedCalls() {
        return BcRefusals.CALLS;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.KEY_LOG, Capability.CACHE_ORDER);
    }

    @Override
    public List<String> caveats() {
        return List.of("bc: the session cache is the lab's own, as bctls leaves it to the application",
                "bc: Bouncy Castle 1.84 has no TLS 1.3 session tickets: its server sends none and its client keeps none; "
                        + "only TLS 1.2 sessions (by session id) resume",
                "bc: sessions are Java objects: get0 and get1 are the same reference, SSL_SESSION_free only makes a name "
                        + "let go, and 'destroyed' means no reference is left in the lab (garbage)",
                "bc: SSL_free just drops a connection: bctls applies no unclean-shutdown rule");
    }

    @Override
    public StackRun open(EventSink sink, VirtualClock clock) throws StackException {
        return new BcRun(credentials, sink, clock, faults);
    }
}
