package sessionlab.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/** A handshake message that is named but not decoded: its content does not affect resumption. */
public record OtherHandshakeInfo(int type, String name) implements HandshakeInfo {
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", type);
        return f;
    }
}
