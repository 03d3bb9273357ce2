//
// main.cpp
//
// restream: the executable. `restream hash-password` hashes a password;
// everything else runs the server.
//

#include "app/PasswordHashCommand.h"
#include "app/RestreamApplication.h"
#include <cstring>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv)
{
	if (argc >= 2 && std::strcmp(argv[1], "hash-password") == 0)
		return restream::host::PasswordHashCommand::run(std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) != 0);
	restream::host::RestreamApplication application;
	return application.run(argc, argv);
}
