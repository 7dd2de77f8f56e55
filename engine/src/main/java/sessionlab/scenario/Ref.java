package sessionlab.scenario;

/** A use of a scenario name, where it was written. */
public record Ref(Position position, String name) {}
