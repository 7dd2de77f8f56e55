package sessionlab.event;

/** An event in a log: its place ({@code seq}, from 0) and virtual time in milliseconds. */
public record LoggedEvent(long seq, long at, Event event) {
    public String type() {
        return EventTypes.nameOf(event);
    }
}
