//
// StateDirectory.cpp
//

#include "config/StateDirectory.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace restream::host {

std::string StateDirectory::resolve(const std::string& configured)
{
	if (!configured.empty()) return ensure(Poco::Path(configured).absolute().toString(Poco::Path::PATH_UNIX));
	const std::string system = "/var/lib/restream";
	const bool systemUsable = access(system.c_str(), W_OK | X_OK) == 0 || (access(system.c_str(), F_OK) != 0 && access("/var/lib", W_OK | X_OK) == 0);
	if (systemUsable) return ensure(system);
	return ensure(Poco::Path(Poco::Path::home()).append(".local/state/restream").toString(Poco::Path::PATH_UNIX));
}

std::string StateDirectory::ensure(const std::string& path)
{
	std::string directory = path;
	while (directory.size() > 1 && directory.back() == '/') directory.pop_back();
	Poco::File file(directory);
	try
	{
		file.createDirectories();
	}
	catch (const Poco::Exception& exc)
	{
		throw Poco::FileException("cannot create the state directory " + directory, exc);
	}
	if (chmod(directory.c_str(), 0700) != 0)
		throw Poco::FileException("cannot set mode 0700 on the state directory " + directory, std::strerror(errno));
	if (!file.isDirectory() || access(directory.c_str(), W_OK | X_OK) != 0)
		throw Poco::FileException("the state directory is not a writable directory", directory);
	return directory;
}

} // namespace restream::host
