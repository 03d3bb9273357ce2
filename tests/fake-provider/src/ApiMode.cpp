//
// ApiMode.cpp
//
// Library: fakeprovider
//


#include "fakeprovider/ApiMode.h"
#include <utility>


namespace fakeprovider {


namespace {


const std::pair<ApiMode, const char*> API_MODE_NAMES[] = {
	{ApiMode::NORMAL, "normal"},
	{ApiMode::HTML, "html"},
	{ApiMode::TEXT, "text"},
	{ApiMode::SLOW, "slow"},
	{ApiMode::EXPIRED, "expired"},
	{ApiMode::DISABLED, "disabled"},
	{ApiMode::BANNED, "banned"},
	{ApiMode::NUMBERS, "numbers"}
};


} // namespace


std::string apiModeName(ApiMode mode)
{
	for (const auto& entry: API_MODE_NAMES)
	{
		if (entry.first == mode) return entry.second;
	}
	return "normal";
}


bool parseApiMode(const std::string& name, ApiMode& mode)
{
	for (const auto& entry: API_MODE_NAMES)
	{
		if (name == entry.second)
		{
			mode = entry.first;
			return true;
		}
	}
	return false;
}


} // namespace fakeprovider
