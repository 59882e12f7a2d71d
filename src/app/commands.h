// The subcommands of the breachscope binary, declared once in a table
// (commands.cc) that builds the CLI11 parser, its --help and the dispatch.
#ifndef BREACHSCOPE_APP_COMMANDS_H_
#define BREACHSCOPE_APP_COMMANDS_H_

namespace breachscope {

// Parses argv, runs the chosen command, returns the process exit code.
int RunCommandLine(int argc, char** argv);

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_COMMANDS_H_
