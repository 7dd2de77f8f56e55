package sessionlab.stack.jsse;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started with {@code -Djdk.tls.server.newSessionTicketCount=N}, holding the server
 * contexts that send N tickets. Commands go one at a time over its stdin/stdout; its count is
 * measured (not assumed) right after it starts. It is stopped when the run ends.
 */
final class RemoteHost implements Host {
    private static final ObjectInputFilter ONLY_REPLIES = ObjectInputFilter.Config.createFilter(
            "maxdepth=8;sessionlab.stack.jsse.Hosted$*;sessionlab.stack.jsse.HostMain$Failure;java.lang.*;java.util.*;!*");
    private final Process process;
    private final ObjectOutputStream out;
    private final ObjectInputStream in;
    private final int ticketCount;

    private RemoteHost(Process process, ObjectOutputStream out, ObjectInputStream in, Hosted.Init init, int wanted) {
        this.process = process;
        this.out = out;
        this.in = in;
        call(init);
        this.ticketCount = call(new Hosted.CountTickets());
        if (ticketCount != wanted) {
            close();
            throw new HostFailure("a child JVM started with jdk.tls.server.newSessionTicketCount=" + wanted + " sends "
                    + ticketCount + " tickets", null);
        }
    }

    static RemoteHost start(int tickets, Hosted.Init init) {
        try {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path classes = Path.of(HostMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Djdk.tls.server.newSessionTicketCount=" + tickets,
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classes.toString(), HostMain.class.getName());
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(p.getOutputStream()));
            out.flush();
            ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(p.getInputStream()));
            in.setObjectInputFilter(ONLY_REPLIES);
            return new RemoteHost(p, out, in, init, tickets);
        } catch (IOException | URISyntaxException e) {
            throw new HostFailure("cannot start a child JVM for " + tickets + " tickets: " + e, e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <R extends Serializable> R call(Hosted.Cmd<R> cmd) {
        Object reply;
        try {
            out.writeObject(cmd);
            out.flush();
            out.reset();
            reply = in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new HostFailure(where() + " did not answer " + cmd.getClass().getSimpleName() + ": " + e, e);
        }
        if (reply instanceof HostMain.Failure f) throw new HostFailure(where() + ": " + f.message(), null);
        return (R) reply;
    }

    @Override
    public String where() {
        return "child JVM " + process.pid();
    }

    @Override
    public int ticketCount() {
        return ticketCount;
    }

    /** Closing stdin ends the child's loop; one that does not exit in time is destroyed (it is ours, by its handle). */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
