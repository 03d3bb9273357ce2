//
// Setting.h
//
// A configuration key a plugin declares: its type, bounds and default.
//

#ifndef restream_Setting_INCLUDED
#define restream_Setting_INCLUDED

#include <string>

namespace restream {

struct Setting
	/// One key of a plugin's configuration section "plugins.<name>.".
	/// The host applies the default, the file, the environment and the
	/// command line, then checks every value against its type and bounds
	/// once, before Plugin::start(): a bad value stops the host at start
	/// with a line naming the key and the rule, so a plugin reads its
	/// values with config().getInt(), getDouble(), getBool() or getString()
	/// and never parses or checks them itself. `restream settings` prints
	/// every key of every loaded plugin with its type, default and
	/// description. Keys of the section that no Setting declares are
	/// reported. Make them with the named constructors below.
{
	enum class Type
	{
		Text,    /// any text
		Integer, /// a whole number within [minimum, maximum]
		Seconds, /// a decimal number of seconds within [minimum, maximum] ("2", "0.5")
		Boolean, /// true/false, yes/no, on/off, 1/0
		List,    /// comma-separated values
		Url,     /// empty, or an absolute http:// or https:// URL
		Secret   /// any text, masked in every log line and never printed
	};

	std::string key;
		/// The key inside the plugin's section, lowerCamel, e.g. "tokenLifetime".

	std::string defaultValue;
		/// Used when no layer sets the key. Empty means "not set".

	std::string description;
		/// One line for the configuration reference.

	Type type = Type::Text;

	double minimum = 0;
	double maximum = 0;
		/// The bounds of an Integer or Seconds value, inclusive.

	std::string legacyEnvironment;
		/// An extra environment variable honoured for this key (for example
		/// "JWT_SECRET_KEY"), on top of the RESTREAM_... name every key has.

	static Setting text(std::string key, std::string defaultValue, std::string description, std::string legacy = "")
	{
		return make(std::move(key), std::move(defaultValue), std::move(description), Type::Text, 0, 0, std::move(legacy));
	}

	static Setting integer(std::string key, long long defaultValue, long long minimum, long long maximum, std::string description)
	{
		return make(std::move(key), std::to_string(defaultValue), std::move(description), Type::Integer,
			static_cast<double>(minimum), static_cast<double>(maximum), "");
	}

	static Setting seconds(std::string key, std::string defaultValue, double minimum, double maximum, std::string description)
		/// defaultValue as written in the reference ("2", "0.33").
	{
		return make(std::move(key), std::move(defaultValue), std::move(description), Type::Seconds, minimum, maximum, "");
	}

	static Setting boolean(std::string key, bool defaultValue, std::string description)
	{
		return make(std::move(key), defaultValue ? "true" : "false", std::move(description), Type::Boolean, 0, 0, "");
	}

	static Setting list(std::string key, std::string defaultValue, std::string description)
	{
		return make(std::move(key), std::move(defaultValue), std::move(description), Type::List, 0, 0, "");
	}

	static Setting url(std::string key, std::string defaultValue, std::string description, std::string legacy = "")
	{
		return make(std::move(key), std::move(defaultValue), std::move(description), Type::Url, 0, 0, std::move(legacy));
	}

	static Setting secret(std::string key, std::string description, std::string legacy = "")
	{
		return make(std::move(key), "", std::move(description), Type::Secret, 0, 0, std::move(legacy));
	}

	static const char* describe(Type type)
		/// "text", "integer", "seconds", "boolean", "list", "URL", "secret".
	{
		switch (type)
		{
		case Type::Text: return "text";
		case Type::Integer: return "integer";
		case Type::Seconds: return "seconds";
		case Type::Boolean: return "boolean";
		case Type::List: return "list";
		case Type::Url: return "URL";
		case Type::Secret: return "secret";
		}
		return "text";
	}

private:
	static Setting make(std::string key, std::string defaultValue, std::string description, Type type, double minimum,
		double maximum, std::string legacy)
	{
		Setting setting;
		setting.key = std::move(key);
		setting.defaultValue = std::move(defaultValue);
		setting.description = std::move(description);
		setting.type = type;
		setting.minimum = minimum;
		setting.maximum = maximum;
		setting.legacyEnvironment = std::move(legacy);
		return setting;
	}
};

} // namespace restream

#endif // restream_Setting_INCLUDED
