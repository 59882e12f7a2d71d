#include "app/commands.h"

int main(int argc, char** argv) { return breachscope::RunCommandLine(argc, argv); }
