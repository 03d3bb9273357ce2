//
// FoldedConfiguration.cpp
//

#include "config/FoldedConfiguration.h"
#include <Poco/String.h>

namespace restream::host {

std::string FoldedConfiguration::fold(const std::string& key)
{
	return Poco::toLower(key);
}

bool FoldedConfiguration::getRaw(const std::string& key, std::string& value) const
{
	return MapConfiguration::getRaw(fold(key), value);
}

void FoldedConfiguration::setRaw(const std::string& key, const std::string& value)
{
	MapConfiguration::setRaw(fold(key), value);
}

void FoldedConfiguration::enumerate(const std::string& key, Keys& range) const
{
	MapConfiguration::enumerate(fold(key), range);
}

void FoldedConfiguration::removeRaw(const std::string& key)
{
	MapConfiguration::removeRaw(fold(key));
}

} // namespace restream::host
