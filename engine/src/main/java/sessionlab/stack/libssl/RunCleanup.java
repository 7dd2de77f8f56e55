package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sessionlab.event.Event;

/**
 * The end of a run: every reference the scenario still holds is reported as a leak and given back,
 * then every SSL and SSL_CTX is freed, so no native object outlives the run.
 */
final class RunCleanup {
    private RunCleanup() {}

    static void run(LibsslRun run) {
        Activity end = new Activity(Activity.Kind.OTHER, "end of run", null, null);
        List<Variable> holders = new ArrayList<>(run.ledger.variables.values());
        holders.addAll(run.ledger.orphans);
        for (Variable v : holders) {
            while (v.owned > 0 && v.session != null && v.session.alive) {
                run.sink.emit(new Event.Leak("var " + v.name, v.session.number));
                v.owned--;
                TrackedSession s = v.session;
                run.during(end, false, () -> {
                    run.lib.SSL_SESSION_free(MemorySegment.ofAddress(s.address));
                    return null;
                });
            }
        }
        for (LibsslContext c : run.ledger.contexts) {
            for (Map.Entry<TrackedSession, Integer> k : List.copyOf(c.kept.entrySet())) {
                for (int i = 0; i < k.getValue() && k.getKey().alive; i++) {
                    run.sink.emit(new Event.Leak("new_cb " + c.name, k.getKey().number));
                    c.kept.merge(k.getKey(), -1, Integer::sum);
                    run.during(end, false, () -> {
                        run.lib.SSL_SESSION_free(MemorySegment.ofAddress(k.getKey().address));
                        return null;
                    });
                }
            }
            c.kept.clear();
        }
        for (Endpoint e : List.copyOf(run.ledger.endpoints)) {
            if (e.freed) continue;
            run.sink.emit(new Event.Leak("SSL " + e.display(), null));
            run.during(new Activity(Activity.Kind.FREE, "end of run: SSL_free(" + e.display() + ")", e, e.ctx), false, () -> {
                run.lib.SSL_free(e.ssl);
                e.freed = true;
                run.ledger.endpoints.remove(e);
                run.bySsl.remove(e.ssl.address());
                return null;
            });
            run.sink.emit(new Event.ConnectionFreed(e.display()));
        }
        for (LibsslContext c : run.ledger.contexts) {
            if (c.freed) continue;
            run.sink.emit(new Event.Leak("SSL_CTX " + c.name, null));
            run.during(new Activity(Activity.Kind.CTX_FREE, "end of run: SSL_CTX_free(" + c.name + ")", null, c), false, () -> {
                run.lib.SSL_CTX_free(c.ptr);
                c.freed = true;
                return null;
            });
            run.sink.emit(new Event.ContextFreed(c.name));
        }
        run.ledger.flushCreated();
        long ssls = run.ledger.nativeSsls;
        long ctxs = run.ledger.contexts.stream().filter(c -> !c.nativeDestroyed).count();
        if (ssls > 0 || ctxs > 0) {
            run.sink.emit(new Event.Error(null, "outlived", ssls + " SSL object(s) and " + ctxs
                    + " SSL_CTX(s) outlived the run: libssl did not release them when the engine freed them"));
        }
        if (!run.ledger.live.isEmpty()) {
            run.sink.emit(new Event.Error(null, "outlived", run.ledger.live.size()
                    + " session(s) outlived the run: references held inside libssl that the engine could not attribute"));
        }
    }
}
