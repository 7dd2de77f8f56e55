package sessionlab.stack;

/** What a stack can really observe or do; an absent capability is shown as such, never invented. */
public enum Capability {
    REFERENCE_COUNTS, TLS13_TICKETS, SESSION_CALLBACKS, CACHE_ORDER, KEY_LOG
}
