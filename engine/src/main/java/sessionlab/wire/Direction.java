package sessionlab.wire;

public enum Direction {
    CLIENT_TO_SERVER("c>s"), SERVER_TO_CLIENT("s>c");

    private final String arrow;

    Direction(String arrow) { this.arrow = arrow; }

    public String arrow() { return arrow; }

    public static Direction from(boolean clientSends) {
        return clientSends ? CLIENT_TO_SERVER : SERVER_TO_CLIENT;
    }
}
