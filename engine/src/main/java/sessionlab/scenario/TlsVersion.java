package sessionlab.scenario;

public enum TlsVersion {
    TLS1_2("tls1.2"), TLS1_3("tls1.3");

    private final String word;

    TlsVersion(String word) { this.word = word; }

    public String word() { return word; }

    public static java.util.Optional<TlsVersion> ofWord(String w) {
        for (TlsVersion v : values()) if (v.word.equals(w)) return java.util.Optional.of(v);
        return java.util.Optional.empty();
    }
}
