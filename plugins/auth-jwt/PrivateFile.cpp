//
// PrivateFile.cpp
//

#include "PrivateFile.h"
#include <Poco/Exception.h>
#include <Poco/Format.h>
#include <Poco/Logger.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace authjwt {

namespace {

const std::size_t MAX_SIZE = 64 * 1024;

class Descriptor
	/// Closes a file descriptor when it goes out of scope.
{
public:
	explicit Descriptor(int fd): _fd(fd)
	{
	}

	~Descriptor()
	{
		if (_fd >= 0) ::close(_fd);
	}

	Descriptor(const Descriptor&) = delete;
	Descriptor& operator=(const Descriptor&) = delete;

	int get() const
	{
		return _fd;
	}

	int release()
	{
		const int fd = _fd;
		_fd = -1;
		return fd;
	}

private:
	int _fd;
};

[[noreturn]] void fail(const std::string& what, const std::string& path)
{
	throw Poco::FileException(what + " " + path, std::strerror(errno), errno);
}

} // namespace

bool PrivateFile::exists(const std::string& path)
{
	struct stat status;
	return ::lstat(path.c_str(), &status) == 0;
}

std::string PrivateFile::read(const std::string& path, Poco::Logger& logger)
{
	Descriptor file(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
	if (file.get() < 0) fail("cannot open", path);
	struct stat status;
	if (::fstat(file.get(), &status) != 0) fail("cannot stat", path);
	if (!S_ISREG(status.st_mode)) throw Poco::FileException("not a regular file", path);
	if (static_cast<std::size_t>(status.st_size) > MAX_SIZE) throw Poco::FileException("too large", path);
	if ((status.st_mode & 077) != 0)
	{
		if (::fchmod(file.get(), 0600) != 0) fail("cannot set mode 0600 on", path);
		logger.warning(Poco::format("%s was accessible to other users (mode %04o); its mode is now 0600, but "
									"what it holds may have been read.",
			path, static_cast<unsigned>(status.st_mode & 07777)));
	}

	std::string text;
	char buffer[4096];
	for (;;)
	{
		const ssize_t n = ::read(file.get(), buffer, sizeof(buffer));
		if (n < 0 && errno == EINTR) continue;
		if (n < 0) fail("cannot read", path);
		if (n == 0) break;
		text.append(buffer, static_cast<std::size_t>(n));
		if (text.size() > MAX_SIZE) throw Poco::FileException("too large", path);
	}
	const std::size_t end = text.find_last_not_of(" \t\r\n");
	text.erase(end == std::string::npos ? 0 : end + 1);
	return text;
}

void PrivateFile::write(const std::string& path, const std::string& text)
{
	const std::string temporary = path + ".new";
	if (::unlink(temporary.c_str()) != 0 && errno != ENOENT) fail("cannot remove", temporary);
	Descriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
	if (file.get() < 0) fail("cannot create", temporary);
	if (::fchmod(file.get(), 0600) != 0) fail("cannot set mode 0600 on", temporary);

	const std::string content = text + "\n";
	std::size_t written = 0;
	while (written < content.size())
	{
		const ssize_t n = ::write(file.get(), content.data() + written, content.size() - written);
		if (n < 0 && errno == EINTR) continue;
		if (n < 0) fail("cannot write", temporary);
		written += static_cast<std::size_t>(n);
	}
	if (::fsync(file.get()) != 0) fail("cannot sync", temporary);
	if (::close(file.release()) != 0) fail("cannot close", temporary);
	if (::rename(temporary.c_str(), path.c_str()) != 0) fail("cannot rename to", path);
}

} // namespace authjwt
