package sessionlab.stack;

import java.util.List;

/** Whether a stack can run here, its version, and where it looked if it cannot. */
public record Availability(boolean available, String version, String detail, List<String> searched) {}
