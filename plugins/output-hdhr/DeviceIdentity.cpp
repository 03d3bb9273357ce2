//
// DeviceIdentity.cpp
//

#include "DeviceIdentity.h"
#include "DeviceId.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/NumberFormatter.h>
#include <Poco/Path.h>
#include <Poco/RandomStream.h>
#include <Poco/UUIDGenerator.h>

namespace outputhdhr {

namespace {

const char* const FILE_NAME = "device.json";

Poco::UInt32 randomWord()
{
	Poco::RandomInputStream random;
	Poco::UInt32 value = 0;
	random.read(reinterpret_cast<char*>(&value), sizeof(value));
	return value;
}

std::string randomToken()
	/// 24 lower-case hex digits.
{
	std::string token;
	for (int i = 0; i < 3; ++i) token += Poco::NumberFormatter::formatHex(randomWord(), 8);
	return token;
}

} // namespace

DeviceIdentity DeviceIdentity::load(const std::string& stateDirectory, Poco::Logger& logger)
{
	const std::string path = Poco::Path(stateDirectory, FILE_NAME).toString();
	DeviceIdentity identity;
	if (Poco::File(path).exists())
	{
		try
		{
			Poco::FileInputStream in(path);
			const auto object = Poco::JSON::Parser().parse(in).extract<Poco::JSON::Object::Ptr>();
			identity._deviceId = object->optValue<std::string>("deviceId", "");
			identity._deviceAuth = object->optValue<std::string>("deviceAuth", "");
			identity._uuid = object->optValue<std::string>("uuid", "");
			Poco::UInt32 id = 0;
			if (DeviceId::parse(identity._deviceId, id) && DeviceId::valid(id) && !identity._deviceAuth.empty() && !identity._uuid.empty())
				return identity;
			logger.warning("%s holds no valid tuner identity; a new DeviceID is made (media centres will see a new tuner)", path);
		}
		catch (const Poco::Exception& exc)
		{
			logger.warning("%s is unreadable (%s); a new DeviceID is made (media centres will see a new tuner)", path, exc.displayText());
		}
	}
	// Real devices' ids start with 1; the check digit makes the last one.
	identity._deviceId = DeviceId::format(DeviceId::withCheckDigit(0x10000000u | (randomWord() & 0x0FFFFFFFu)));
	identity._deviceAuth = randomToken();
	identity._uuid = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();

	Poco::JSON::Object object;
	object.set("deviceId", identity._deviceId);
	object.set("deviceAuth", identity._deviceAuth);
	object.set("uuid", identity._uuid);
	const std::string temporary = path + ".new";
	{
		Poco::FileOutputStream out(temporary);
		object.stringify(out, 1);
		out.close();
		if (!out.good()) throw Poco::WriteFileException("cannot write the tuner identity", temporary);
	}
	Poco::File(temporary).renameTo(path);
	logger.information("new tuner identity: DeviceID %s, kept in %s", identity._deviceId, path);
	return identity;
}

const std::string& DeviceIdentity::deviceId() const
{
	return _deviceId;
}

const std::string& DeviceIdentity::deviceAuth() const
{
	return _deviceAuth;
}

const std::string& DeviceIdentity::uuid() const
{
	return _uuid;
}

} // namespace outputhdhr
