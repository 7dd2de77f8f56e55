package sessionlab.app.view.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HexDumpTest {
    @Test
    void theHeaderStandsAloneAndTheFragmentRunsSixteenBytesALineWithAscii() {
        String hex = "160303001a" + "48656c6c6f2c20544c532073657373696f6e206c61622121";
        List<String> lines = HexDump.of(hex).lines().toList();
        assertThat(lines.get(0)).startsWith("0000  16 03 03 00 1a ").endsWith(".....");
        assertThat(lines.get(1)).contains("handshake (22), version 0x0303, 26 bytes follow");
        assertThat(lines.get(2)).startsWith("----");
        assertThat(lines.get(3)).isEqualTo("0005  48 65 6c 6c 6f 2c 20 54  4c 53 20 73 65 73 73 69  Hello, TLS sessi");
        assertThat(lines.get(4)).startsWith("0015  6f 6e 20 6c 61 62 21 21 ").endsWith("on lab!!");
        assertThat(lines).hasSize(5);
    }

    @Test
    void aRecordWithoutBytesSaysSo() {
        assertThat(HexDump.of("")).isEqualTo("(no bytes recorded for this record)");
        assertThat(HexDump.of("1403030001")).startsWith("0000  14 03 03 00 01").contains("change_cipher_spec");
    }
}
