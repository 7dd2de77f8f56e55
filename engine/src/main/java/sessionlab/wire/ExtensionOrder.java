package sessionlab.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.tls.TlsUtils;

/**
 * Extension types in wire order. Bouncy Castle hands extensions back as a Hashtable, which
 * loses the order the peer sent them in, and that order is worth showing (e.g. pre_shared_key
 * must come last). Only called on bodies Bouncy Castle has already parsed successfully.
 */
final class ExtensionOrder {
    private ExtensionOrder() {}

    static List<Integer> ofClientHello(byte[] body) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        TlsUtils.readFully(2 + 32, in); // legacy_version, random
        TlsUtils.readOpaque8(in);       // legacy_session_id
        TlsUtils.readOpaque16(in);      // cipher_suites
        TlsUtils.readOpaque8(in);       // legacy_compression_methods
        return extensionTypes(in);
    }

    static List<Integer> ofServerHello(byte[] body) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        TlsUtils.readFully(2 + 32, in); // legacy_version, random
        TlsUtils.readOpaque8(in);       // legacy_session_id_echo
        TlsUtils.readUint16(in);        // cipher_suite
        TlsUtils.readUint8(in);         // legacy_compression_method
        return extensionTypes(in);
    }

    private static List<Integer> extensionTypes(ByteArrayInputStream in) throws IOException {
        List<Integer> types = new ArrayList<>();
        if (in.available() == 0) {
            return types; // pre-TLS 1.2 peers may omit the extensions block entirely
        }
        ByteArrayInputStream extensions = new ByteArrayInputStream(TlsUtils.readOpaque16(in));
        while (extensions.available() > 0) {
            types.add(TlsUtils.readUint16(extensions));
            TlsUtils.readOpaque16(extensions);
        }
        return types;
    }
}
