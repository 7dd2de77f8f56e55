package sessionlab.cli;

import java.lang.management.ManagementFactory;
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
 * through a bare loop on the same stack. Prints both rates and their ratio, by wall time and by the
 * process's CPU time (which other builds on the machine disturb less); nothing is asserted.
 */
@Command(name = "bench", description = "Measure the engine against a bare loop on the same stack (TLS 1.3 handshakes with ticket reads).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "-n", description = "handshakes per measured round (default ${DEFAULT-VALUE})")
    int n = 1000;

    @Option(names = "--rounds", description = "measured rounds, after the warm-up (default ${DEFAULT-VALUE})")
    int rounds = 5;

    @Option(names = "--warmup", description = "unmeasured rounds first, each engine and bare (default ${DEFAULT-VALUE}): the engine has far more Java code for the JIT to compile")
    int warmup = 2;

    @Option(names = "--stack", description = "libssl (bare FFM loop), jsse (bare SSLEngine loop) or bc (bare TlsProtocol loop); default ${DEFAULT-VALUE}")
    String stackName = "libssl";

    @Override
    public Integer call() throws Exception {
        var problem = Stacks.standard().whyNot(stackName);
        if (problem.isPresent()) {
            System.err.println(problem.get());
            return 2;
        }
        TlsStack stack = Stacks.standard().byName(stackName).orElseThrow();
        DemoPki pki = DemoPki.generate();
        Scenario scenario = ScenarioParser.parse("bench.lab", scenario(n, stackName.equals("libssl")));
        System.out.printf("%s: %d TLS 1.3 handshakes + ticket reads per round, %d rounds after %d warm-up round(s)%n", stackName, n, rounds, warmup);
        for (int w = 0; w < warmup; w++) {
            engine(stack, scenario);
            bare(pki, n);
        }
        double bestEngine = 0, bestBare = 0;
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        long events = 0;
        for (int r = 1; r <= rounds; r++) {
            long cpu0 = cpuNanos(), t0 = System.nanoTime();
            RunResult result = engine(stack, scenario);
            long engineNanos = System.nanoTime() - t0, engineCpu = cpuNanos() - cpu0;
            events = result.log().size();
            cpu0 = cpuNanos();
            t0 = System.nanoTime();
            bare(pki, n);
            long bareNanos = System.nanoTime() - t0, bareCpu = cpuNanos() - cpu0;
            if (result.exitCode() != 0) throw new IllegalStateException("an engine round failed: exit " + result.exitCode());
            double engineRate = n / (engineNanos / 1e9), bareRate = n / (bareNanos / 1e9);
            ratios[r - 1] = bareRate / engineRate;
            cpuRatios[r - 1] = engineCpu / (double) Math.max(1, bareCpu);
            System.out.printf("round %d: engine %7.1f handshakes/s   bare loop %7.1f handshakes/s   ratio %.2fx   (cpu %.0f ms / %.0f ms: %.2fx)%n",
                    r, engineRate, bareRate, ratios[r - 1], engineCpu / 1e6, bareCpu / 1e6, cpuRatios[r - 1]);
            bestEngine = Math.max(bestEngine, engineRate);
            bestBare = Math.max(bestBare, bareRate);
        }
        java.util.Arrays.sort(ratios);
        java.util.Arrays.sort(cpuRatios);
        System.out.printf("best:    engine %7.1f handshakes/s   bare loop %7.1f handshakes/s   ratio of bests %.2fx%n",
                bestEngine, bestBare, bestBare / bestEngine);
        System.out.printf("median ratio of the %d rounds: %.2fx   (%d events per engine round, %.1f per handshake)%n",
                rounds, ratios[rounds / 2], events, events / (double) n);
        System.out.printf("median cpu ratio: %.2fx   (this process's CPU time, JIT and GC included: less sensitive to other load on the machine)%n",
                cpuRatios[rounds / 2]);
        return 0;
    }

    /**
     * CPU time of the whole process; wall time where the JVM cannot tell (a runtime image without
     * java.management or jdk.management): the cpu ratio is then the wall ratio.
     */
    private static long cpuNanos() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                long t = os.getProcessCpuTime();
                if (t >= 0) return t;
            }
        } catch (LinkageError noManagementModule) {
            // fall through
        }
        return System.nanoTime();
    }

    private static RunResult engine(TlsStack stack, Scenario scenario) {
        return ScenarioRunner.run(scenario, stack, new EventLog());
    }

    private void bare(DemoPki pki, int count) throws Exception {
        switch (stackName) {
            case "jsse" -> sessionlab.stack.jsse.BareSslEngineLoop.run(pki, count);
            case "bc" -> sessionlab.stack.bc.BareBcLoop.run(pki, count);
            default -> {
                if (BareLoop.run(pki, count) != count) throw new IllegalStateException("a bare round did not get its tickets");
            }
        }
    }

    /** The engine's side of the comparison, in the scenario language. */
    static String scenario(int n, boolean expectResumable) {
        StringBuilder sb = new StringBuilder("client = SSL_CTX_new(client, max=tls1.3)\nserver = SSL_CTX_new(server)\n");
        for (int i = 0; i < n; i++) {
            sb.append("c = connect(client, server)\nSSL_read(c)\ns = SSL_get0_session(c)\n");
            // only libssl's engine session becomes the ticket; JSSE keeps tickets in its cache, bctls has none
            if (expectResumable) sb.append("expect resumable(s)\n");
            sb.append("SSL_free(c)\nSSL_free(c.server)\n");
        }
        return sb.toString();
    }
}
