package org.fujie.cli.command;

import java.util.concurrent.Callable;

import org.fujie.cli.ExitCode;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** picocli's generated bash/zsh completion, also bound to ./fujie, the name people type in the repository. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash (and zsh) completion script for fujie and ./fujie.",
        footer = {"%nExamples:", "  source <(./fujie completion)", "  ./fujie completion > /etc/bash_completion.d/fujie", ExitCode.HELP})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("fujie", spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().println("complete -F _complete_fujie -o default ./fujie");
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
