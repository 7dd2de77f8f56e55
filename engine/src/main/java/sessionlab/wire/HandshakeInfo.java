package sessionlab.wire;

import java.util.Map;

/**
 * What a plaintext handshake message says, decoded far enough to explain session resumption.
 * {@link #fields()} is for display: insertion-ordered, JSON-friendly values only (strings,
 * numbers, booleans and lists of those).
 */
public sealed interface HandshakeInfo
        permits ClientHelloInfo, ServerHelloInfo, NewSessionTicketTls12Info, OtherHandshakeInfo {

    String name();

    Map<String, Object> fields();
}
