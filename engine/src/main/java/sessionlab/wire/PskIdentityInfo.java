package sessionlab.wire;

/** One identity of a TLS 1.3 pre_shared_key offer; the identity itself is an opaque ticket. */
public record PskIdentityInfo(int identityLength, long obfuscatedTicketAge) {
    String describe() {
        return "identity %d bytes, obfuscated_ticket_age %d".formatted(identityLength, obfuscatedTicketAge);
    }
}
