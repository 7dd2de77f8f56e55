package sessionlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sessionlab.event.EventLog;
import sessionlab.pki.DemoPki;
import sessionlab.run.RunResult;
import sessionlab.run.ScenarioRunner;
import sessionlab.run.Stacks;
import sessionlab.scenario.Scenario;
import sessionlab.scenario.ScenarioParser;
import sessionlab.stack.TlsStack;
import sessionlab.stack.libssl.BareLoop;

/**
 * TLS 1.3 handshakes with ticket reads: through the whole engine (wire, events, observation) and
 * through a bare FFM loop. Prints both rates and their ratio; nothing is asserted.
 */
@Command(name = "bench", description = "Measure the engine against a bare FFM loop (TLS 1.3 handshakes with ticket reads).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "-n", description = "handshakes per measured round (default ${DEFAULT-VALUE})")
    int n = 1000;

    @Option(names = "--rounds", description = "measured rounds, after one warm-up round (default ${DEFAULT-VALUE})")
    int rounds = 5;

    @Override
    public Integer call() throws Exception {
        TlsStack libssl = Stacks.standard().byName("libssl").orElseThrow();
        if (!libssl.availability().available()) {
            System.err.println("libssl is not available: " + libssl.availability().detail());
            return 2;
        }
        DemoPki pki = DemoPki.generate();
        Scenario scenario = ScenarioParser.parse("bench.lab", scenario(n));
        System.out.printf("%d TLS 1.3 handshakes + ticket reads per round, %d rounds after a warm-up%n", n, rounds);
        // a full warm-up round each: the engine has far more Java code for the JIT to compile than the bare loop
        engine(libssl, scenario);
        BareLoop.run(pki, n);
        double bestEngine = 0, bestBare = 0;
        double[] ratios = new double[rounds];
        long events = 0;
        for (int r = 1; r <= rounds; r++) {
            long t0 = System.nanoTime();
            RunResult result = engine(libssl, scenario);
            double engineRate = n / ((System.nanoTime() - t0) / 1e9);
            events = result.log().size();
            t0 = System.nanoTime();
            long tickets = BareLoop.run(pki, n);
            double bareRate = n / ((System.nanoTime() - t0) / 1e9);
            if (tickets != n || result.exitCode() != 0) throw new IllegalStateException("a round did not get its tickets");
            System.out.printf("round %d: engine %7.1f handshakes/s   bare FFM %7.1f handshakes/s   ratio %.2fx%n",
                    r, engineRate, bareRate, bareRate / engineRate);
            ratios[r - 1] = bareRate / engineRate;
            bestEngine = Math.max(bestEngine, engineRate);
            bestBare = Math.max(bestBare, bareRate);
        }
        java.util.Arrays.sort(ratios);
        System.out.printf("best:    engine %7.1f handshakes/s   bare FFM %7.1f handshakes/s   ratio of bests %.2fx%n",
                bestEngine, bestBare, bestBare / bestEngine);
        System.out.printf("median ratio of the %d rounds: %.2fx   (%d events per engine round, %.1f per handshake)%n",
                rounds, ratios[rounds / 2], events, events / (double) n);
        return 0;
    }

    private static RunResult engine(TlsStack stack, Scenario scenario) {
        return ScenarioRunner.run(scenario, stack, new EventLog());
    }

    /** The engine's side of the comparison, in the scenario language. */
    static String scenario(int n) {
        StringBuilder sb = new StringBuilder("client = SSL_CTX_new(client, max=tls1.3)\nserver = SSL_CTX_new(server)\n");
        for (int i = 0; i < n; i++) {
            sb.append("c = connect(client, server)\nSSL_read(c)\ns = SSL_get0_session(c)\nexpect resumable(s)\n");
            sb.append("SSL_free(c)\nSSL_free(c.server)\n");
        }
        return sb.toString();
    }
}
