package sessionlab.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;

/** JSON Lines codec: {@code {"seq":N,"at":MS,"type":"...",...fields}}, one event per line. */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private EventJson() {}

    public static String toLine(LoggedEvent e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("seq", e.seq());
        node.put("at", e.at());
        node.put("type", e.type());
        node.setAll((ObjectNode) MAPPER.valueToTree(e.event()));
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event not serializable: " + e, ex);
        }
    }

    /** Parses one line; the message names what is wrong, e.g. an unknown type. */
    public static LoggedEvent fromLine(String line) throws IOException {
        JsonNode node = MAPPER.readTree(line);
        if (node == null || !node.isObject()) throw new IOException("not a JSON object");
        ObjectNode obj = (ObjectNode) node;
        JsonNode seq = obj.remove("seq");
        JsonNode at = obj.remove("at");
        JsonNode type = obj.remove("type");
        if (seq == null || at == null || type == null) throw new IOException("event needs seq, at and type");
        Class<? extends Event> cls = EventTypes.classOf(type.asText());
        if (cls == null) throw new IOException("unknown event type '" + type.asText() + "'");
        Event event = MAPPER.treeToValue(obj, cls);
        return new LoggedEvent(seq.asLong(), at.asLong(), event);
    }

    public static void write(EventLog log, Writer out) throws IOException {
        for (LoggedEvent e : log.events()) {
            out.write(toLine(e));
            out.write('\n');
        }
        out.flush();
    }

    /** Reads a whole JSON Lines log; a bad line fails with its line number. */
    public static EventLog read(Reader in) throws IOException {
        EventLog log = new EventLog();
        BufferedReader reader = new BufferedReader(in);
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank()) continue;
            try {
                log.appendLogged(fromLine(line));
            } catch (IOException | IllegalArgumentException | UncheckedIOException ex) {
                throw new IOException("line " + n + ": " + ex.getMessage(), ex);
            }
        }
        return log;
    }
}
