package sessionlab.stack.libssl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeSmokeTest {
    @Test
    void probeFindsTheCounterAndTheLinks() {
        Libssl lib = new Libssl(((LibsslLoader.Result.Found) LibsslLoader.load()).libraries());
        NativeHooks hooks = new NativeHooks(lib);
        SessionLayout layout = SessionLayout.probe(lib);
        System.out.println(layout.report + " exIndex=" + hooks.exIndex + " version=" + lib.OpenSSL_version());
        assertThat(layout.refcountOffset).isPresent();
        assertThat(layout.prevOffset).isPresent();
    }
}
