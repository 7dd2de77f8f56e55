package sessionlab.scenario;

/** The value of an expectation (sub)expression. */
public sealed interface Value {
    String render();

    record Int(long value) implements Value {
        public String render() { return Long.toString(value); }
    }
    record Bool(boolean value) implements Value {
        public String render() { return Boolean.toString(value); }
    }
    record Version(TlsVersion version) implements Value {
        public String render() { return version.word(); }
    }
    /** version(C) of a connection that has no negotiated version. */
    record None() implements Value {
        public String render() { return "none"; }
    }
}
