//
// SettingsCommand.cpp
//

#include "app/SettingsCommand.h"
#include "config/HostSettingList.h"
#include "config/SettingCheck.h"
#include <Poco/String.h>
#include <map>

namespace restream::host {

namespace {

const char* const KNOWN_PORTS[] = {"admin", "api", "player", "tuner"};

std::string cell(const std::string& text)
{
	return Poco::replace(text, "|", "\\|");
}

std::string code(const std::string& text)
{
	return text.empty() ? std::string() : "`" + text + "`";
}

std::string type(const Setting& setting)
{
	switch (setting.type)
	{
	case Setting::Type::Integer:
	case Setting::Type::Seconds: return SettingCheck::rule(setting);
	default: return Setting::describe(setting.type);
	}
}

void row(const Setting& setting, const std::string& key, const std::string& defaultValue, std::ostream& out)
{
	out << "| " << code(key) << " | " << cell(defaultValue) << " | " << cell(type(setting)) << " | " << cell(setting.description) << " | "
		<< code(setting.legacyEnvironment) << " |\n";
}

} // namespace

void SettingsCommand::print(const std::vector<Setting>& settings, std::ostream& out)
{
	out << "| key | default | type | meaning | also |\n| --- | --- | --- | --- | --- |\n";
	for (const auto& setting : settings)
	{
		if (setting.key.compare(0, 5, "http.") == 0 && setting.key.find('.', 5) != std::string::npos) continue; // a port's, below
		if (setting.key.compare(0, 8, "plugins.") == 0 && setting.key.find('.', 8) != std::string::npos) continue; // a plugin's, below
		row(setting, setting.key, code(setting.defaultValue), out);
	}
	const std::vector<Setting> generic = HostSettingList::port("<port>");
	for (std::size_t index = 0; index < generic.size(); ++index)
	{
		std::map<std::string, std::string> defaults;
		std::string shared;
		bool same = true;
		for (const char* port : KNOWN_PORTS)
		{
			const std::string value = HostSettingList::port(port)[index].defaultValue;
			defaults[port] = value;
			if (shared.empty()) shared = value;
			same = same && value == shared;
		}
		std::string defaultValue = code(shared);
		if (!same)
		{
			defaultValue.clear();
			for (const char* port : KNOWN_PORTS) defaultValue += (defaultValue.empty() ? "" : ", ") + std::string(port) + " " + code(defaults[port]);
		}
		row(generic[index], generic[index].key, defaultValue, out);
	}
	for (const auto& setting : settings)
	{
		if (setting.key.compare(0, 8, "plugins.") != 0 || setting.key.find('.', 8) == std::string::npos) continue;
		row(setting, setting.key, setting.type == Setting::Type::Secret ? std::string() : code(setting.defaultValue), out);
	}
}

} // namespace restream::host
