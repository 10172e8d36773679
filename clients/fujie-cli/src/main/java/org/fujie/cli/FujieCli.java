package org.fujie.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** Entry point: {@code java -jar fujie-cli-<version>-exec.jar ARGS}, which ./fujie runs for every verb but start/stop/status. */
public final class FujieCli {

    private FujieCli() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(System.getenv(), out, err, args));
    }

    /** One run, as tests drive it: the environment is given, stdout and stderr are the writers. */
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CliContext context = new CliContext(env);
        CommandLine commandLine = commandLine(context);
        commandLine.setOut(out).setErr(err);
        ErrorMapper errors = new ErrorMapper(context, Arrays.asList(args).contains("--debug"));
        commandLine.setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
        return commandLine.execute(args);
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new FujieCommand(context), new ContextFactory(context));
        context.attach(commandLine);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true);
        commandLine.getSubcommands().values().forEach(FujieCli::hideInheritedOptions);
        return commandLine;
    }

    /**
     * The global options still work after every verb, but its help shows only its own options (the footer points to
     * ./fujie --help): a dozen global options repeated in each synopsis hid what the verb takes. The hidden copy keeps
     * the original's binding, so values still land in GlobalOptions.
     */
    private static void hideInheritedOptions(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        for (OptionSpec option : List.copyOf(spec.options())) {
            if (option.inherited() && !option.hidden()) {
                spec.remove(option);
                // LOCAL: the verb's own subcommands keep their own copies; adding an inherited one would copy it again.
                spec.addOption(OptionSpec.builder(option).hidden(true).scopeType(ScopeType.LOCAL).build());
            }
        }
        command.getSubcommands().values().forEach(FujieCli::hideInheritedOptions);
    }

    /** Commands that take the run's CliContext get it; everything else (converters, version) picocli makes as usual. */
    private record ContextFactory(CliContext context) implements IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
                withContext.setAccessible(true);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
