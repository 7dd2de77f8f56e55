package sessionlab.stack.bc;

import sessionlab.wire.WireFaults;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import sessionlab.event.EventLog;
import sessionlab.event.EventSink;
import sessionlab.scenario.ContextOptions;
import sessionlab.scenario.Role;
import sessionlab.wire.Link;
import sessionlab.wire.VirtualClock;

/**
 * Test helper: bctls endpoints with the lab's contexts and cache, and any other {@link WireEnd}
 * (the JDK's engine), joined by the same driver, link and record tap the scenarios use.
 */
final class InteropBench {
    final EventLog log = new EventLog();
    final VirtualClock clock = new VirtualClock();
    final EventSink sink = new EventSink(log, clock::now);
    final BcSessions sessions = new BcSessions(sink, clock);
    final List<String> keyLog = new ArrayList<>();
    final BcEndpoint.Env env = new BcEndpoint.Env(new BcTlsCrypto(new SecureRandom()), new BcCredentials(BcLab.PKI), sink,
            (label, line) -> keyLog.add(line));
    final BcContext server = new BcContext("server", Role.SERVER, ContextOptions.DEFAULTS, sessions, sink);
    final BcContext client = new BcContext("client", Role.CLIENT, ContextOptions.DEFAULTS, sessions, sink);
    private int count;

    /** The outcome of one connection's handshake. */
    record Connection(String name, WireDriver driver, WireEnd client, WireEnd server, String failure) {}

    String nextName() {
        return "c" + (count + 1);
    }

    BcEndpoint bcServer() {
        BcEndpoint e = BcEndpoint.server(nextName(), server, env);
        e.onComplete(() -> BcConnections.completed(sessions, e, null));
        return e;
    }

    BcEndpoint bcClient(TlsSession offer) {
        BcEndpoint e = BcEndpoint.client(nextName(), client, env, offer);
        e.onComplete(() -> BcConnections.completed(sessions, e, null));
        return e;
    }

    /** Starts both ends and runs the handshake to its end (or failure) on the shared virtual clock. */
    Connection connect(WireEnd c, WireEnd s) {
        String name = "c" + (++count);
        WireDriver driver = new WireDriver(name, clock, new Link(clock, 25), sink::emit);
        if (c instanceof BcEndpoint b) b.start();
        if (s instanceof BcEndpoint b) b.start();
        driver.drain(c);
        driver.drain(s);
        String failure = driver.run(c, s, () -> done(c) && done(s));
        return new Connection(name, driver, c, s, failure);
    }

    static boolean done(WireEnd e) {
        return e instanceof BcEndpoint b ? b.handshakeDone() : ((JdkEngineEnd) e).finished;
    }
}
