//
// ErrorLog.cpp
//
// Library: fakeprovider
//


#include "ErrorLog.h"
#include <iostream>
#include <mutex>


namespace fakeprovider {


void logError(const std::string& message)
{
	static std::mutex mutex;
	try
	{
		std::lock_guard<std::mutex> lock(mutex);
		std::cerr << "fake-provider: " << message << std::endl;
	}
	catch (...)
	{
	}
}


} // namespace fakeprovider
