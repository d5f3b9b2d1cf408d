package org.contextencoder.cli;

import org.contextencoder.bench.BenchCommand;
import org.contextencoder.data.DatasetException;
import org.contextencoder.model.ModelFileException;
import org.contextencoder.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;

/** {@code java -jar target/workbench.jar COMMAND ...}: every experiment of the paper without a notebook. */
@Command(name = "workbench", mixinStandardHelpOptions = true, version = "Context Encoder Workbench 0.1",
        description = "Context encoders for image inpainting: train, evaluate, compare with baselines, repair photos.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, BaselinesCommand.class, InpaintCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failed, 2 wrong usage. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + explain(e));
            return 1;
        });
        return cli.execute(args);
    }

    /** One sentence for the failures a user can fix; a stack trace only for real bugs. */
    static String explain(Exception e) {
        if (e instanceof DatasetException || e instanceof ModelFileException || e instanceof IllegalArgumentException
                || e instanceof TrainingDivergedException || e instanceof UncheckedIOException) {
            return e.getMessage();
        }
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        return "unexpected " + e + "\n" + trace;
    }
}
