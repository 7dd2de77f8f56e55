package sessionlab.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 5077 NewSessionTicket. Only TLS 1.2 sends it in plaintext (before the server's
 * ChangeCipherSpec); the TLS 1.3 message travels encrypted and never reaches the decoder.
 */
public record NewSessionTicketTls12Info(long lifetimeHint, int ticketLength) implements HandshakeInfo {
    @Override
    public String name() {
        return "NewSessionTicket";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("lifetimeHintSeconds", lifetimeHint);
        f.put("ticketLength", ticketLength);
        return f;
    }
}
