package sessionlab.stack.libssl;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import sessionlab.event.EventSink;
import sessionlab.pki.DemoPki;
import sessionlab.stack.Availability;
import sessionlab.stack.Capability;
import sessionlab.stack.StackException;
import sessionlab.stack.StackRun;
import sessionlab.stack.TlsStack;
import sessionlab.wire.VirtualClock;

/** The real OpenSSL 3 libssl of this machine, through the Foreign Function &amp; Memory API. */
public final class LibsslStack implements TlsStack {
    /** Loaded once per process: libssl's ex_data index and callbacks are process-wide. */
    private static final class Native {
        static final Native INSTANCE = new Native();
        final Libssl lib;
        final NativeHooks hooks;
        final SessionLayout layout;
        final Availability availability;

        private Native() {
            LibsslLoader.Result r = LibsslLoader.load();
            if (r instanceof LibsslLoader.Result.Missing m) {
                lib = null;
                hooks = null;
                layout = null;
                availability = new Availability(false, "", m.reason(), m.searched());
                return;
            }
            Libssl l = new Libssl(((LibsslLoader.Result.Found) r).libraries());
            String version = l.OpenSSL_version();
            if (!version.startsWith("OpenSSL 3.")) {
                lib = null;
                hooks = null;
                layout = null;
                availability = new Availability(false, version, "OpenSSL 3.x is required", List.of(l.sslPath));
                return;
            }
            lib = l;
            hooks = new NativeHooks(l);
            layout = SessionLayout.probe(l);
            availability = new Availability(true, version, l.sslPath + "; " + layout.report, List.of(l.sslPath));
        }
    }

    private final DemoPki pki;
    private final sessionlab.wire.WireFaults faults;

    public LibsslStack(DemoPki pki) {
        this(pki, sessionlab.wire.WireFaults.NONE);
    }

    /** The same stack with a test's fault hook on every connection's wire. */
    public LibsslStack(DemoPki pki, sessionlab.wire.WireFaults faults) {
        this.pki = pki;
        this.faults = faults;
    }

    @Override
    public String name() {
        return "libssl";
    }

    @Override
    public Availability availability() {
        return Native.INSTANCE.availability;
    }

    @Override
    public Set<Capability> capabilities() {
        Native n = Native.INSTANCE;
        if (n.lib == null) return Set.of();
        Set<Capability> c = EnumSet.of(Capability.TLS13_TICKETS, Capability.SESSION_CALLBACKS, Capability.KEY_LOG);
        if (n.layout.refcountOffset.isPresent()) c.add(Capability.REFERENCE_COUNTS);
        if (n.layout.prevOffset.isPresent()) c.add(Capability.CACHE_ORDER);
        return c;
    }

    @Override
    public StackRun open(EventSink sink, VirtualClock clock) throws StackException {
        Native n = Native.INSTANCE;
        if (n.lib == null) throw new StackException("unavailable", "libssl is not available: " + n.availability.detail());
        LibsslRun run = new LibsslRun(n.lib, n.hooks, n.layout,
                new Credentials.Pem(pki.caCertificatePem(), pki.leafCertificatePem(), pki.leafPrivateKeyPem()), sink, clock);
        run.faults = faults;
        return run;
    }

    static Libssl library() {
        return Native.INSTANCE.lib;
    }
}
