package sessionlab.scenario;

/**
 * One lexical token of a scenario line. For {@link Kind#STRING} {@code text} is the decoded value;
 * for every other kind it is the text as written.
 */
record Token(Kind kind, String text, Position position) {

    enum Kind {
        /** {@code [A-Za-z_][A-Za-z0-9_]*}: names, call names, keywords, option keys and words. */
        NAME,
        /** A name with a dotted number, {@code tls1.3}: kept whole so versions are one token. */
        WORD,
        /** Digits, optionally signed or fractional, with any unit letters glued on: {@code 3}, {@code 250ms}. */
        NUMBER,
        STRING,
        LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), COMMA(","), ASSIGN("="), DOT("."), PLUS("+"),
        NOT("!"), AND("&&"), OR("||"), EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        /** End of the line (before any comment); positioned just after the last token. */
        END;

        private final String symbol;

        Kind() { this(null); }

        Kind(String symbol) { this.symbol = symbol; }

        String symbol() { return symbol; }
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isName(String word) {
        return kind == Kind.NAME && text.equals(word);
    }

    /** How the token reads in a message: {@code 'x'}, {@code "text"} (as written), or "end of line". */
    String display() {
        return switch (kind) {
            case END -> "end of line";
            case STRING -> source();
            default -> "'" + text + "'";
        };
    }

    String source() {
        return kind == Kind.STRING ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : text;
    }
}
