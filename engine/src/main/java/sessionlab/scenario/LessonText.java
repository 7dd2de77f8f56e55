package sessionlab.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a lesson file: UTF-8 text, or a positioned message saying where it stops being text. */
public final class LessonText {
    private LessonText() {}

    /** A file that is not UTF-8 text; its message is {@code file:line:col: ...}. */
    public static final class NotText extends IOException {
        private final transient Diagnostic diagnostic;

        NotText(Diagnostic diagnostic) {
            super(diagnostic.toString());
            this.diagnostic = diagnostic;
        }

        public Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    public static String read(Path file) throws IOException {
        return decode(file.toString(), Files.readAllBytes(file));
    }

    static String decode(String name, byte[] bytes) throws NotText {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) throw notText(name, out.flip(), bytes[in.position()]);
        result = decoder.flush(out);
        if (result.isError()) throw notText(name, out.flip(), bytes[Math.max(0, in.position() - 1)]);
        if (out.flip().length() > 0 && out.charAt(0) == '\uFEFF') out.position(1); // a byte-order mark is not part of the lesson
        return out.toString();
    }

    private static NotText notText(String name, CharBuffer before, byte at) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new NotText(new Diagnostic(new Position(name, line, column), String.format(
                "not UTF-8 text: byte 0x%02x cannot be part of a character here (a lesson is a UTF-8 text file)", at & 0xff)));
    }
}
