// planner completion bash|zsh: a shell completion script made from the command table, so it
// always knows every command and option of this planner.
#include "planner/cli/commands/commands.hpp"

#include <ostream>

namespace planner {

namespace {
std::string words_of(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words)
        out += (out.empty() ? "" : " ") + word;
    return out;
}

std::vector<std::string> option_words(const CommandSpec& command) {
    std::vector<std::string> words;
    for (const OptionSpec& option : command.options) {
        words.push_back(option.name);
        if (!option.short_name.empty())
            words.push_back(option.short_name);
    }
    words.push_back("--help");
    return words;
}

std::string bash_script() {
    std::string names;
    std::string cases;
    for (const CommandSpec& command : command_table()) {
        names += (names.empty() ? "" : " ") + command.name;
        cases +=
            "    " + command.name + ") options=\"" + words_of(option_words(command)) + "\" ;;\n";
    }
    return "# bash completion for planner; load with: source <(planner completion bash)\n"
           "_planner() {\n"
           "  local cur=${COMP_WORDS[COMP_CWORD]}\n"
           "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
           "    COMPREPLY=($(compgen -W \"" +
           names +
           " help --help --version\" -- \"$cur\"))\n"
           "    return\n"
           "  fi\n"
           "  local options=\"\"\n"
           "  case ${COMP_WORDS[1]} in\n" +
           cases + "    help) COMPREPLY=($(compgen -W \"" + names +
           "\" -- \"$cur\")); return ;;\n"
           "  esac\n"
           "  if [[ $cur == -* ]]; then\n"
           "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
           "  else\n"
           "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
           "  fi\n"
           "}\n"
           "complete -o filenames -F _planner planner\n";
}

std::string zsh_quote(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else if (c == ':' || c == '[' || c == ']')
            out += std::string("\\") + c;
        else
            out += c;
    }
    return out;
}

std::string zsh_script() {
    std::string commands;
    std::string cases;
    for (const CommandSpec& command : command_table()) {
        commands += "    '" + command.name + ":" + zsh_quote(command.summary) + "'\n";
        cases += "    " + command.name + ")\n      _arguments";
        for (const OptionSpec& option : command.options)
            cases += " '" + option.name + "[" + zsh_quote(option.help) + "]" +
                     (option.value_name.empty() ? "" : ":" + option.value_name + ":_files") + "'";
        cases += " '--help[show this help]' '*:file:_files' ;;\n";
    }
    return "#compdef planner\n"
           "# zsh completion for planner; put this output in a file named _planner on $fpath\n"
           "_planner() {\n"
           "  local -a commands\n"
           "  commands=(\n" +
           commands +
           "  )\n"
           "  if (( CURRENT == 2 )); then\n"
           "    _describe 'command' commands\n"
           "    return\n"
           "  fi\n"
           "  shift words; (( CURRENT-- ))\n"
           "  case ${words[1]} in\n" +
           cases +
           "    *) _files ;;\n"
           "  esac\n"
           "}\n"
           "_planner \"$@\"\n";
}

int run_completion(const ParsedArgs& args, Streams& io) {
    const std::string& shell = args.positional[0];
    if (shell == "bash")
        io.out << bash_script();
    else if (shell == "zsh")
        io.out << zsh_script();
    else
        throw UsageError("unknown shell '" + shell + "'; planner completes in bash and zsh");
    return 0;
}
} // namespace

CommandSpec completion_command() {
    return CommandSpec{"completion",
                       "planner completion bash|zsh",
                       "Print a shell completion script for bash or zsh",
                       "bash: add `source <(planner completion bash)` to ~/.bashrc.\n"
                       "zsh: `planner completion zsh > ~/.zfunc/_planner`, with ~/.zfunc on\n"
                       "$fpath before `compinit`. The script is made from planner's own command\n"
                       "table, so it knows every command and option of this version.",
                       {},
                       1,
                       1,
                       run_completion};
}

} // namespace planner
