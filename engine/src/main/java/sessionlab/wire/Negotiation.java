package sessionlab.wire;

/**
 * What the server->client stream revealed that the client->server stream needs: only the
 * ServerHello (or HelloRetryRequest) says whether TLS 1.3 was chosen, and that decides whether
 * a handshake record sent after ChangeCipherSpec is ciphertext (TLS 1.2) or plaintext (TLS 1.3,
 * where ChangeCipherSpec is only a middlebox-compatibility dummy).
 */
final class Negotiation {
    private int selectedVersion = -1;

    void serverSelected(int version) {
        selectedVersion = version;
    }

    boolean isTls13() {
        return selectedVersion == 0x0304;
    }
}
