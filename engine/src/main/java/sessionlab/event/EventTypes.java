package sessionlab.event;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON {@code type} of each event, as the event contract names it. */
public final class EventTypes {
    private static final Map<Class<? extends Event>, String> NAMES = new LinkedHashMap<>();
    private static final Map<String, Class<? extends Event>> CLASSES = new LinkedHashMap<>();

    static {
        put(Event.RunStarted.class, "run.started");
        put(Event.RunFinished.class, "run.finished");
        put(Event.StatementStarted.class, "statement");
        put(Event.Note.class, "note");
        put(Event.ExpectPass.class, "expect.pass");
        put(Event.ExpectFail.class, "expect.fail");
        put(Event.Error.class, "error");
        put(Event.ClockAdvance.class, "clock.advance");
        put(Event.Call.class, "call");
        put(Event.Return.class, "return");
        put(Event.ContextCreated.class, "ctx.created");
        put(Event.ContextFreed.class, "ctx.freed");
        put(Event.ConnectionCreated.class, "ssl.created");
        put(Event.ConnectionFreed.class, "ssl.freed");
        put(Event.VariableBound.class, "variable.bound");
        put(Event.VariableDangling.class, "variable.dangling");
        put(Event.WireRecord.class, "wire.record");
        put(Event.HandshakeMessage.class, "handshake.message");
        put(Event.HandshakeDone.class, "handshake.done");
        put(Event.TicketSent.class, "ticket.sent");
        put(Event.TicketReceived.class, "ticket.received");
        put(Event.KeyLog.class, "keylog");
        put(Event.SessionCreated.class, "session.created");
        put(Event.SessionState.class, "session.state");
        put(Event.SessionFlag.class, "session.flag");
        put(Event.SessionRef.class, "session.ref");
        put(Event.SessionDestroyed.class, "session.destroyed");
        put(Event.RefcountMismatch.class, "refcount.mismatch");
        put(Event.Leak.class, "leak");
        put(Event.Prevented.class, "prevented");
        put(Event.ResumeExplained.class, "resume.explained");
        put(Event.CacheInsert.class, "cache.insert");
        put(Event.CacheRemove.class, "cache.remove");
        put(Event.CacheOrder.class, "cache.order");
        put(Event.Callback.class, "callback");
        put(Event.Stats.class, "stats");
    }

    private EventTypes() {}

    private static void put(Class<? extends Event> type, String name) {
        NAMES.put(type, name);
        CLASSES.put(name, type);
    }

    public static String nameOf(Event e) {
        String n = NAMES.get(e.getClass());
        if (n == null) throw new IllegalStateException("event type without a JSON name: " + e.getClass());
        return n;
    }

    public static Class<? extends Event> classOf(String name) {
        return CLASSES.get(name);
    }

    public static Iterable<Class<? extends Event>> all() {
        return NAMES.keySet();
    }
}
