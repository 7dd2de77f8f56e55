package sessionlab.app.model;

import java.util.List;

/**
 * How the narration tells the end of a run: a lesson may end holding objects on purpose (the engine then frees
 * them, as DESIGN asks of every stack); a teacher wants that said plainly, once, not raised as an alarm.
 */
final class EndOfRun {
    private EndOfRun() {}

    /** A leak event's holder as a reader names it: "s1's reference to #7", "SSL c2", "SSL_CTX client". */
    static String holder(String holder, Integer session) {
        String on = session == null ? "" : " to #" + session;
        if (holder.startsWith("var ")) return holder.substring(4) + "'s reference" + on;
        if (holder.startsWith("new_cb ")) return "the reference " + holder.substring(7) + "'s new-session callback kept" + on;
        if (holder.startsWith("engine ")) return "the SSLEngine of " + holder.substring(7);
        return holder + (session == null ? "" : " (#" + session + ")");
    }

    /** The closing line of the narration. */
    static String narration(List<String> held, List<Integer> freedSessions) {
        if (held.isEmpty()) return "End of the lesson: it freed everything it took, so the engine had nothing left to free.";
        StringBuilder sb = new StringBuilder("End of the lesson: it still held ").append(list(held))
                .append(", so the engine freed ").append(held.size() == 1 ? "it" : "them");
        if (!freedSessions.isEmpty()) {
            sb.append(", and with ").append(held.size() == 1 ? "it" : "them").append(freedSessions.size() == 1 ? " session " : " sessions ")
                    .append(list(freedSessions.stream().map(n -> "#" + n).toList())).append(freedSessions.size() == 1 ? " was" : " were")
                    .append(" destroyed");
        }
        return sb.append(". Nothing outlives the run (the event log lists each one as a leak).").toString();
    }

    static String list(List<String> items) {
        if (items.size() == 1) return items.getFirst();
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
