//
// PasswordHashCommand.cpp
//

#include "app/PasswordHashCommand.h"
#include <Poco/Exception.h>
#include <crypt.h>
#include <cstring>
#include <iostream>
#include <memory>
#include <termios.h>
#include <unistd.h>

namespace restream::host {

namespace {

std::string readHidden(const char* prompt, std::ostream& errors)
{
	errors << prompt << std::flush;
	termios saved{};
	tcgetattr(STDIN_FILENO, &saved);
	termios quiet = saved;
	quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
	tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	std::string line;
	std::getline(std::cin, line);
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	errors << std::endl;
	return line;
}

} // namespace

int PasswordHashCommand::run(std::istream& input, std::ostream& output, std::ostream& errors, bool interactive)
{
	std::string password;
	if (interactive)
	{
		password = readHidden("Password: ", errors);
		if (readHidden("Again: ", errors) != password)
		{
			errors << "The passwords differ; nothing printed." << std::endl;
			return 1;
		}
	}
	else
	{
		std::getline(input, password);
		if (!password.empty() && password.back() == '\r') password.pop_back();
	}
	if (password.size() < 8)
	{
		errors << "A password needs at least 8 characters." << std::endl;
		return 1;
	}
	try
	{
		output << hash(password) << std::endl;
	}
	catch (const Poco::Exception& exc)
	{
		errors << exc.displayText() << std::endl;
		return 1;
	}
	return 0;
}

std::string PasswordHashCommand::hash(const std::string& password)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	if (crypt_gensalt_rn("$2b$", 12, nullptr, 0, salt, sizeof(salt)) == nullptr)
		throw Poco::SystemException("cannot make a bcrypt salt", std::strerror(errno));
	std::unique_ptr<crypt_data> data(new crypt_data());
	const char* hashed = crypt_r(password.c_str(), salt, data.get());
	if (hashed == nullptr || hashed[0] == '*') throw Poco::SystemException("cannot hash the password", std::strerror(errno));
	return hashed;
}

} // namespace restream::host
