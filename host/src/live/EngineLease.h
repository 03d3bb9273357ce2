//
// EngineLease.h
//

#ifndef restream_host_EngineLease_INCLUDED
#define restream_host_EngineLease_INCLUDED

#include "live/LeaseBook.h"
#include "restream/ChannelLease.h"
#include <memory>

namespace restream::host {

class EngineLease : public ChannelLease
	/// A lease the engine issued: releases its channel when destroyed.
{
public:
	EngineLease(std::shared_ptr<LeaseBook> book, Poco::Int64 streamId, Poco::UInt64 number);
	~EngineLease() override;

	Poco::Int64 streamId() const override;
	bool active() const override;

private:
	const std::shared_ptr<LeaseBook> _book;
	const Poco::Int64 _streamId;
	const Poco::UInt64 _number;
};

} // namespace restream::host

#endif // restream_host_EngineLease_INCLUDED
