//
// Redactor.cpp
//

#include "logging/Redactor.h"
#include <Poco/URI.h>
#include <algorithm>

namespace restream::host {

Redactor::Redactor()
{
	const struct
	{
		const char* pattern;
		const char* replacement;
	} rules[] = {
		// /live/USER/PASS/ID.ts and friends
		{"(/(?:live|movie|series|timeshift)/)[^/\\s?#\"']+/[^/\\s?#\"']+/", "$1***/***/"},
		// short form http://host[:port]/USER/PASS/ID[.ext]
		{"(\\b[a-z][a-z0-9+.-]*://[^/\\s\"']+/)(?!(?:live|movie|series|timeshift)/)[^/\\s?#\"']+/[^/\\s?#\"']+/(\\d+(?:\\.[a-z0-9]+)?)(?=$|[\\s?#\"'])",
			"$1***/***/$2"},
		// a bare short-form path /USER/PASS/ID[.ext], as request logs print it
		{"(^|[\\s\"'(=])/(?!(?:live|movie|series|timeshift)/)[^/\\s?#\"']+/[^/\\s?#\"']+/(\\d+(?:\\.[a-z0-9]+)?)(?=$|[\\s?#\"')])",
			"$1/***/***/$2"},
		// username=, password= in queries, forms and JSON-ish text
		{"\\b(user(?:name)?|pass(?:word)?)(\"?\\s*[=:]\\s*\"?)[^&\\s\"',}]+", "$1$2***"},
		// scheme://user:pass@host
		{"(\\b[a-z][a-z0-9+.-]*://)[^/\\s@:\"']+:[^/\\s@\"']*@", "$1***:***@"},
	};
	for (const auto& rule : rules)
	{
		_patterns.emplace_back(new Poco::RegularExpression(rule.pattern, Poco::RegularExpression::RE_CASELESS));
		_replacements.emplace_back(rule.replacement);
	}
}

void Redactor::addSecret(const std::string& value)
{
	if (value.size() < 3) return;
	std::string encoded;
	Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
	Poco::FastMutex::ScopedLock lock(_mutex);
	for (const auto& form : {value, encoded})
	{
		if (std::find(_secrets.begin(), _secrets.end(), form) == _secrets.end()) _secrets.push_back(form);
	}
	// longest first, so a secret that contains another is masked whole
	std::sort(_secrets.begin(), _secrets.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string Redactor::redact(const std::string& text) const
{
	std::string result(text);
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		for (const auto& secret : _secrets)
		{
			for (std::string::size_type at = result.find(secret); at != std::string::npos; at = result.find(secret, at + 3))
				result.replace(at, secret.size(), "***");
		}
	}
	for (std::size_t i = 0; i < _patterns.size(); ++i)
		_patterns[i]->subst(result, _replacements[i], Poco::RegularExpression::RE_GLOBAL);
	return result;
}

} // namespace restream::host
