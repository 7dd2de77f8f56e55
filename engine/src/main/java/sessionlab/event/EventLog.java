package sessionlab.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Append-only, indexed log of one run. Appending stamps the sequence number. */
public final class EventLog {
    private final List<LoggedEvent> events = new ArrayList<>();
    private final List<Consumer<LoggedEvent>> listeners = new CopyOnWriteArrayList<>();

    public synchronized LoggedEvent append(long at, Event event) {
        LoggedEvent logged = new LoggedEvent(events.size(), at, event);
        events.add(logged);
        for (Consumer<LoggedEvent> l : listeners) l.accept(logged);
        return logged;
    }

    /** Appends an event read back from a file, keeping its own stamps (they must continue the log). */
    public synchronized void appendLogged(LoggedEvent e) {
        if (e.seq() != events.size()) {
            throw new IllegalArgumentException("event seq " + e.seq() + " does not continue a log of " + events.size());
        }
        events.add(e);
    }

    public void onAppend(Consumer<LoggedEvent> listener) {
        listeners.add(listener);
    }

    public synchronized int size() {
        return events.size();
    }

    public synchronized LoggedEvent get(int index) {
        return events.get(index);
    }

    /** A snapshot of the events so far. */
    public synchronized List<LoggedEvent> events() {
        return Collections.unmodifiableList(new ArrayList<>(events));
    }

    public <T extends Event> List<T> ofType(Class<T> type) {
        return events().stream().map(LoggedEvent::event).filter(type::isInstance).map(type::cast).toList();
    }
}
