package sessionlab.scenario;

/** A connection end: {@code c1} (client side) or {@code c1.server} (server side). {@code name} is the bound name, {@code c1}. */
public record ConnRef(Position position, String name, Side side) {
    public String display() {
        return side == Side.CLIENT ? name : name + ".server";
    }
}
