package org.threadcoder.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line as a user would, capturing what it prints: for tests of every package. */
public record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code threadcoder <args>} through picocli and returns the exit code and the console text. */
    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(code, out.toString(), err.toString());
    }
}
