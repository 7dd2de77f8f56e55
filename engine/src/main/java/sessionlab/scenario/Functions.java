package sessionlab.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import sessionlab.scenario.Expr.Function;

/** What each expectation function takes and returns; shared by the checker and the evaluator. */
final class Functions {
    enum Type {
        BOOL("a boolean"), INT("an int"), VERSION("a version"),
        /** The type of something already reported: compatible with everything, so errors do not cascade. */
        ERROR("unknown");

        private final String phrase;

        Type(String phrase) { this.phrase = phrase; }

        String phrase() { return phrase; }
    }

    enum Param { SESSION, CONN, CTX, CALLBACK_KIND, STAT_NAME }

    record Signature(List<Param> params, Type result, String form) {}

    static final List<String> WORDS = Arrays.stream(Function.values()).map(Function::word).toList();
    static final List<String> CALLBACK_KINDS = List.of("new", "remove");
    static final List<String> STATS = List.of("number", "connect", "connect_good", "accept", "accept_good", "hits",
            "misses", "timeouts", "cache_full", "cb_hits");

    private Functions() {}

    static Optional<Function> byWord(String word) {
        return Arrays.stream(Function.values()).filter(f -> f.word().equals(word)).findFirst();
    }

    static Signature of(Function f) {
        return switch (f) {
            case RESUMABLE, DESTROYED, ALIVE, NULL -> sig(f, Type.BOOL, "S", Param.SESSION);
            case REFCOUNT -> sig(f, Type.INT, "S", Param.SESSION);
            case SAME -> sig(f, Type.BOOL, "S1, S2", Param.SESSION, Param.SESSION);
            case REUSED, OFFERED -> sig(f, Type.BOOL, "C", Param.CONN);
            case VERSION -> sig(f, Type.VERSION, "C", Param.CONN);
            case TICKETS_RECEIVED -> sig(f, Type.INT, "C", Param.CONN);
            case CACHE_SIZE -> sig(f, Type.INT, "X", Param.CTX);
            case IN_CACHE -> sig(f, Type.BOOL, "X, S", Param.CTX, Param.SESSION);
            case CALLBACKS -> sig(f, Type.INT, "X, new|remove", Param.CTX, Param.CALLBACK_KIND);
            case STAT -> sig(f, Type.INT, "X, NAME", Param.CTX, Param.STAT_NAME);
        };
    }

    private static Signature sig(Function f, Type result, String params, Param... kinds) {
        return new Signature(List.of(kinds), result, f.word() + "(" + params + ")");
    }
}
