package org.contextencoder.cli;

import org.contextencoder.data.DatasetException;
import org.contextencoder.model.ModelFileException;
import org.contextencoder.train.RunFolderInUseException;
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

    /** JavaCPP's bound on the process's physical memory: ND4J's off-heap buffers are freed only on GC. */
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";
    private static final long DEFAULT_BOUND = 8L << 30;

    public static void main(String[] args) {
        boundPhysicalMemory(System.getProperties(), totalMemory());
        System.exit(run(args));
    }

    /**
     * Unless the user set one, bounds the process at 8 GiB (or 3/4 of the machine's memory, if less). Without a bound
     * the 128 px model's native buffers pile up between garbage collections past 10 GB; with one, JavaCPP collects
     * garbage when the process nears it. Must run before any ND4J class loads.
     */
    static void boundPhysicalMemory(java.util.Properties properties, long machineBytes) {
        if (properties.getProperty(MAX_PHYSICAL_BYTES) == null) {
            properties.setProperty(MAX_PHYSICAL_BYTES, Long.toString(Math.min(DEFAULT_BOUND, machineBytes / 4 * 3)));
        }
    }

    private static long totalMemory() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : DEFAULT_BOUND * 2;
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
                || e instanceof TrainingDivergedException || e instanceof RunFolderInUseException
                || e instanceof UncheckedIOException) {
            return e.getMessage();
        }
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        return "unexpected " + e + "\n" + trace;
    }
}
