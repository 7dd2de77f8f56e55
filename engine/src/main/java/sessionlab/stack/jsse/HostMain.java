package sessionlab.stack.jsse;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;

/**
 * The main class of a child JVM that hosts server contexts with another ticket count: it reads
 * commands from stdin and answers on stdout, one at a time, until stdin closes. Only the lab's own
 * command records (and the JDK types they carry) are accepted from the pipe.
 */
final class HostMain {
    static final ObjectInputFilter ONLY_COMMANDS = ObjectInputFilter.Config.createFilter(
            "maxdepth=8;sessionlab.stack.jsse.Hosted$*;java.lang.*;java.util.*;!*");

    /** A command the child could not carry out; the parent turns it into a HostFailure. */
    record Failure(String message) implements Serializable {}

    private HostMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream pipe = System.out;
        System.setOut(System.err); // nothing but replies may reach the pipe
        ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(pipe));
        out.flush();
        ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(System.in));
        in.setObjectInputFilter(ONLY_COMMANDS);
        LocalHost host = new LocalHost(-1);
        while (true) {
            Object cmd;
            try {
                cmd = in.readObject();
            } catch (EOFException parentClosed) {
                return;
            }
            Object reply;
            try {
                reply = host.call((Hosted.Cmd<?>) cmd);
            } catch (RuntimeException e) {
                reply = new Failure(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            out.writeObject(reply);
            out.flush();
            out.reset(); // no back-references between replies: memory stays flat
        }
    }
}
