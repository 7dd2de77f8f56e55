package sessionlab.scenario;

import java.util.List;

/** Expressions of {@code expect}. Types are checked before a run: ints, booleans and version words. */
public sealed interface Expr {
    Position position();

    record IntLiteral(Position position, long value) implements Expr {}
    /** {@code tls1.2} / {@code tls1.3}, compared with {@code version(C)}. */
    record VersionLiteral(Position position, TlsVersion version) implements Expr {}
    record Not(Position position, Expr operand) implements Expr {}
    record And(Position position, Expr left, Expr right) implements Expr {}
    record Or(Position position, Expr left, Expr right) implements Expr {}
    record Compare(Position position, Comparison op, Expr left, Expr right) implements Expr {}
    /** A call of an expectation function with its arguments already checked; {@code text} is as written. */
    record Fn(Position position, String text, Function function, List<FnArg> args) implements Expr {}

    enum Comparison {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");
        private final String symbol;
        Comparison(String symbol) { this.symbol = symbol; }
        public String symbol() { return symbol; }
    }

    /** The expectation functions of DESIGN.md and what they take. */
    enum Function {
        RESUMABLE("resumable"), DESTROYED("destroyed"), ALIVE("alive"), NULL("null"), REFCOUNT("refcount"),
        SAME("same"), REUSED("reused"), VERSION("version"), TICKETS_RECEIVED("tickets_received"),
        CACHE_SIZE("cache_size"), IN_CACHE("in_cache"), CALLBACKS("callbacks"), STAT("stat"), OFFERED("offered");
        private final String word;
        Function(String word) { this.word = word; }
        public String word() { return word; }
    }

    /** An argument of an expectation function. */
    sealed interface FnArg {
        record Session(Ref ref) implements FnArg {}
        record Conn(ConnRef conn) implements FnArg {}
        record Ctx(Ref ref) implements FnArg {}
        /** {@code new} / {@code remove} of callbacks(X, ...). */
        record CallbackKind(String kind) implements FnArg {}
        /** number, connect, connect_good, accept, accept_good, hits, misses, timeouts, cache_full, cb_hits. */
        record StatName(String stat) implements FnArg {}
    }
}
