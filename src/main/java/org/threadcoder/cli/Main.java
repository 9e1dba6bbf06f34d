package org.threadcoder.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code threadcoder}: the command line. The only place that prints to the console and decides exit codes.
 * Without a subcommand it runs {@code run} with its defaults ({@code seeds/} into {@code out/}).
 */
@Command(name = "threadcoder", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Thread Reader pages -> sentences -> therapy concepts -> CSV dataset and JSON concept map.")
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** The subcommands, in the order the help lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> subcommands() {
        java.util.Map<String, java.util.function.Supplier<Object>> commands = new java.util.LinkedHashMap<>();
        commands.put("run", RunCommand::new);
        commands.put("report", ReportCommand::new);
        commands.put("eval", EvalCommand::new);
        commands.put("codebook", CodebookCommand::new);
        commands.put("export", ExportCommand::new);
        commands.put("bench", BenchCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return java.util.Collections.unmodifiableMap(commands);
    }

    /** Every input processed. */
    public static final int OK = 0;
    /** Some input failed; the others were processed and written. */
    public static final int INPUT_FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given console streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        // picocli reads every command's annotations when it is added: add only the one asked for, unless the
        // arguments may need them all (the help, an option or a word that names none)
        String first = args.length == 0 ? "run" : args[0];
        boolean one = SUBCOMMANDS.containsKey(first) && !first.equals("help");
        for (java.util.Map.Entry<String, java.util.function.Supplier<Object>> command : SUBCOMMANDS.entrySet()) {
            if (!one || command.getKey().equals(first)) {
                commandLine.addSubcommand(command.getKey(), command.getValue().get());
            }
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println("threadcoder: internal error: " + failure);
            return INPUT_FAILED;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError tooLarge) {
            // where no command caught it (listing millions of files, say): one line, never a stack trace
            err.println("threadcoder: " + org.threadcoder.Pipeline.outOfMemory("running"));
            return INPUT_FAILED;
        } catch (StackOverflowError tooDeep) {
            err.println("threadcoder: internal error: stack overflow (input nested too deeply)");
            return INPUT_FAILED;
        }
    }

    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("run").execute();
    }

    /** The version from the build. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream stream = Main.class.getResourceAsStream("/threadcoder.properties")) {
            if (stream != null) {
                properties.load(stream);
            }
        } catch (IOException unreadable) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"threadcoder " + version()};
        }
    }
}
