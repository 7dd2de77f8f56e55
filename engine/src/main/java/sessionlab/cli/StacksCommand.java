package sessionlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import sessionlab.run.Stacks;
import sessionlab.stack.TlsStack;

@Command(name = "stacks", description = "List the TLS stacks, their versions and whether they can run here.")
final class StacksCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (TlsStack s : Stacks.standard().all()) {
            var a = s.availability();
            if (a.available()) {
                System.out.printf("%-7s available   %s%n          %s%n          capabilities: %s%n", s.name(), a.version(), a.detail(), s.capabilities());
                if (!s.refusedCalls().isEmpty()) {
                    System.out.printf("          refuses: %s%n", String.join(", ", new java.util.TreeSet<>(s.refusedCalls().keySet())));
                }
            } else {
                System.out.printf("%-7s UNAVAILABLE %s%n          searched: %s%n", s.name(), a.detail(), String.join(", ", a.searched()));
            }
        }
        return 0;
    }
}
