//
// ErrorLog.h
//
// Library: fakeprovider
//
// Where the fake provider reports real errors.
//


#ifndef FakeProvider_ErrorLog_INCLUDED
#define FakeProvider_ErrorLog_INCLUDED


#include <string>


namespace fakeprovider {


void logError(const std::string& message);
	/// Writes "fake-provider: <message>" as one line to stderr. Thread-safe, never throws.
	/// The provider is otherwise silent.


} // namespace fakeprovider


#endif // FakeProvider_ErrorLog_INCLUDED
