package sessionlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import sessionlab.run.Stacks;

/** {@code sessionlab}: run lessons, list stacks, measure. */
@Command(name = "sessionlab", mixinStandardHelpOptions = true, version = "TLS Session Lab 0.1",
        description = "Real TLS handshakes, and what happens inside the TLS library.",
        subcommands = {RunCommand.class, StacksCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("run") || args[0].equals("bench"))) Stacks.standard().preparePkiInBackground();
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // bad usage is exit 2, like a bad file
        cl.setParameterExceptionHandler((ex, a) -> {
            cl.getErr().println(ex.getMessage());
            ex.getCommandLine().usage(cl.getErr());
            return 2;
        });
        return cl.execute(args);
    }
}
