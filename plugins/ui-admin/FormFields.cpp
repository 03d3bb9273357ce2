//
// FormFields.cpp
//

#include "FormFields.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>

namespace uiadmin {

bool FormFields::read(const std::string& body, std::map<std::string, std::string>& fields)
{
	Poco::Net::HTMLForm form;
	try
	{
		form.read(body);
	}
	catch (const Poco::Exception&)
	{
		return false;
	}
	for (const auto& field : form) fields[field.first] = field.second;
	return true;
}

} // namespace uiadmin
